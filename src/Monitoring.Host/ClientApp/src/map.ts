// The Leaflet map: Natural Earth basemap (served by the host, no tiles), the MDL layers of GET
// /api/mdl, markers by status, sensors, live tracks with short trails and crossing positions. Every
// layer draws on canvas: WebGL is not reliable under headless --disable-gpu. Two canvases: the
// static one (basemap, MDL, markers, sensors) is redrawn only when the view or the MDL changes, the
// live one (tracks, crossings) on each animation frame that has new positions. Markers, sensors,
// crossings and tracks are batch layers (canvasLayers.ts: one path per style, not one Leaflet layer
// each); hovering and clicking them goes through one handler here. See docs/console-performance.md.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { DotLayer, TrackLayer, type DotStyle } from './canvasLayers';
import { TimeSlicer, yieldToMain } from './schedule';
import { countVertices, simplifyFeature } from './simplify';
import type { Alert, MdlCollection, Sensor, TrackState } from './types';

/** ~1 m: see simplify.ts. */
const SIMPLIFY_DEG = 1e-5;

export const NATURAL_EARTH_CREDIT =
  'Basemap and MDL base line: Made with <a href="https://www.naturalearthdata.com/" rel="noreferrer">Natural Earth</a> (public domain)';

export const LAYER_STYLES = {
  sector: { color: '#6b7a8f', weight: 1, dashArray: '4 4', fillColor: '#9fb3c8', fillOpacity: 0.06 },
  sectorSelected: { color: '#2f6fb3', weight: 1.5, dashArray: '4 4', fillColor: '#5b9bd5', fillOpacity: 0.12 },
  'map-line': { color: '#1f77b4', weight: 2, opacity: 0.9, dashArray: '6 4' },
  'unc-line': { color: '#7b3fa0', weight: 2, opacity: 0.9, dashArray: '2 4' },
  'reconciled-line': { color: '#d62728', weight: 3, opacity: 0.95 },
  'disputed-band': { color: '#ff9f1c', weight: 0.5, fillColor: '#ffbf69', fillOpacity: 0.55 },
  'verified-zone': { color: '#2ca02c', weight: 0.5, fillColor: '#2ca02c', fillOpacity: 0.25 },
} as const;

export const MARKER_COLORS: Record<string, string> = { identified: '#2ca02c', damaged: '#ff9f1c', lost: '#8c8c8c' };
export const VERDICT_COLORS: Record<string, string> = {
  clear: '#1b9e77',
  approaching: '#e6ab02',
  ambiguous: '#ff7f0e',
  crossed: '#d62728',
};
const SENSOR_COLOR = '#17becf';
const TRAIL_POINTS = 8;
const TRACK_IDLE_MS = 10 * 60 * 1000;
const MAX_CROSSINGS = 500;
/** Extra pixels around a dot that still count as hovering or clicking it. */
const MARKER_TOLERANCE = 3;
const LIVE_TOLERANCE = 4;

const MARKER_STATUSES = ['identified', 'damaged', 'lost'];
const MARKER_STYLES: DotStyle[] = MARKER_STATUSES.map((status) => ({
  radius: status === 'identified' ? 4 : 3,
  color: '#333',
  weight: 0.5,
  fillColor: MARKER_COLORS[status],
  fillOpacity: 0.95,
}));
const SENSOR_STYLES: DotStyle[] = [{ radius: 3, color: SENSOR_COLOR, weight: 1.5, fillColor: '#ffffff', fillOpacity: 1 }];
const CROSSING_STYLES: DotStyle[] = [{ radius: 10, color: '#d62728', weight: 2.5, dash: [3, 3] }];

function markerStyle(m: MarkerInfo): number {
  const i = MARKER_STATUSES.indexOf(m.status);
  return i >= 0 ? i : MARKER_STATUSES.indexOf('lost');
}

interface LiveTrack {
  state: TrackState;
  points: L.LatLng[];
  seenAt: number;
}

export interface MarkerInfo {
  number: number;
  status: string;
  surveyedAt?: string | null;
}

interface MarkerDot extends MarkerInfo {
  lat: number;
  lon: number;
}

/** What the mouse is over: a tooltip, and what a click does. */
interface Hit {
  key: string;
  html: string;
  at: L.LatLng;
  offset: number;
  click?: () => void;
}

