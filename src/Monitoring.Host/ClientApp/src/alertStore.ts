// Every alert the console knows, exactly once. Pushes are the fast path, GetAlertsSince the source of
// truth; both land here, and an alert already held (same alertId, or same sectorId+seq in the same
// namespace) is ignored. Per sector the store keeps a watermark: the highest seq up to which it holds
// every alert (or has chosen not to, for history older than the console's start). Catch-up asks for
// what lies after the watermark, so a missed push is always found again.
import type { Alert } from './types';

export function alertKey(a: Pick<Alert, 'sectorId' | 'seq' | 'drillId'>): string {
  return `${a.drillId ?? ''}|${a.sectorId}|${a.seq}`;
}

function streamKey(sectorId: string, drillId?: string | null): string {
  return `${drillId ?? ''}|${sectorId}`;
}

export class AlertStore {
  private readonly byKey = new Map<string, Alert>();
  private readonly ids = new Set<string>();
  private readonly watermarks = new Map<string, number>();
  private readonly ahead = new Map<string, Set<number>>();

  get size(): number {
    return this.byKey.size;
  }

  /** Adds an alert; false when it is already held. */
  add(alert: Alert): boolean {
    const key = alertKey(alert);
    if (this.byKey.has(key) || this.ids.has(alert.alertId)) {
      return false;
    }

    this.byKey.set(key, alert);
    this.ids.add(alert.alertId);
    const stream = streamKey(alert.sectorId, alert.drillId);
    const wm = this.watermarks.get(stream) ?? 0;
    if (alert.seq === wm + 1) {
      this.advance(stream, alert.seq);
    } else if (alert.seq > wm + 1) {
      let set = this.ahead.get(stream);
      if (!set) this.ahead.set(stream, (set = new Set()));
      set.add(alert.seq);
    }

    return true;
  }

  has(alert: Alert): boolean {
    return this.byKey.has(alertKey(alert)) || this.ids.has(alert.alertId);
  }

  /** The seq up to which nothing is missing: ask GetAlertsSince(sector, watermark). */
  watermark(sectorId: string, drillId?: string | null): number {
    return this.watermarks.get(streamKey(sectorId, drillId)) ?? 0;
  }

  knows(sectorId: string, drillId?: string | null): boolean {
    return this.watermarks.has(streamKey(sectorId, drillId));
  }

  /** True when an alert above the watermark is held but one below it is missing. */
  hasGap(sectorId: string, drillId?: string | null): boolean {
    return (this.ahead.get(streamKey(sectorId, drillId))?.size ?? 0) > 0;
  }

  /** Older history than this seq is not wanted (the console's start). */
  setFloor(sectorId: string, seq: number, drillId?: string | null): void {
    const stream = streamKey(sectorId, drillId);
    if ((this.watermarks.get(stream) ?? -1) < seq) {
      const set = this.ahead.get(stream);
      set?.forEach((s) => s <= seq && set.delete(s));
      this.advance(stream, seq);
    }
  }

  all(): Alert[] {
    return [...this.byKey.values()];
  }

  clear(): void {
    this.byKey.clear();
    this.ids.clear();
    this.watermarks.clear();
    this.ahead.clear();
  }

  private advance(stream: string, seq: number): void {
    let wm = seq;
    const set = this.ahead.get(stream);
    while (set?.delete(wm + 1)) wm++;
    this.watermarks.set(stream, wm);
  }
}

/** Newest first: by decision time, then seq. */
export function newestFirst(a: Alert, b: Alert): number {
  const t = Date.parse(b.decidedAt) - Date.parse(a.decidedAt);
  if (t !== 0 && !Number.isNaN(t)) {
    return t;
  }

  return b.seq - a.seq || a.sectorId.localeCompare(b.sectorId);
}
