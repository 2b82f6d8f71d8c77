// Wire shapes of docs/api.md (camelCase JSON, RFC 3339 UTC times, WGS84 lon/lat).

export type Severity = 'info' | 'warning' | 'critical';

export interface Alert {
  alertId: string;
  sectorId: string;
  seq: number;
  kind: string;
  severity: Severity;
  class?: string | null;
  trackId?: string | null;
  reportId?: string | null;
  lon?: number | null;
  lat?: number | null;
  depthM?: number | null;
  observedAt?: string | null;
  decidedAt: string;
  mdlVersion?: number;
  policy?: string | null;
  incidentId?: string | null;
  drillId?: string | null;
}

export interface TrackState {
  trackId: string;
  sectorId: string;
  class: string;
  lon: number;
  lat: number;
  observedAt: string;
  verdict: string;
  depthM?: number;
  incidentId?: string | null;
  /** Not in a compact track push (trackRows.ts). */
  sensorId?: string;
  count?: number;
}

export interface TrackBatch {
  sectorId: string;
  drillId?: string | null;
  tracks: TrackState[];
}

export interface SectorView {
  sectorId: string;
  lastSeq: number;
  mdlVersion: number;
  tracks: TrackState[];
  openIncidents?: string[];
  drillId?: string | null;
}

export interface ConsoleSnapshot {
  mdlVersion: number;
  policy: string;
  sectors: SectorView[];
  lastSeq: Record<string, number>;
  openIncidents: unknown[];
}

export type StepState = 'pending' | 'due' | 'acked' | 'overdue' | 'skipped';

export interface IncidentStep {
  stepId: string;
  state: StepState;
  dueAt?: string | null;
  deadlineAt?: string | null;
  ackedBy?: string | null;
  ackedAt?: string | null;
  note?: string | null;
}

export interface IncidentEscalation {
  stepId?: string | null;
  at?: string | null;
  raisedAt?: string | null;
  [key: string]: unknown;
}

export interface IncidentView {
  incidentId: string;
  sectorId: string;
  trackId?: string | null;
  state: 'open' | 'closed';
  openedAt: string;
  closedAt?: string | null;
  verdicts?: unknown[];
  steps: IncidentStep[];
  escalations?: IncidentEscalation[];
  drillId?: string | null;
  [key: string]: unknown;
}

export interface Sensor {
  id: string;
  kind: string;
  sectorId: string;
  lon: number;
  lat: number;
  defaultAccuracyM?: number;
  health?: string;
}

export interface Discrepancy {
  fromMarker: number;
  toMarker: number;
  maxGapM: number;
  lengthM: number;
  identified: number;
  damaged: number;
  lost: number;
}

export interface MdlCollection {
  type: 'FeatureCollection';
  version: number;
  policy: string;
  features: GeoJSON.Feature[];
}

export interface DrillView {
  drillId: string;
  recording?: string;
  speed?: number;
  state: string;
  progress?: number;
  clock?: string | null;
}
