// The incident panel: each incident's protocol ladder, countdowns to each step's due time and
// deadline, acknowledge buttons only where this user may ack, escalations highlighted, history.
import type { User } from './auth';
import { countdown, el, time } from './dom';
import { canAcknowledge } from './permissions';
import type { IncidentStep, IncidentView } from './types';

const STEP_LABELS: Record<string, string> = {
  confirm: 'Confirm (visual identification)',
  report: 'Report (chain of command + UNC)',
  'warning-broadcast': 'Warning broadcast',
  'warning-shots': 'Warning shots',
  resolve: 'Resolve',
};

/**
 * The longest acknowledgement note the server accepts: AckNote.MaxLength in
 * src/Monitoring.Host/Incidents/AckNote.cs (HTTP and hub refuse a longer one). There is no config
 * endpoint to read it from, so it is repeated here; AckNoteLengthTests fails if the two drift.
 */
export const ACK_NOTE_MAX_LENGTH = 2000;

export class IncidentPanel {
  private readonly incidents = new Map<string, IncidentView>();
  private user: User | undefined;
  private sectors = new Set<string>();
  private selected: string | undefined;
  private drillId: string | null = null;
  /** Each incident's card and the view it shows: a push rebuilds only the card that changed. */
  private readonly cards = new Map<string, { shows: string; node: HTMLElement }>();
  onAcknowledge: ((incidentId: string, stepId: string, note: string | null) => Promise<void>) | undefined;
  onFocus: ((incident: IncidentView) => void) | undefined;

  constructor(private readonly root: HTMLElement, private readonly badge: HTMLElement) {
    window.setInterval(() => this.tick(), 1000);
  }

  configure(user: User, sectors: string[]): void {
    this.user = user;
    this.sectors = new Set(sectors);
    this.cards.clear(); // who may acknowledge depends on the user
    for (const [id, v] of this.incidents) {
      if (!this.sectors.has(v.sectorId)) this.incidents.delete(id);
    }

    this.render();
  }

  setDrill(drillId: string | null): void {
    this.drillId = drillId;
    this.render();
  }

  /** A full view from GET /api/incidents or an `incident` push; the newer view wins. */
  upsert(view: IncidentView): void {
    if (!view?.incidentId || (this.sectors.size > 0 && !this.sectors.has(view.sectorId))) {
      return;
    }

    this.incidents.set(view.incidentId, view);
    this.render();
  }

  replaceAll(views: IncidentView[]): void {
    for (const v of views) {
      if (this.sectors.size === 0 || this.sectors.has(v.sectorId)) this.incidents.set(v.incidentId, v);
    }

    this.render();
  }

