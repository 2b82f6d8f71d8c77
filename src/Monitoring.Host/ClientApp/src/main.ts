// The operator console: sign in, pick sectors, then the live map, alerts, incidents and MDL panel.
import './console.css';
import { AlertList } from './alertList';
import { api, basemap, useToken } from './api';
import { coversSector, signIn, type User } from './auth';
import { byId, el } from './dom';
import { DrillMode } from './drill';
import type { ConsoleHubClient, ConnectionState } from './hub';
import { IncidentPanel } from './incidents';
import type { ConsoleMap } from './map';
import { MdlPanel } from './mdlPanel';
import { nextFrame, yieldToMain } from './schedule';
import { unlockAudio } from './sound';
import type { Alert, ConsoleSnapshot, MdlCollection, Sensor } from './types';

/** On the first connect, show this many recent alerts per sector (older ones stay in the log). */
const INITIAL_HISTORY = 50;

/**
 * The map (Leaflet) and the hub client (SignalR) are most of the bundle: evaluating them with the
 * page would be one long task. They are evaluated lazily, each in a task of its own, while the
 * sector picker is shown (esbuild turns these imports into deferred module initialisers).
 */
async function loadModules(): Promise<[typeof import('./map'), typeof import('./hub')]> {
  await yieldToMain();
  const hubModule = await import('./hub');
  await yieldToMain();
  const mapModule = await import('./map');
  return [mapModule, hubModule];
}

let modules: ReturnType<typeof loadModules> | undefined;
const loadedModules = () => (modules ??= loadModules());

let user: User | undefined;
let sectors: string[] = [];
let hub: ConsoleHubClient | undefined;
let consoleMap: ConsoleMap | undefined;
let mdl: MdlCollection | undefined;
let alertList: AlertList;
let incidents: IncidentPanel;
let mdlPanel: MdlPanel;
let drill: DrillMode;
const filling = new Set<string>();

function showView(id: 'signin' | 'picker' | 'console'): void {
  for (const view of ['signin', 'picker', 'console']) {
    byId(`view-${view}`).hidden = view !== id;
  }
}

function setConnection(state: ConnectionState, detail?: string): void {
  const pill = byId('conn');
  pill.dataset.state = state;
  pill.textContent = { connecting: 'Connecting…', connected: 'Live', reconnecting: 'Reconnecting…', disconnected: 'Disconnected' }[state];
  pill.title = detail ?? '';
}

/**
 * The server's reason for ending the connection, shown next to the pill: the console reconnects within a second,
 * so the pill alone ("Reconnecting…", then "Live") would hide why. It stays until clicked or the console reopens.
 */
function showServerClose(reason: string | undefined): void {
  const note = byId('conn-error');
  note.textContent = reason ? `${new Date().toLocaleTimeString()} the server closed the connection: ${reason}` : '';
  note.title = note.textContent;
  note.hidden = !reason;
}

async function onSignIn(e: SubmitEvent): Promise<void> {
  e.preventDefault();
  unlockAudio();
  const error = byId('signin-error');
  error.textContent = '';
  const form = e.target as HTMLFormElement;
  const data = new FormData(form);
  try {
    user = await signIn(String(data.get('username') ?? ''), String(data.get('password') ?? ''));
  } catch (err) {
    error.textContent = (err as Error).message;
    return;
  }

  useToken(user.token);
  try {
    mdl = await api.mdl();
  } catch (err) {
    error.textContent = `Could not load the MDL: ${(err as Error).message}`;
    return;
  }

  showPicker();
  void loadedModules();
}

function allSectors(): string[] {
  return (mdl?.features ?? [])
    .filter((f) => (f.properties as Record<string, unknown> | null)?.layer === 'sector')
    .map((f) => String((f.properties as Record<string, unknown>).sectorId))
    .sort();
}

function showPicker(): void {
  const mine = allSectors().filter((s) => coversSector(user!, s));
  byId('picker-user').textContent = `${user!.name} (${user!.roles.join(', ') || 'no role'})`;
  const list = byId('picker-sectors');
  list.replaceChildren(
    ...mine.map((s) =>
      el('label', { class: 'sector-choice' }, el('input', { type: 'checkbox', name: 'sector', value: s, checked: '' }), s),
    ),
  );
  byId('picker-empty').hidden = mine.length > 0;
  showView('picker');
}

function pickedSectors(): string[] {
  return [...document.querySelectorAll<HTMLInputElement>('#picker-sectors input[name=sector]:checked')].map((i) => i.value);
}

