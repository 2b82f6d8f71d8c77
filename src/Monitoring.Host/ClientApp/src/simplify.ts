// Douglas–Peucker simplification of GeoJSON geometry, done once when the MDL arrives. Leaflet
// re-projects every vertex of every path on each zoom; the map line is densified to 50 m and the
// basemap is the 1:10m coastline, so dropping the vertices that move a line by less than ~1 m
// (invisible at any zoom the console uses) keeps zooming well below the 100 ms long-task budget.

type Position = number[];

/** Tolerance in degrees (1e-5° ≈ 1 m at 38°N). */
export function simplifyGeometry(geometry: GeoJSON.Geometry, tolerance: number): GeoJSON.Geometry {
  switch (geometry.type) {
    case 'LineString':
      return { ...geometry, coordinates: simplifyLine(geometry.coordinates, tolerance) };
    case 'MultiLineString':
      return { ...geometry, coordinates: geometry.coordinates.map((l) => simplifyLine(l, tolerance)) };
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((r) => simplifyRing(r, tolerance)) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((p) => p.map((r) => simplifyRing(r, tolerance))) };
    default:
      return geometry;
  }
}

export function simplifyFeature<T extends GeoJSON.Feature>(feature: T, tolerance: number): T {
  return feature.geometry ? { ...feature, geometry: simplifyGeometry(feature.geometry, tolerance) } : feature;
}

export function countVertices(geometry: GeoJSON.Geometry): number {
  const count = (c: unknown): number => (Array.isArray(c) && typeof c[0] === 'number' ? 1 : Array.isArray(c) ? c.reduce((n: number, x) => n + count(x), 0) : 0);
  return 'coordinates' in geometry ? count(geometry.coordinates) : 0;
}

function simplifyRing(ring: Position[], tolerance: number): Position[] {
  if (ring.length <= 8) return ring;
  const simplified = simplifyLine(ring, tolerance);
  return simplified.length >= 4 ? simplified : ring;
}

export function simplifyLine(points: Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const sq = tolerance * tolerance;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let maxD = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistanceSq(points[i], points[first], points[last]);
      if (d > maxD) {
        maxD = d;
        index = i;
      }
    }

    if (index >= 0 && maxD > sq) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }

  return points.filter((_, i) => keep[i] === 1);
}

function segmentDistanceSq(p: Position, a: Position, b: Position): number {
  // Longitude scaled by cos(38°) so the tolerance is about the same in both directions.
  const k = 0.788;
  const ax = a[0] * k, ay = a[1], bx = b[0] * k, by = b[1], px = p[0] * k, py = p[1];
  let dx = bx - ax;
  let dy = by - ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      dx = px - bx;
      dy = py - by;
      return dx * dx + dy * dy;
    }

    if (t > 0) {
      const x = ax + dx * t;
      const y = ay + dy * t;
      dx = px - x;
      dy = py - y;
      return dx * dx + dy * dy;
    }
  }

  dx = px - ax;
  dy = py - ay;
  return dx * dx + dy * dy;
}
