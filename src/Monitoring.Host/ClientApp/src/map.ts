// The Leaflet map: Natural Earth basemap (served by the host, no tiles), the MDL layers of GET
// /api/mdl, markers by status, sensors, live tracks with short trails and crossing positions. Every
// layer draws on canvas (preferCanvas): WebGL is not reliable under headless --disable-gpu, and
// canvas keeps 1,292 markers smooth. Static layers, markers and live layers sit on separate canvases
// so that a track update redraws only the live one.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
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

interface LiveTrack {
  state: TrackState;
  marker: L.CircleMarker;
  trail: L.Polyline;
  points: L.LatLng[];
  seenAt: number;
}

export interface MarkerInfo {
  number: number;
  status: string;
  surveyedAt?: string | null;
}

export class ConsoleMap {
  readonly map: L.Map;
  private readonly baseRenderer: L.Canvas;
  private readonly mdlRenderer: L.Canvas;
  private readonly markerRenderer: L.Canvas;
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
  private readonly markerLayer = L.layerGroup();
  private readonly sensorLayer = L.layerGroup();
  private readonly trackLayer = L.layerGroup();
  private readonly crossingLayer = L.layerGroup();
  private readonly tracks = new Map<string, LiveTrack>();
  private readonly crossings: L.CircleMarker[] = [];
  private readonly crossingIds = new Set<string>();
  private pendingTracks = new Map<string, TrackState>();
  private frameRequested = false;
  private selectedSectors = new Set<string>();
  private sectorShapes = new Map<string, L.GeoJSON>();
  private markerCount = 0;
  private vertexCount = 0;
  private fitted = false;
  onMarkerClick: ((marker: MarkerInfo) => void) | undefined;

