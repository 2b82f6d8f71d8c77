// Many small shapes drawn as ONE Leaflet layer on a canvas renderer, with one path per style.
// Leaflet draws each L.CircleMarker / L.Polyline as its own layer: a beginPath, fill and stroke each,
// plus the bookkeeping of 1,292 layers (events, tooltips, projection, clipping, hit testing on every
// mouse move). A batch layer projects its points once per zoom, draws every shape of a style in one
// path, and leaves hit testing to ConsoleMap (one handler for all layers; see map.ts).
import * as L from 'leaflet';

/** The private part of Leaflet's canvas renderer that a path drawn on it uses. */
interface CanvasInternals {
  _ctx: CanvasRenderingContext2D;
  _drawing: boolean;
  _bounds: L.Bounds;
  _map: L.Map | null;
  _requestRedraw(layer: L.Path): void;
}

export interface DotStyle {
  radius: number;
  color: string;
  weight: number;
  opacity?: number;
  fillColor?: string;
  fillOpacity?: number;
  dash?: number[];
}

/** A canvas-drawn layer: implements the calls Leaflet's renderer makes on its paths. */
abstract class BatchLayer extends L.Path {
  declare _renderer: CanvasInternals;
  declare _pxBounds: L.Bounds | undefined;
  declare _map: L.Map;

  constructor(renderer: L.Canvas) {
    super();
    L.Util.setOptions(this, { renderer, interactive: false, weight: 2 });
  }

  /** Projects to layer pixels (on add and after each zoom). */
  protected abstract project(map: L.Map): void;

  /** Draws everything into the renderer's context. */
  protected abstract draw(ctx: CanvasRenderingContext2D, view: L.Bounds): void;

  /** Asks for a redraw of the layer (the whole canvas) in the next animation frame. */
  protected changed(): void {
    if (this._map && this._renderer?._map) {
      this._project();
      this._renderer._requestRedraw(this);
    }
  }

  _project(): void {
    if (!this._map) return;
    this.project(this._map);
    // The layer spans the canvas: a redraw of any part of it redraws the whole layer there.
    this._pxBounds = this._renderer._bounds;
  }

  _update(): void {
    this._pxBounds = this._renderer._bounds;
  }

  _updatePath(): void {
    if (this._renderer._drawing) {
      this.draw(this._renderer._ctx, this._renderer._bounds);
    }
  }

  _containsPoint(): boolean {
    return false;
  }

  _empty(): boolean {
    return false;
  }
}

/** Dots (markers, sensors, crossing rings) with a style each, drawn in one path per style. */
export class DotLayer<T> extends BatchLayer {
  private items: T[] = [];
  private lat = new Float64Array(0);
  private lon = new Float64Array(0);
  private style = new Uint16Array(0);
  private x = new Float64Array(0);
  private y = new Float64Array(0);

  constructor(renderer: L.Canvas, private readonly styles: DotStyle[], private readonly styleOf: (item: T) => number, private readonly latLngOf: (item: T) => [number, number]) {
    super(renderer);
  }

  get size(): number {
    return this.items.length;
  }

  item(index: number): T {
    return this.items[index];
  }

  setItems(items: T[]): void {
    this.items = items;
    const n = items.length;
    this.lat = new Float64Array(n);
    this.lon = new Float64Array(n);
    this.style = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const [lat, lon] = this.latLngOf(items[i]);
      this.lat[i] = lat;
      this.lon[i] = lon;
      this.style[i] = this.styleOf(items[i]);
    }

    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.changed();
  }

  latLng(index: number): L.LatLng {
    return L.latLng(this.lat[index], this.lon[index]);
  }

  /** The topmost item within its radius + tolerance of a layer point, or -1. */
  hit(point: L.Point, tolerance: number): number {
    if (!this._map) return -1;
    for (let i = this.items.length - 1; i >= 0; i--) {
      const r = this.styles[this.style[i]].radius + tolerance;
      const dx = this.x[i] - point.x;
      const dy = this.y[i] - point.y;
      if (dx * dx + dy * dy <= r * r) return i;
    }

    return -1;
  }

  protected project(map: L.Map): void {
    for (let i = 0; i < this.items.length; i++) {
      const p = map.latLngToLayerPoint([this.lat[i], this.lon[i]]);
      this.x[i] = p.x;
      this.y[i] = p.y;
    }
  }

  protected draw(ctx: CanvasRenderingContext2D, view: L.Bounds): void {
    const minX = view.min!.x - 20, minY = view.min!.y - 20, maxX = view.max!.x + 20, maxY = view.max!.y + 20;
    for (let s = 0; s < this.styles.length; s++) {
      const st = this.styles[s];
      let any = false;
      ctx.beginPath();
      for (let i = 0; i < this.items.length; i++) {
        const x = this.x[i], y = this.y[i];
        if (this.style[i] !== s || x < minX || x > maxX || y < minY || y > maxY) continue;
        ctx.moveTo(x + st.radius, y);
        ctx.arc(x, y, st.radius, 0, Math.PI * 2);
        any = true;
      }

      if (any) fillStroke(ctx, st);
    }
  }
}