export class ConsoleMap {
  readonly map: L.Map;
  private readonly staticRenderer: L.Canvas;
  private readonly liveRenderer: L.Canvas;
  private readonly basemapLayer = L.layerGroup();
  private readonly sectorLayer = L.layerGroup();
  private readonly lineLayers = {
    'map-line': L.layerGroup(),
    'unc-line': L.layerGroup(),
    'reconciled-line': L.layerGroup(),
    'disputed-band': L.layerGroup(),
    'verified-zone': L.layerGroup(),
  };
  private readonly markerDots: DotLayer<MarkerDot>;
  private readonly sensorDots: DotLayer<Sensor>;
  private readonly crossingDots: DotLayer<Alert>;
  private readonly trackLines: TrackLayer;
  private readonly markerLayer = L.layerGroup();
  private readonly sensorLayer = L.layerGroup();
  private readonly trackLayer = L.layerGroup();
  private readonly crossingLayer = L.layerGroup();
  private readonly tracks = new Map<string, LiveTrack>();
  private crossings: Alert[] = [];
  private readonly crossingIds = new Set<string>();
  private pendingTracks = new Map<string, TrackState>();
  private frameRequested = false;
  private selectedSectors = new Set<string>();
  private sectorShapes = new Map<string, L.GeoJSON>();
  private markerCount = 0;
  private vertexCount = 0;
  private mdlGeneration = 0;
  private basemapGeneration = 0;
  private fitted = false;
  private readonly tip = L.tooltip({ direction: 'top', opacity: 0.92 });
  private tipKey: string | undefined;
  private tipFromHover = false;
  private hoverFrame = 0;
  private lastMouse: L.LeafletMouseEvent | undefined;
  onMarkerClick: ((marker: MarkerInfo) => void) | undefined;

  private constructor(element: HTMLElement) {
    this.map = L.map(element, {
      preferCanvas: true,
      center: [38.1, 127.2],
      zoom: 8,
      minZoom: 6,
      maxZoom: 18,
      worldCopyJump: false,
      attributionControl: true,
    });
    this.map.attributionControl.addAttribution(NATURAL_EARTH_CREDIT);
    // The canvases take no pointer events: the map gets them all and hitTest() finds what is under
    // the mouse (a canvas on top would otherwise swallow the events of the ones below it).
    for (const [name, z] of [['staticPane', '350'], ['livePane', '450']] as const) {
      const pane = this.map.createPane(name);
      pane.style.zIndex = z;
      pane.style.pointerEvents = 'none';
    }

    this.staticRenderer = L.canvas({ pane: 'staticPane', padding: 0.1 });
    this.liveRenderer = L.canvas({ pane: 'livePane', padding: 0.1 });
    this.markerDots = new DotLayer<MarkerDot>(this.staticRenderer, MARKER_STYLES, markerStyle, (m) => [m.lat, m.lon]);
    this.sensorDots = new DotLayer<Sensor>(this.staticRenderer, SENSOR_STYLES, () => 0, (s) => [s.lat, s.lon]);
    this.crossingDots = new DotLayer<Alert>(this.liveRenderer, CROSSING_STYLES, () => 0, (a) => [a.lat!, a.lon!]);
    this.trackLines = new TrackLayer(this.liveRenderer, { dotRadius: 6, dotColor: '#222', dotWeight: 1, trailWeight: 2, trailOpacity: 0.6 });

    this.addLegend();
    this.map.on('mousemove', (e) => this.onMouseMove(e));
    this.map.on('mouseout movestart zoomstart', () => this.closeTip(true));
    this.map.on('click', (e) => {
      if (!(e.originalEvent.target as Element | null)?.closest?.('.leaflet-control')) this.hitTest(e.layerPoint, e.latlng)?.click?.();
    });
    window.setInterval(() => this.dropIdleTracks(), 30_000);
  }

  /** The map, then (in a task of its own: each canvas costs a full-size bitmap) its layers. */
  static async create(element: HTMLElement, fitTo?: { mdl: MdlCollection; sectors: string[] }): Promise<ConsoleMap> {
    const map = new ConsoleMap(element);
    if (fitTo) map.fitSectors(fitTo.mdl, fitTo.sectors);
    await yieldToMain();
    await map.addLayers();
    return map;
  }

