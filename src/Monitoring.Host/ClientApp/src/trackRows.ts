// The "compact" track push (docs/api.md "Track formats"): one row per track under a header naming the
// fields. The console asks for it when it connects, because track pushes are most of what it receives;
// here the rows become the TrackState objects the map already draws. Columns are found by name, so
// fields the server appends later are simply skipped.
import type { TrackBatch, TrackState } from './types';

export interface TrackRows {
  sectorId: string;
  drillId?: string | null;
  fields: string[];
  rows: unknown[][];
}

export function decodeTrackRows(push: TrackRows): TrackBatch {
  const at = (name: string): number => push.fields.indexOf(name);
  const id = at('trackId');
  const cls = at('class');
  const lon = at('lon');
  const lat = at('lat');
  const observed = at('observedAtMs');
  const verdict = at('verdict');
  const depth = at('depthM');
  const count = at('count');
  const incident = at('incidentId');
  const tracks: TrackState[] = push.rows.map((row) => ({
    trackId: String(row[id]),
    sectorId: push.sectorId,
    class: String(row[cls]),
    lon: Number(row[lon]),
    lat: Number(row[lat]),
    observedAt: new Date(Number(row[observed])).toISOString(),
    verdict: String(row[verdict]),
    depthM: depth >= 0 ? Number(row[depth]) : undefined,
    count: count >= 0 ? Number(row[count]) : undefined,
    incidentId: incident >= 0 ? (row[incident] as string | null) : undefined,
  }));
  return { sectorId: push.sectorId, drillId: push.drillId, tracks };
}
