// The alert list: newest first, coloured by severity, filtered by sector and severity. A critical
// alert that arrives live flashes and beeps. Clicking an alert zooms the map to its track.
import { AlertStore, newestFirst } from './alertStore';
import { el, time } from './dom';
import { beep } from './sound';
import type { Alert, Severity } from './types';

const MAX_ROWS = 2000;

export class AlertList {
  readonly store = new AlertStore();
  private visible: Alert[] = [];
  private readonly rows = new Map<string, HTMLLIElement>();
  private sectorFilter = '';
  private readonly severities = new Set<Severity>(['info', 'warning', 'critical']);
  onSelect: ((alert: Alert) => void) | undefined;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly sectorSelect: HTMLSelectElement,
    severityBoxes: HTMLInputElement[],
    private readonly counter: HTMLElement,
  ) {
    sectorSelect.addEventListener('change', () => {
      this.sectorFilter = sectorSelect.value;
      this.rebuild();
    });
    for (const box of severityBoxes) {
      box.addEventListener('change', () => {
        if (box.checked) this.severities.add(box.value as Severity);
        else this.severities.delete(box.value as Severity);
        this.rebuild();
      });
    }

    list.addEventListener('click', (e) => {
      const row = (e.target as HTMLElement).closest<HTMLLIElement>('li[data-alert-id]');
      const alert = row ? this.visible.find((a) => a.alertId === row.dataset.alertId) : undefined;
      if (alert) {
        this.onSelect?.(alert);
      }
    });
  }

  setSectors(sectors: string[]): void {
    const current = this.sectorFilter;
    this.sectorSelect.replaceChildren(
      el('option', { value: '' }, 'All my sectors'),
      ...sectors.map((s) => el('option', { value: s }, s)),
    );
    this.sectorFilter = sectors.includes(current) ? current : '';
    this.sectorSelect.value = this.sectorFilter;
  }

  /** Adds alerts (pushed or caught up); returns how many were new. */
  add(alerts: Alert[], live: boolean): number {
    let added = 0;
    let critical = false;
    for (const alert of alerts) {
      if (!this.store.add(alert)) continue;
      added++;
      if (this.passes(alert)) {
        this.insertRow(alert, live);
      }

      critical ||= alert.severity === 'critical';
    }

    if (added > 0) {
      this.updateCounter();
    }

    if (critical && live) {
      beep();
    }

    return added;
  }

  clear(): void {
    this.store.clear();
    this.rebuild();
  }

  private passes(a: Alert): boolean {
    return this.severities.has(a.severity) && (!this.sectorFilter || a.sectorId === this.sectorFilter);
  }

  private rebuild(): void {
    this.visible = this.store.all().filter((a) => this.passes(a)).sort(newestFirst).slice(0, MAX_ROWS);
    this.list.replaceChildren(...this.visible.map((a) => this.row(a, false)));
    this.updateCounter();
  }

  private insertRow(alert: Alert, live: boolean): void {
    // Binary search for the first row that is older than this alert.
    let lo = 0;
    let hi = this.visible.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newestFirst(this.visible[mid], alert) < 0) lo = mid + 1;
      else hi = mid;
    }

    if (lo >= MAX_ROWS) return;
    const row = this.row(alert, live && alert.severity === 'critical');
    const before = this.visible[lo];
    this.visible.splice(lo, 0, alert);
    this.list.insertBefore(row, before ? this.rows.get(before.alertId) ?? null : null);
    if (this.visible.length > MAX_ROWS) {
      const dropped = this.visible.pop()!;
      this.rows.get(dropped.alertId)?.remove();
      this.rows.delete(dropped.alertId);
    }
  }

  private row(a: Alert, flash: boolean): HTMLLIElement {
    let row = this.rows.get(a.alertId);
    if (!row) {
      const depth = a.depthM != null ? `${a.depthM >= 0 ? a.depthM.toFixed(1) + ' m S' : (-a.depthM).toFixed(1) + ' m N'}` : '';
      row = el(
        'li',
        {
          class: `alert sev-${a.severity}${flash ? ' flash' : ''}`,
          'data-alert-id': a.alertId,
          'data-sector': a.sectorId,
          'data-seq': String(a.seq),
          'data-severity': a.severity,
          'data-kind': a.kind,
          title: `${a.alertId} · track ${a.trackId ?? '—'} · MDL v${a.mdlVersion ?? '?'} ${a.policy ?? ''}`,
        },
        el('span', { class: 'a-time' }, time(a.decidedAt)),
        el('span', { class: 'a-sector' }, a.sectorId),
        el('span', { class: 'a-kind' }, a.kind),
        el('span', { class: 'a-class' }, a.class ?? ''),
        el('span', { class: 'a-depth' }, depth),
        a.incidentId ? el('span', { class: 'a-incident' }, a.incidentId) : null,
        a.drillId ? el('span', { class: 'a-drill' }, 'DRILL') : null,
      );
      this.rows.set(a.alertId, row);
      if (flash) {
        window.setTimeout(() => row!.classList.remove('flash'), 10_000);
      }
    }

    return row;
  }

  private updateCounter(): void {
    this.counter.textContent = `${this.visible.length} shown / ${this.store.size} received`;
  }
}