  private async addLayers(): Promise<void> {
    this.basemapLayer.addTo(this.map);
    this.sectorLayer.addTo(this.map);
    for (const layer of Object.values(this.lineLayers)) {
      layer.addTo(this.map);
    }

    this.markerDots.addTo(this.markerLayer);
    this.sensorDots.addTo(this.sensorLayer);
    this.crossingDots.addTo(this.crossingLayer);
    this.trackLines.addTo(this.trackLayer);
    this.markerLayer.addTo(this.map);
    this.sensorLayer.addTo(this.map);
    await yieldToMain();
    this.crossingLayer.addTo(this.map);
    this.trackLayer.addTo(this.map);
    await yieldToMain();
    // Built once all its layers are on the map (it rebuilds its whole list on each layer added).
    L.control
      .layers(undefined, {
        Sectors: this.sectorLayer,
        'Map line': this.lineLayers['map-line'],
        'UNC line': this.lineLayers['unc-line'],
        'Reconciled line': this.lineLayers['reconciled-line'],
        'Disputed band': this.lineLayers['disputed-band'],
        'Verified zones': this.lineLayers['verified-zone'],
        Markers: this.markerLayer,
        Sensors: this.sensorLayer,
        Crossings: this.crossingLayer,
        Tracks: this.trackLayer,
      }, { collapsed: true, position: 'topright' })
      .addTo(this.map);
  }

  get trackCount(): number {
    return this.tracks.size;
  }

  /** Vertices of the static layers after simplification (what each zoom re-projects). */
  get vertices(): number {
    return this.vertexCount;
  }

  get markersDrawn(): number {
    return this.markerCount;
  }

  /** Where a marker or a track is drawn, in page (client) pixels; for tests and diagnostics. */
  clientPointOf(kind: 'marker' | 'track', id: string | number): { x: number; y: number } | null {
    let at: L.LatLng | undefined;
    if (kind === 'track') {
      const live = this.tracks.get(String(id));
      at = live?.points[live.points.length - 1];
    } else {
      for (let i = 0; i < this.markerDots.size; i++) {
        if (this.markerDots.item(i).number === Number(id)) at = this.markerDots.latLng(i);
      }
    }

    if (!at) return null;
    const p = this.map.latLngToContainerPoint(at);
    const box = this.map.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }

  /** Simplifies the basemap in slices, then draws it under everything else on the static canvas. */
  async setBasemap(collection: GeoJSON.FeatureCollection): Promise<void> {
    const generation = ++this.basemapGeneration;
    const slicer = new TimeSlicer();
    const features: GeoJSON.Feature[] = [];
    for (const feature of collection.features) {
      await slicer.slice();
      features.push(simplifyFeature(feature, SIMPLIFY_DEG * 3));
    }

    await slicer.slice();
    if (generation !== this.basemapGeneration) return;
    const simplified: GeoJSON.FeatureCollection = { ...collection, features };
    const layer = L.geoJSON(simplified, {
      style: () => ({ color: '#9a9178', weight: 1, fillColor: '#f1ecd9', fillOpacity: 1, interactive: false }),
      renderer: this.staticRenderer,
      interactive: false,
      smoothFactor: 2,
    } as L.GeoJSONOptions);
    await slicer.slice();
    if (generation !== this.basemapGeneration) return;
    this.basemapLayer.clearLayers();
    layer.addTo(this.basemapLayer);
    layer.bringToBack();
  }

  /** Zooms to the given sectors of the MDL, once (the first time the console opens), before anything is drawn. */
  fitSectors(collection: MdlCollection, sectors: string[]): void {
    if (this.fitted) return;
    const wanted = new Set(sectors);
    const bounds = L.latLngBounds([]);
    for (const f of collection.features) {
      const props = (f.properties ?? {}) as Record<string, unknown>;
      if (props.layer === 'sector' && wanted.has(String(props.sectorId)) && f.geometry) {
        extendBounds(bounds, 'coordinates' in f.geometry ? f.geometry.coordinates : []);
      }
    }

    if (bounds.isValid()) {
      this.map.fitBounds(bounds, { padding: [20, 20], maxZoom: 13, animate: false });
      this.fitted = true;
    }
  }