export interface TrackStyle {
  dotRadius: number;
  dotColor: string;
  dotWeight: number;
  trailWeight: number;
  trailOpacity: number;
}

interface TrackShape {
  color: string;
  lat: number[];
  lon: number[];
  x: number[];
  y: number[];
}

/** Live tracks: a trail and a dot each, one trail path and one dot path per colour. */
export class TrackLayer extends BatchLayer {
  private readonly shapes = new Map<string, TrackShape>();

  constructor(renderer: L.Canvas, private readonly style: TrackStyle) {
    super(renderer);
  }

  /** Sets a track's trail (oldest first; the last point is where the dot is) and colour. */
  set(id: string, trail: L.LatLng[], color: string): void {
    const shape: TrackShape = { color, lat: trail.map((p) => p.lat), lon: trail.map((p) => p.lng), x: [], y: [] };
    this.shapes.set(id, shape);
    if (this._map) this.projectShape(this._map, shape);
  }

  delete(id: string): void {
    this.shapes.delete(id);
  }

  clear(): void {
    this.shapes.clear();
    this.redraw();
  }

  /** Call once after a batch of set/delete calls. */
  override redraw(): this {
    if (this._map && this._renderer?._map) this._renderer._requestRedraw(this);
    return this;
  }

  /** The topmost track whose dot is within its radius + tolerance of a layer point. */
  hit(point: L.Point, tolerance: number): string | undefined {
    const r = this.style.dotRadius + tolerance;
    let found: string | undefined;
    for (const [id, s] of this.shapes) {
      const n = s.x.length - 1;
      const dx = s.x[n] - point.x;
      const dy = s.y[n] - point.y;
      if (dx * dx + dy * dy <= r * r) found = id;
    }

    return found;
  }

  protected project(map: L.Map): void {
    for (const shape of this.shapes.values()) this.projectShape(map, shape);
  }

  private projectShape(map: L.Map, shape: TrackShape): void {
    const n = shape.lat.length;
    shape.x.length = n;
    shape.y.length = n;
    for (let i = 0; i < n; i++) {
      const p = map.latLngToLayerPoint([shape.lat[i], shape.lon[i]]);
      shape.x[i] = p.x;
      shape.y[i] = p.y;
    }
  }

  protected draw(ctx: CanvasRenderingContext2D): void {
    const byColor = new Map<string, TrackShape[]>();
    for (const s of this.shapes.values()) {
      const list = byColor.get(s.color);
      if (list) list.push(s);
      else byColor.set(s.color, [s]);
    }

    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.setLineDash([]);
    for (const [color, list] of byColor) {
      ctx.beginPath();
      for (const s of list) {
        for (let i = 0; i < s.x.length; i++) {
          if (i === 0) ctx.moveTo(s.x[i], s.y[i]);
          else ctx.lineTo(s.x[i], s.y[i]);
        }
      }

      ctx.globalAlpha = this.style.trailOpacity;
      ctx.lineWidth = this.style.trailWeight;
      ctx.strokeStyle = color;
      ctx.stroke();
    }

    const r = this.style.dotRadius;
    for (const [color, list] of byColor) {
      ctx.beginPath();
      for (const s of list) {
        const n = s.x.length - 1;
        ctx.moveTo(s.x[n] + r, s.y[n]);
        ctx.arc(s.x[n], s.y[n], r, 0, Math.PI * 2);
      }

      fillStroke(ctx, { radius: r, color: this.style.dotColor, weight: this.style.dotWeight, fillColor: color, fillOpacity: 1 });
    }

    ctx.globalAlpha = 1;
  }
}

function fillStroke(ctx: CanvasRenderingContext2D, st: DotStyle): void {
  if (st.fillColor) {
    ctx.globalAlpha = st.fillOpacity ?? 1;
    ctx.fillStyle = st.fillColor;
    ctx.fill('nonzero');
  }

  if (st.weight > 0) {
    ctx.globalAlpha = st.opacity ?? 1;
    ctx.lineWidth = st.weight;
    ctx.strokeStyle = st.color;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.setLineDash(st.dash ?? []);
    ctx.stroke();
  }

  ctx.globalAlpha = 1;
}