async function openConsole(e: SubmitEvent): Promise<void> {
  e.preventDefault();
  sectors = pickedSectors();
  if (sectors.length === 0) {
    byId('picker-error').textContent = 'Pick at least one sector.';
    return;
  }

  showView('console');
  byId('user').textContent = `${user!.name} · ${user!.roles.join(', ')}`;
  byId('sectors').textContent = sectors.length > 6 ? `${sectors.length} sectors` : sectors.join(' ');
  alertList.setSectors(sectors);
  alertList.clear();
  incidents.configure(user!, sectors);
  mdlPanel.configure(user!);

  // Start-up is cut into tasks the browser can run input and frames between (each well under the
  // 100 ms long-task budget): requests first, then a frame so the console view is laid out before
  // the map measures it, then the map, then the MDL in slices (map.ts).
  const sensors = api.sensors().catch(() => [] as Sensor[]);
  const basemapData = consoleMap ? undefined : basemap().catch(() => undefined);
  const [{ ConsoleMap }, { ConsoleHubClient }] = await loadedModules();
  await nextFrame();
  if (!consoleMap) {
    // Zoomed to the sectors before anything is drawn: nothing has to be projected again for it.
    consoleMap = await ConsoleMap.create(byId('map'), mdl ? { mdl, sectors } : undefined);
    consoleMap.onMarkerClick = (m) => {
      selectTab('mdl');
      mdlPanel.fillSurvey(m.number);
    };
    (window as unknown as { monitoringConsole: unknown }).monitoringConsole = diagnostics;
    await yieldToMain();
  } else {
    consoleMap.clearLive();
    consoleMap.map.invalidateSize(); // the view was hidden
  }

  const map = consoleMap;
  map.setSelectedSectors(sectors);
  if (mdl) {
    void map.setMdl(mdl);
  }

  void basemapData?.then((b) => b && map.setBasemap(b));
  void sensors.then((all) => map.setSensors(all.filter((s) => sectors.includes(s.sectorId))));
  void refreshMdlPanel();
  void refreshIncidents();

  await hub?.stop();
  showServerClose(undefined);
  hub = new ConsoleHubClient(() => user!.token, {
    alert: (a) => onAlert(a),
    tracks: (b) => {
      if ((b.drillId ?? null) === drill.current) consoleMap?.queueTracks(b.tracks);
    },
    incident: (v) => incidents.upsert(v),
    mdl: () => void refreshMdl(),
    sensorHealth: () => undefined,
    state: (s, d) => setConnection(s, d),
    closedByServer: (reason) => showServerClose(reason),
    subscribed: (snapshot, reconnect) => onSubscribed(snapshot, reconnect),
  });
  await hub.start(sectors);
}

function onAlert(alert: Alert): void {
  if (alertList.add([alert], true) > 0) {
    consoleMap?.addCrossing(alert);
  }

  // A gap in a subscribed sector's live seqs means a push was missed: fetch it from the log. (Escalations
  // of other sectors reach duty officers through their role group; those sectors are not caught up.)
  if (!alert.drillId && sectors.includes(alert.sectorId) && alertList.store.hasGap(alert.sectorId)) {
    void fill(alert.sectorId);
  }
}

/** Fetches what lies after the sector's watermark; returns how many alerts were new. */
async function fill(sectorId: string): Promise<number> {
  if (!hub || filling.has(sectorId)) return 0;
  filling.add(sectorId);
  try {
    const alerts = await hub.getAlertsSince(sectorId, alertList.store.watermark(sectorId));
    const added = alertList.add(alerts, false);
    alerts.forEach((a) => consoleMap?.addCrossing(a));
    return added;
  } finally {
    filling.delete(sectorId);
  }
}

async function onSubscribed(snapshot: ConsoleSnapshot, reconnect: boolean): Promise<void> {
  byId('mdl-badge').textContent = `MDL v${snapshot.mdlVersion} · ${snapshot.policy}`;
  for (const view of snapshot.sectors) {
    consoleMap?.queueTracks(view.tracks ?? []);
    if (!alertList.store.knows(view.sectorId)) {
      alertList.store.setFloor(view.sectorId, Math.max(0, (snapshot.lastSeq[view.sectorId] ?? view.lastSeq) - INITIAL_HISTORY));
    }
  }

  if (drill.current) {
    await drill.rejoin(hub!);
  }

  const counts = await Promise.all(sectors.map((s) => fill(s).catch(() => 0)));
  const caughtUp = counts.reduce((a, b) => a + b, 0);
  if (reconnect) {
    const note = byId('catchup');
    note.dataset.count = String(caughtUp);
    note.textContent = `Reconnected at ${new Date().toISOString().slice(11, 19)}Z: caught up ${caughtUp} alert${caughtUp === 1 ? '' : 's'}`;
    void refreshIncidents();
    if (mdl && snapshot.mdlVersion !== mdl.version) void refreshMdl();
  }
}

async function refreshMdl(): Promise<void> {
  try {
    mdl = await api.mdl();
    await consoleMap?.setMdl(mdl);
    byId('mdl-badge').textContent = `MDL v${mdl.version} · ${mdl.policy}`;
  } catch {
    // the next push or reconnect tries again
  }

  await refreshMdlPanel();
}