  /**
   * Simplifies the MDL and builds its layers in slices of a few milliseconds, then swaps them in at
   * once. A newer call supersedes an unfinished older one.
   */
  async setMdl(collection: MdlCollection): Promise<void> {
    const generation = ++this.mdlGeneration;
    const slicer = new TimeSlicer();
    const markers: MarkerDot[] = [];
    const sectorShapes = new Map<string, L.GeoJSON>();
    const lines: [keyof typeof this.lineLayers, L.GeoJSON][] = [];
    let vertices = 0;
    for (const original of collection.features) {
      await slicer.slice();
      if (generation !== this.mdlGeneration) return;
      const props = (original.properties ?? {}) as Record<string, unknown>;
      const layer = props.layer as string;
      if (layer === 'marker' && original.geometry?.type === 'Point') {
        const [lon, lat] = original.geometry.coordinates;
        markers.push({ number: Number(props.number), status: String(props.status ?? 'lost'), surveyedAt: props.surveyedAt as string | null, lat, lon });
        vertices++;
        continue;
      }

      if (layer !== 'sector' && !(layer in this.lineLayers)) {
        continue;
      }

      const feature = original.properties ? simplifyFeature(original, SIMPLIFY_DEG) : original;
      vertices += feature.geometry ? countVertices(feature.geometry) : 0;
      await slicer.slice();
      if (layer === 'sector') {
        const sectorId = String(props.sectorId);
        sectorShapes.set(sectorId, L.geoJSON(feature, {
          style: () => (this.selectedSectors.has(sectorId) ? LAYER_STYLES.sectorSelected : LAYER_STYLES.sector),
          renderer: this.staticRenderer,
          interactive: false,
        } as L.GeoJSONOptions));
      } else {
        const key = layer as keyof typeof this.lineLayers;
        lines.push([key, L.geoJSON(feature, {
          style: () => LAYER_STYLES[key],
          renderer: this.staticRenderer,
          smoothFactor: 1.5,
          interactive: false,
        } as L.GeoJSONOptions)]);
      }
    }

    // Add the new layers in slices, then remove the old ones at once (no frame without lines).
    const old = [...this.sectorLayer.getLayers().map((l) => [this.sectorLayer, l] as const),
      ...Object.values(this.lineLayers).flatMap((g) => g.getLayers().map((l) => [g, l] as const))];
    for (const shape of sectorShapes.values()) {
      await slicer.slice();
      if (generation !== this.mdlGeneration) return;
      shape.addTo(this.sectorLayer);
    }

    for (const [key, layer] of lines) {
      await slicer.slice();
      if (generation !== this.mdlGeneration) return;
      layer.addTo(this.lineLayers[key]);
    }

    await slicer.slice();
    if (generation !== this.mdlGeneration) return;
    for (const [group, layer] of old) {
      group.removeLayer(layer);
    }

    this.sectorShapes = sectorShapes;
    // Drawn after (over) the lines: a batch layer keeps its place in the canvas's drawing order.
    this.markerDots.setItems(markers);
    this.markerDots.bringToFront();
    this.sensorDots.bringToFront();
    this.markerCount = markers.length;
    this.vertexCount = vertices;
  }

  setSelectedSectors(sectors: string[]): void {
    this.selectedSectors = new Set(sectors);
    for (const [id, shape] of this.sectorShapes) {
      shape.setStyle(this.selectedSectors.has(id) ? LAYER_STYLES.sectorSelected : LAYER_STYLES.sector);
    }
  }

  setSensors(sensors: Sensor[]): void {
    this.sensorDots.setItems(sensors);
  }

  /** Queues track positions; they are drawn once per animation frame, however many batches came. */
  queueTracks(tracks: TrackState[]): void {
    for (const t of tracks) {
      this.pendingTracks.set(t.trackId, t);
    }

    if (!this.frameRequested) {
      this.frameRequested = true;
      requestAnimationFrame(() => this.flushTracks());
    }
  }

  private flushTracks(): void {
    this.frameRequested = false;
    const batch = this.pendingTracks;
    this.pendingTracks = new Map();
    const now = Date.now();
    let changed = false;
    for (const state of batch.values()) {
      const position = L.latLng(state.lat, state.lon);
      const color = VERDICT_COLORS[state.verdict] ?? '#555';
      let live = this.tracks.get(state.trackId);
      if (!live) {
        live = { state, points: [position], seenAt: now };
        this.tracks.set(state.trackId, live);
        this.trackLines.set(state.trackId, live.points, color);
        changed = true;
        continue;
      }

      if (Date.parse(state.observedAt) < Date.parse(live.state.observedAt)) {
        continue; // an older position never moves a track back
      }

      const verdictChanged = live.state.verdict !== state.verdict;
      live.state = state;
      live.seenAt = now;
      const last = live.points[live.points.length - 1];
      const moved = !last || !last.equals(position);
      if (moved) {
        live.points.push(position);
        if (live.points.length > TRAIL_POINTS) {
          live.points.shift();
        }
      }

      if (moved || verdictChanged) {
        this.trackLines.set(state.trackId, live.points, color);
        changed = true;
      }
    }

    if (changed) {
      this.trackLines.redraw();
      this.refreshTip();
    }
  }