  select(incidentId: string): void {
    this.selected = incidentId;
    this.render();
    this.root.querySelector(`[data-incident-id="${CSS.escape(incidentId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  get(incidentId: string): IncidentView | undefined {
    return this.incidents.get(incidentId);
  }

  private visible(): IncidentView[] {
    return [...this.incidents.values()]
      .filter((v) => (v.drillId ?? null) === this.drillId)
      .sort((a, b) => (a.state === b.state ? Date.parse(b.openedAt) - Date.parse(a.openedAt) : a.state === 'open' ? -1 : 1));
  }

  private render(): void {
    const views = this.visible();
    const open = views.filter((v) => v.state === 'open');
    this.badge.textContent = String(open.length);
    this.badge.classList.toggle('hot', open.some((v) => (v.escalations?.length ?? 0) > 0 || v.steps.some((s) => s.state === 'overdue')));
    if (views.length === 0) {
      this.root.replaceChildren(el('p', { class: 'empty' }, 'No incidents in your sectors.'));
      return;
    }

    // Reuse unchanged cards (a typed note, an open history and the scroll position survive a push
    // about another incident), and touch the DOM only if a card or the order changed.
    const nodes = views.map((v) => {
      const shows = `${this.selected === v.incidentId}|${JSON.stringify(v)}`;
      let card = this.cards.get(v.incidentId);
      if (card?.shows !== shows) {
        card = { shows, node: this.card(v) };
        this.cards.set(v.incidentId, card);
      }

      return card.node;
    });
    for (const id of this.cards.keys()) {
      if (!this.incidents.has(id)) this.cards.delete(id);
    }

    const children = this.root.children;
    if (children.length === nodes.length && nodes.every((n, i) => children[i] === n || !n.isConnected)) {
      nodes.forEach((n, i) => {
        if (children[i] !== n) children[i].replaceWith(n);
      });
    } else {
      this.root.replaceChildren(...nodes);
    }
  }

  private card(v: IncidentView): HTMLElement {
    const escalated = (v.escalations?.length ?? 0) > 0 || v.steps.some((s) => s.state === 'overdue');
    const header = el(
      'header',
      {},
      el('b', {}, v.incidentId),
      el('span', { class: `state state-${v.state}` }, v.state),
      el('span', {}, `${v.sectorId} · track ${v.trackId ?? '—'} · opened ${time(v.openedAt)}${v.closedAt ? ` · closed ${time(v.closedAt)}` : ''}`),
      escalated ? el('span', { class: 'escalated' }, 'ESCALATED') : null,
    );
    header.addEventListener('click', () => {
      this.selected = v.incidentId;
      this.onFocus?.(v);
      this.render();
    });
    const ladder = el('ol', { class: 'ladder' }, ...v.steps.map((s) => this.step(v, s)));
    const history = this.history(v);
    return el(
      'article',
      {
        class: `incident${escalated ? ' escalated' : ''}${v.state === 'closed' ? ' closed' : ''}${this.selected === v.incidentId ? ' selected' : ''}`,
        'data-incident-id': v.incidentId,
        'data-sector': v.sectorId,
      },
      header,
      ladder,
      history,
    );
  }

  private step(v: IncidentView, s: IncidentStep): HTMLElement {
    const li = el(
      'li',
      { class: `step step-${s.state}`, 'data-step-id': s.stepId, 'data-state': s.state },
      el('span', { class: 'step-name' }, STEP_LABELS[s.stepId] ?? s.stepId),
      el('span', { class: 'step-state' }, s.state),
      el('span', { class: 'step-clock', 'data-due': s.dueAt ?? '', 'data-deadline': s.deadlineAt ?? '' }, clockText(s)),
    );
    if (s.state === 'acked') {
      li.append(el('span', { class: 'step-ack' }, `by ${s.ackedBy ?? '?'} at ${time(s.ackedAt)}${s.note ? ` — ${s.note}` : ''}`));
    }

    if (this.user && canAcknowledge(this.user, v, s)) {
      // maxlength: the browser stops typing and pasting at the server's limit, instead of a refused ack after the fact.
      const note = el('input', {
        class: 'ack-note',
        placeholder: 'note',
        maxlength: String(ACK_NOTE_MAX_LENGTH),
        'aria-label': `note for ${s.stepId}`,
      });
      const button = el('button', { class: 'ack', 'data-step-id': s.stepId, type: 'button' }, 'Acknowledge');
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          await this.onAcknowledge?.(v.incidentId, s.stepId, note.value.trim() || null);
        } catch (error) {
          button.disabled = false;
          li.append(el('span', { class: 'error' }, (error as Error).message));
        }
      });
      li.append(note, button);
    }

    return li;
  }

  private history(v: IncidentView): HTMLElement {
    const entries: { at: string; text: string; cls: string }[] = [{ at: v.openedAt, text: 'opened', cls: '' }];
    for (const s of v.steps) {
      if (s.ackedAt) entries.push({ at: s.ackedAt, text: `${s.stepId} acked by ${s.ackedBy ?? '?'}${s.note ? ` (${s.note})` : ''}`, cls: '' });
    }

    for (const e of v.escalations ?? []) {
      const at = (e.at ?? e.raisedAt ?? (e as Record<string, unknown>).escalatedAt) as string | undefined;
      entries.push({ at: at ?? v.openedAt, text: `ESCALATION${e.stepId ? `: ${e.stepId} overdue` : ''}`, cls: 'escalation' });
    }

    for (const verdict of v.verdicts ?? []) {
      if (verdict && typeof verdict === 'object') {
        const r = verdict as Record<string, unknown>;
        const at = (r.at ?? r.decidedAt ?? r.observedAt) as string | undefined;
        const text = (r.verdict ?? r.kind) as string | undefined;
        if (at && text) entries.push({ at, text: `verdict ${text}`, cls: 'verdict' });
      } else if (typeof verdict === 'string') {
        entries.push({ at: v.openedAt, text: `verdict ${verdict}`, cls: 'verdict' });
      }
    }

    if (v.closedAt) entries.push({ at: v.closedAt, text: 'closed', cls: '' });
    entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    return el(
      'details',
      { class: 'history' },
      el('summary', {}, `History (${entries.length})`),
      el('ul', {}, ...entries.map((e) => el('li', { class: e.cls }, `${time(e.at)} ${e.text}`))),
    );
  }

  private tick(): void {
    for (const node of this.root.querySelectorAll<HTMLElement>('.step-clock')) {
      const step = node.closest<HTMLElement>('li.step');
      const state = step?.dataset.state;
      node.textContent = clockText({ stepId: '', state: (state ?? 'pending') as IncidentStep['state'], dueAt: node.dataset.due, deadlineAt: node.dataset.deadline });
    }
  }
}

function clockText(s: IncidentStep): string {
  const now = Date.now();
  if (s.state === 'acked' || s.state === 'skipped') return '';
  if (s.state === 'pending') {
    return s.dueAt ? `due in ${countdown(Date.parse(s.dueAt) - now)}` : 'not yet due';
  }

  if (!s.deadlineAt) return '';
  const left = Date.parse(s.deadlineAt) - now;
  return left >= 0 ? `deadline in ${countdown(left)}` : `OVERDUE by ${countdown(-left)}`;
}
