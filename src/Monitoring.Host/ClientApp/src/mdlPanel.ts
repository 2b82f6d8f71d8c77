// The MDL panel: version, policy, the discrepancy brief, and (admin, commander) a marker survey form.
import { api } from './api';
import { hasRole, type User } from './auth';
import { el } from './dom';
import type { Discrepancy } from './types';

export const SURVEY_ROLES = ['admin', 'commander'];

export class MdlPanel {
  private user: User | undefined;
  onZoomToMarker: ((n: number) => void) | undefined;

  constructor(private readonly root: HTMLElement) {}

  configure(user: User): void {
    this.user = user;
    this.render(undefined, undefined, []);
  }

  render(version: number | undefined, policy: string | undefined, discrepancies: Discrepancy[]): void {
    const canSurvey = !!this.user && hasRole(this.user, ...SURVEY_ROLES);
    const info = el(
      'dl',
      { class: 'mdl-info' },
      el('dt', {}, 'Version'),
      el('dd', { id: 'mdl-version' }, version === undefined ? '…' : String(version)),
      el('dt', {}, 'Policy'),
      el('dd', { id: 'mdl-policy' }, policy ?? '…'),
    );
    const rows = discrepancies.map((d) => {
      const tr = el(
        'tr',
        { 'data-from': String(d.fromMarker) },
        el('td', {}, `${pad(d.fromMarker)}–${pad(d.toMarker)}`),
        el('td', { class: 'num' }, d.maxGapM.toFixed(1)),
        el('td', { class: 'num' }, (d.lengthM / 1000).toFixed(2)),
        el('td', { class: 'num' }, `${d.identified}/${d.damaged}/${d.lost}`),
      );
      tr.addEventListener('click', () => this.onZoomToMarker?.(Math.round((d.fromMarker + d.toMarker) / 2)));
      return tr;
    });
    const table = el(
      'table',
      { class: 'discrepancies', id: 'discrepancies' },
      el('thead', {}, el('tr', {}, el('th', {}, 'markers'), el('th', {}, 'max gap m'), el('th', {}, 'km'), el('th', {}, 'id/dmg/lost'))),
      el('tbody', {}, ...rows),
    );
    this.root.replaceChildren(
      el('h3', {}, 'Military Demarcation Line'),
      info,
      canSurvey ? this.surveyForm() : el('p', { class: 'hint' }, 'Marker surveys are recorded by admins and commanders.'),
      el('h3', {}, `Discrepancies > 20 m (${discrepancies.length})`),
      el('p', { class: 'hint' }, 'Where the map line and the UNC line differ: the brief for MDL talks.'),
      table,
    );
  }

  fillSurvey(n: number): void {
    const input = this.root.querySelector<HTMLInputElement>('#survey-number');
    if (input) {
      input.value = String(n);
      input.focus();
    }
  }

  private surveyForm(): HTMLElement {
    const number = el('input', { id: 'survey-number', type: 'number', min: '1', max: '1292', required: '', placeholder: 'marker no.' });
    const status = el(
      'select',
      { id: 'survey-status' },
      el('option', { value: 'identified' }, 'identified'),
      el('option', { value: 'damaged' }, 'damaged'),
      el('option', { value: 'lost' }, 'lost'),
    );
    const result = el('span', { id: 'survey-result', class: 'hint' });
    const form = el('form', { id: 'survey-form', class: 'survey' }, el('b', {}, 'Record a marker survey'), number, status, el('button', { type: 'submit' }, 'Record'), result);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      result.textContent = '…';
      try {
        const answer = await api.surveyMarker(Number(number.value), status.value, new Date().toISOString());
        result.textContent = `recorded: MDL v${answer.version}`;
      } catch (error) {
        result.textContent = (error as Error).message;
      }
    });
    return form;
  }
}

function pad(n: number): string {
  return String(n).padStart(4, '0');
}