  addCrossing(alert: Alert): void {
    if (alert.kind !== 'crossed' || alert.lat == null || alert.lon == null || this.crossingIds.has(alert.alertId)) {
      return;
    }

    this.crossingIds.add(alert.alertId);
    this.crossings.push(alert);
    if (this.crossings.length > MAX_CROSSINGS) {
      this.crossings = this.crossings.slice(-MAX_CROSSINGS);
    }

    this.crossingDots.setItems(this.crossings);
  }

  /** Zooms to a track (its latest position, or where the alert saw it). */
  focus(trackId: string | null | undefined, fallback?: { lat: number; lon: number }): boolean {
    const live = trackId ? this.tracks.get(trackId) : undefined;
    const target = live ? live.points[live.points.length - 1] : fallback ? L.latLng(fallback.lat, fallback.lon) : undefined;
    if (!target) {
      return false;
    }

    this.map.setView(target, Math.max(this.map.getZoom(), 15), { animate: false });
    if (live) {
      this.openTip({ key: `track:${live.state.trackId}`, html: trackLabel(live.state), at: target, offset: 6 }, false);
    }

    return true;
  }

  private dropIdleTracks(): void {
    const cutoff = Date.now() - TRACK_IDLE_MS;
    let dropped = false;
    for (const [id, live] of this.tracks) {
      if (live.seenAt < cutoff) {
        this.trackLines.delete(id);
        this.tracks.delete(id);
        dropped = true;
      }
    }

    if (dropped) this.trackLines.redraw();
  }

  clearLive(): void {
    this.trackLines.clear();
    this.tracks.clear();
    this.crossings = [];
    this.crossingIds.clear();
    this.crossingDots.setItems([]);
    this.closeTip(true);
  }

  private onMouseMove(e: L.LeafletMouseEvent): void {
    this.lastMouse = e;
    if (!this.hoverFrame) {
      this.hoverFrame = requestAnimationFrame(() => {
        this.hoverFrame = 0;
        const m = this.lastMouse;
        if (!m || (this.map.dragging as unknown as { moving(): boolean }).moving()) return;
        // Over a control (legend, layers, zoom) nothing on the map below it is hovered.
        const overControl = (m.originalEvent.target as Element | null)?.closest?.('.leaflet-control');
        const hit = overControl ? undefined : this.hitTest(m.layerPoint, m.latlng);
        this.map.getContainer().style.cursor = hit?.click ? 'pointer' : '';
        if (hit) this.openTip(hit, true);
        else this.closeTip(false);
      });
    }
  }

  /** What is under a layer point, topmost first: tracks, crossings, sensors, markers, sectors. */
  private hitTest(point: L.Point, latlng: L.LatLng): Hit | undefined {
    if (this.map.hasLayer(this.trackLayer)) {
      const id = this.trackLines.hit(point, LIVE_TOLERANCE);
      const live = id ? this.tracks.get(id) : undefined;
      if (live) return { key: `track:${live.state.trackId}`, html: escapeHtml(trackLabel(live.state)), at: live.points[live.points.length - 1], offset: 6 };
    }

    if (this.map.hasLayer(this.crossingLayer)) {
      const i = this.crossingDots.hit(point, LIVE_TOLERANCE);
      if (i >= 0) {
        const a = this.crossingDots.item(i);
        return { key: `crossing:${a.alertId}`, html: escapeHtml(`Crossing ${a.alertId}: ${a.class ?? ''} ${a.depthM != null ? `${a.depthM.toFixed(1)} m south` : ''}`), at: this.crossingDots.latLng(i), offset: 10 };
      }
    }

    if (this.map.hasLayer(this.sensorLayer)) {
      const i = this.sensorDots.hit(point, MARKER_TOLERANCE);
      if (i >= 0) {
        const s = this.sensorDots.item(i);
        return { key: `sensor:${s.id}`, html: escapeHtml(`${s.id} (${s.kind}, ${s.sectorId})`), at: this.sensorDots.latLng(i), offset: 3 };
      }
    }

    if (this.map.hasLayer(this.markerLayer)) {
      const i = this.markerDots.hit(point, MARKER_TOLERANCE);
      if (i >= 0) {
        const m = this.markerDots.item(i);
        const info: MarkerInfo = { number: m.number, status: m.status, surveyedAt: m.surveyedAt };
        return {
          key: `marker:${m.number}`,
          html: escapeHtml(`Marker ${String(m.number).padStart(4, '0')}: ${m.status}${m.surveyedAt ? ` (surveyed ${m.surveyedAt})` : ''}`),
          at: this.markerDots.latLng(i),
          offset: 4,
          click: () => this.onMarkerClick?.(info),
        };
      }
    }

    if (this.map.hasLayer(this.sectorLayer)) {
      for (const [id, shape] of this.sectorShapes) {
        let inside = false;
        shape.eachLayer((l) => {
          inside ||= (l as unknown as { _containsPoint(p: L.Point): boolean })._containsPoint(point);
        });
        if (inside) return { key: `sector:${id}:${latlng.lat},${latlng.lng}`, html: escapeHtml(id), at: latlng, offset: 0 };
      }
    }

    return undefined;
  }