  constructor(element: HTMLElement) {
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
    this.map.createPane('basePane').style.zIndex = '200';
    this.map.createPane('mdlPane').style.zIndex = '350';
    this.map.createPane('markerPane2').style.zIndex = '420';
    this.map.createPane('livePane').style.zIndex = '450';
    this.baseRenderer = L.canvas({ pane: 'basePane', padding: 0.1 });
    this.mdlRenderer = L.canvas({ pane: 'mdlPane', padding: 0.1 });
    this.markerRenderer = L.canvas({ pane: 'markerPane2', padding: 0.1, tolerance: 3 });
    this.liveRenderer = L.canvas({ pane: 'livePane', padding: 0.1, tolerance: 4 });

    this.basemapLayer.addTo(this.map);
    this.sectorLayer.addTo(this.map);
    for (const layer of Object.values(this.lineLayers)) {
      layer.addTo(this.map);
    }

    this.markerLayer.addTo(this.map);
    this.sensorLayer.addTo(this.map);
    this.crossingLayer.addTo(this.map);
    this.trackLayer.addTo(this.map);

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
    this.addLegend();
    window.setInterval(() => this.dropIdleTracks(), 30_000);
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

  setBasemap(collection: GeoJSON.FeatureCollection): void {
    this.basemapLayer.clearLayers();
    collection = { ...collection, features: collection.features.map((f) => simplifyFeature(f, SIMPLIFY_DEG * 3)) };
    L.geoJSON(collection, {
      style: () => ({ color: '#9a9178', weight: 1, fillColor: '#f1ecd9', fillOpacity: 1, interactive: false }),
      renderer: this.baseRenderer,
      interactive: false,
      smoothFactor: 2,
    } as L.GeoJSONOptions).addTo(this.basemapLayer);
  }

  setMdl(collection: MdlCollection): void {
    this.sectorLayer.clearLayers();
    this.sectorShapes.clear();
    for (const layer of Object.values(this.lineLayers)) {
      layer.clearLayers();
    }

    this.markerLayer.clearLayers();
    let markers = 0;
    let vertices = 0;
    for (const original of collection.features) {
      const feature = original.properties && (original.properties as Record<string, unknown>).layer !== 'marker' ? simplifyFeature(original, SIMPLIFY_DEG) : original;
      vertices += feature.geometry ? countVertices(feature.geometry) : 0;
      const props = (feature.properties ?? {}) as Record<string, unknown>;
      const layer = props.layer as string;
      if (layer === 'marker' && feature.geometry.type === 'Point') {
        const [lon, lat] = feature.geometry.coordinates;
        const status = String(props.status ?? 'lost');
        const info: MarkerInfo = { number: Number(props.number), status, surveyedAt: props.surveyedAt as string | null };
        const marker = L.circleMarker([lat, lon], {
          renderer: this.markerRenderer,
          radius: status === 'identified' ? 4 : 3,
          color: '#333',
          weight: 0.5,
          fillColor: MARKER_COLORS[status] ?? '#8c8c8c',
          fillOpacity: 0.95,
        });
        marker.bindTooltip(() => `Marker ${String(info.number).padStart(4, '0')}: ${info.status}${info.surveyedAt ? ` (surveyed ${info.surveyedAt})` : ''}`);
        marker.on('click', () => this.onMarkerClick?.(info));
        marker.addTo(this.markerLayer);
        markers++;
      } else if (layer === 'sector') {
        const sectorId = String(props.sectorId);
        const shape = L.geoJSON(feature, {
          style: () => (this.selectedSectors.has(sectorId) ? LAYER_STYLES.sectorSelected : LAYER_STYLES.sector),
          renderer: this.mdlRenderer,
        } as L.GeoJSONOptions);
        shape.bindTooltip(sectorId, { sticky: true });
        shape.addTo(this.sectorLayer);
        this.sectorShapes.set(sectorId, shape);
      } else if (layer in this.lineLayers) {
        const key = layer as keyof typeof this.lineLayers;
        L.geoJSON(feature, {
          style: () => LAYER_STYLES[key],
          renderer: this.mdlRenderer,
          smoothFactor: 1.5,
          interactive: false,
        } as L.GeoJSONOptions).addTo(this.lineLayers[key]);
      }
    }

    this.markerCount = markers;
    this.vertexCount = vertices;
    this.restyleSectors();
  }

  setSelectedSectors(sectors: string[], fit: boolean): void {
    this.selectedSectors = new Set(sectors);
    this.restyleSectors();
    if (fit && !this.fitted) {
      const bounds = L.latLngBounds([]);
      for (const id of sectors) {
        const shape = this.sectorShapes.get(id);
        if (shape) {
          bounds.extend(shape.getBounds());
        }
      }

      if (bounds.isValid()) {
        this.map.fitBounds(bounds, { padding: [20, 20], maxZoom: 13 });
        this.fitted = true;
      }
    }
  }

  setSensors(sensors: Sensor[]): void {
    this.sensorLayer.clearLayers();
    for (const s of sensors) {
      L.circleMarker([s.lat, s.lon], {
        renderer: this.markerRenderer,
        radius: 3,
        color: SENSOR_COLOR,
        weight: 1.5,
        fillColor: '#ffffff',
        fillOpacity: 1,
      })
        .bindTooltip(`${s.id} (${s.kind}, ${s.sectorId})`)
        .addTo(this.sensorLayer);
    }
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
    for (const state of batch.values()) {
      const position = L.latLng(state.lat, state.lon);
      const color = VERDICT_COLORS[state.verdict] ?? '#555';
      let live = this.tracks.get(state.trackId);
      if (!live) {
        const trail = L.polyline([position], { renderer: this.liveRenderer, color, weight: 2, opacity: 0.6, interactive: false });
        const marker = L.circleMarker(position, { renderer: this.liveRenderer, radius: 6, color: '#222', weight: 1, fillColor: color, fillOpacity: 1 });
        marker.bindTooltip(() => trackLabel(live!.state));
        live = { state, marker, trail, points: [position], seenAt: now };
        trail.addTo(this.trackLayer);
        marker.addTo(this.trackLayer);
        this.tracks.set(state.trackId, live);
        continue;
      }

      if (Date.parse(state.observedAt) < Date.parse(live.state.observedAt)) {
        continue; // an older position never moves a track back
      }

      const verdictChanged = live.state.verdict !== state.verdict;
      live.state = state;
      live.seenAt = now;
      const last = live.points[live.points.length - 1];
      if (!last || !last.equals(position)) {
        live.points.push(position);
        if (live.points.length > TRAIL_POINTS) {
          live.points.shift();
        }

        live.trail.setLatLngs(live.points);
        live.marker.setLatLng(position);
      }

      if (verdictChanged) {
        live.marker.setStyle({ fillColor: color });
        live.trail.setStyle({ color });
      }
    }
  }

  addCrossing(alert: Alert): void {
    if (alert.kind !== 'crossed' || alert.lat == null || alert.lon == null || this.crossingIds.has(alert.alertId)) {
      return;
    }

    this.crossingIds.add(alert.alertId);
    const ring = L.circleMarker([alert.lat, alert.lon], {
      renderer: this.liveRenderer,
      radius: 10,
      color: '#d62728',
      weight: 2.5,
      fill: false,
      dashArray: '3 3',
    }).bindTooltip(`Crossing ${alert.alertId}: ${alert.class ?? ''} ${alert.depthM != null ? `${alert.depthM.toFixed(1)} m south` : ''}`);
    ring.addTo(this.crossingLayer);
    this.crossings.push(ring);
    if (this.crossings.length > MAX_CROSSINGS) {
      this.crossings.shift()?.remove();
    }
  }

  /** Zooms to a track (its latest position, or where the alert saw it). */
  focus(trackId: string | null | undefined, fallback?: { lat: number; lon: number }): boolean {
    const live = trackId ? this.tracks.get(trackId) : undefined;
    const target = live ? live.marker.getLatLng() : fallback ? L.latLng(fallback.lat, fallback.lon) : undefined;
    if (!target) {
      return false;
    }

    this.map.setView(target, Math.max(this.map.getZoom(), 15), { animate: false });
    live?.marker.openTooltip();
    return true;
  }

  private dropIdleTracks(): void {
    const cutoff = Date.now() - TRACK_IDLE_MS;
    for (const [id, live] of this.tracks) {
      if (live.seenAt < cutoff) {
        live.marker.remove();
        live.trail.remove();
        this.tracks.delete(id);
      }
    }
  }

  clearLive(): void {
    this.trackLayer.clearLayers();
    this.crossingLayer.clearLayers();
    this.tracks.clear();
    this.crossings.length = 0;
    this.crossingIds.clear();
  }

  private restyleSectors(): void {
    for (const [id, shape] of this.sectorShapes) {
      shape.setStyle(this.selectedSectors.has(id) ? LAYER_STYLES.sectorSelected : LAYER_STYLES.sector);
    }
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