async function refreshMdlPanel(): Promise<void> {
  try {
    mdlPanel.render(mdl?.version, mdl?.policy, await api.discrepancies(20));
  } catch {
    mdlPanel.render(mdl?.version, mdl?.policy, []);
  }
}

async function refreshIncidents(): Promise<void> {
  try {
    incidents.replaceAll(await api.incidents('open'));
  } catch {
    // not available (yet): pushes still arrive
  }
}

function selectTab(tab: string): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('#tabs button')) {
    button.classList.toggle('active', button.dataset.tab === tab);
  }

  for (const panel of document.querySelectorAll<HTMLElement>('.panel')) {
    panel.hidden = panel.id !== `panel-${tab}`;
  }
}

function zoomToMarker(n: number): void {
  const feature = mdl?.features.find((f) => {
    const p = f.properties as Record<string, unknown> | null;
    return p?.layer === 'marker' && Number(p.number) === n;
  });
  if (feature?.geometry.type === 'Point') {
    const [lon, lat] = feature.geometry.coordinates;
    consoleMap?.focus(null, { lat, lon });
  }
}

const diagnostics = {
  get markers(): number {
    return consoleMap?.markersDrawn ?? 0;
  },
  get tracks(): number {
    return consoleMap?.trackCount ?? 0;
  },
  get alerts(): number {
    return alertList.store.size;
  },
  get vertices(): number {
    return consoleMap?.vertices ?? 0;
  },
  get zoom(): number {
    return consoleMap?.map.getZoom() ?? 0;
  },
  get connected(): boolean {
    return hub?.isConnected ?? false;
  },
  /** Page pixels of a marker (by number) or a live track (by id), or null. */
  pointOf(kind: 'marker' | 'track', id: string | number): { x: number; y: number } | null {
    return consoleMap?.clientPointOf(kind, id) ?? null;
  },
};

function init(): void {
  alertList = new AlertList(
    byId<HTMLOListElement>('alerts'),
    byId<HTMLSelectElement>('filter-sector'),
    [...document.querySelectorAll<HTMLInputElement>('#filter-severity input')],
    byId('alert-count'),
  );
  alertList.onSelect = (a) => {
    consoleMap?.focus(a.trackId, a.lat != null && a.lon != null ? { lat: a.lat, lon: a.lon } : undefined);
    if (a.incidentId && incidents.get(a.incidentId)) incidents.select(a.incidentId);
  };
  incidents = new IncidentPanel(byId('incidents'), byId('incident-count'));
  incidents.onAcknowledge = async (incidentId, stepId, note) => {
    if (!hub) throw new Error('not connected');
    await hub.acknowledgeStep(incidentId, stepId, note);
  };
  incidents.onFocus = (v) => {
    const alert = alertList.store.all().find((a) => a.incidentId === v.incidentId && a.lat != null);
    consoleMap?.focus(v.trackId, alert ? { lat: alert.lat!, lon: alert.lon! } : undefined);
  };
  mdlPanel = new MdlPanel(byId('mdl-panel'));
  mdlPanel.onZoomToMarker = zoomToMarker;
  drill = new DrillMode(byId('drill-banner'), byId('drill-clock'), byId('drill-id'));
  drill.onChange = (id) => incidents.setDrill(id);

  byId<HTMLFormElement>('signin-form').addEventListener('submit', (e) => void onSignIn(e));
  byId<HTMLFormElement>('picker-form').addEventListener('submit', (e) => void openConsole(e));
  byId('picker-all').addEventListener('click', () => document.querySelectorAll<HTMLInputElement>('#picker-sectors input').forEach((i) => (i.checked = true)));
  byId('picker-none').addEventListener('click', () => document.querySelectorAll<HTMLInputElement>('#picker-sectors input').forEach((i) => (i.checked = false)));
  byId('conn-error').addEventListener('click', () => showServerClose(undefined));
  byId('change-sectors').addEventListener('click', () => {
    void hub?.stop();
    showPicker();
  });
  byId('sign-out').addEventListener('click', () => {
    void hub?.stop();
    hub = undefined;
    user = undefined;
    useToken(undefined);
    setConnection('disconnected');
    showView('signin');
  });
  byId('drill-join').addEventListener('click', () => {
    if (!hub) return;
    if (drill.current) {
      void drill.leave(hub);
      return;
    }

    const id = window.prompt('Join drill (drill id):');
    if (id) void drill.join(hub, id.trim()).catch((err) => window.alert(`Could not join: ${(err as Error).message}`));
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>('#tabs button')) {
    button.addEventListener('click', () => selectTab(button.dataset.tab!));
  }

  selectTab('alerts');
  showView('signin');
}

init();