  private openTip(hit: Hit, fromHover: boolean): void {
    this.tipFromHover = fromHover;
    if (this.tipKey === hit.key && this.map.hasLayer(this.tip)) return;
    this.tipKey = hit.key;
    this.tip.options.offset = L.point(0, -hit.offset);
    this.tip.setLatLng(hit.at).setContent(hit.html);
    if (!this.map.hasLayer(this.tip)) this.tip.openOn(this.map);
  }

  /** Closes the tooltip; a hover only closes what a hover opened (not a focused track's). */
  private closeTip(always: boolean): void {
    if (this.tipKey && (always || this.tipFromHover)) {
      this.tipKey = undefined;
      this.tip.close();
    }
  }

  /** A track's tooltip follows the track. */
  private refreshTip(): void {
    if (!this.tipKey?.startsWith('track:')) return;
    const live = this.tracks.get(this.tipKey.slice(6));
    if (live) this.tip.setLatLng(live.points[live.points.length - 1]).setContent(escapeHtml(trackLabel(live.state)));
  }

  private addLegend(): void {
    const legend = new L.Control({ position: 'bottomleft' });
    legend.onAdd = () => {
      const div = L.DomUtil.create('div', 'legend');
      div.id = 'legend';
      const line = (style: { color: string; dashArray?: string }, label: string) =>
        `<div><svg width="28" height="10"><line x1="0" y1="5" x2="28" y2="5" stroke="${style.color}" stroke-width="3" ${style.dashArray ? `stroke-dasharray="${style.dashArray}"` : ''}/></svg>${label}</div>`;
      const area = (fill: string, label: string) => `<div><span class="swatch" style="background:${fill}"></span>${label}</div>`;
      const dot = (fill: string, label: string, ring = '#333') =>
        `<div><span class="dot" style="background:${fill};border-color:${ring}"></span>${label}</div>`;
      div.innerHTML = [
        '<b>Legend</b>',
        line(LAYER_STYLES['reconciled-line'], 'Reconciled line'),
        line(LAYER_STYLES['map-line'], 'Map line'),
        line(LAYER_STYLES['unc-line'], 'UNC line'),
        area(LAYER_STYLES['disputed-band'].fillColor, 'Disputed band'),
        area('rgba(44,160,44,0.45)', 'Verified zone'),
        area('rgba(91,155,213,0.35)', 'Sector (yours: blue)'),
        dot(MARKER_COLORS.identified, 'Marker identified'),
        dot(MARKER_COLORS.damaged, 'Marker damaged'),
        dot(MARKER_COLORS.lost, 'Marker lost'),
        dot('#fff', 'Sensor', SENSOR_COLOR),
        dot(VERDICT_COLORS.clear, 'Track clear'),
        dot(VERDICT_COLORS.approaching, 'Track approaching'),
        dot(VERDICT_COLORS.ambiguous, 'Track ambiguous'),
        dot(VERDICT_COLORS.crossed, 'Track crossed'),
        '<div><span class="dot ring"></span>Crossing position</div>',
      ].join('');
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    legend.addTo(this.map);
  }
}

function trackLabel(t: TrackState): string {
  const depth = t.depthM != null ? `, ${t.depthM >= 0 ? `${t.depthM.toFixed(1)} m south` : `${(-t.depthM).toFixed(1)} m north`}` : '';
  return `${t.trackId} (${t.class}${t.count && t.count > 1 ? ` ×${t.count}` : ''}): ${t.verdict}${depth}`;
}

/** Extends bounds by GeoJSON coordinates ([lon, lat], nested to any depth). */
function extendBounds(bounds: L.LatLngBounds, coordinates: unknown): void {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') {
    bounds.extend([coordinates[1] as number, coordinates[0] as number]);
  } else if (Array.isArray(coordinates)) {
    for (const c of coordinates) extendBounds(bounds, c);
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
