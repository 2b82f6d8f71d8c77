// Who may acknowledge which protocol step (domain.md "Incidents and the response protocol"; the
// server decides, the console only hides buttons that would answer 403):
//   confirm, report, warning-broadcast → an operator covering the sector
//   warning-shots → a duty officer covering the sector who did not ack the warning broadcast
//   resolve → an operator or duty officer covering the sector
import { coversSector, hasRole, type User } from './auth';
import type { IncidentStep, IncidentView } from './types';

export const OPERATOR_STEPS = new Set(['confirm', 'report', 'warning-broadcast']);

export function canAcknowledge(user: User, incident: IncidentView, step: IncidentStep): boolean {
  if (incident.state !== 'open' || (step.state !== 'due' && step.state !== 'overdue')) {
    return false;
  }

  if (!coversSector(user, incident.sectorId)) {
    return false;
  }

  if (OPERATOR_STEPS.has(step.stepId)) {
    return hasRole(user, 'operator');
  }

  if (step.stepId === 'warning-shots') {
    const broadcast = incident.steps.find((s) => s.stepId === 'warning-broadcast');
    return hasRole(user, 'duty-officer') && !sameName(broadcast?.ackedBy, user.name);
  }

  if (step.stepId === 'resolve') {
    return hasRole(user, 'operator', 'duty-officer');
  }

  return false;
}

function sameName(a: string | null | undefined, b: string): boolean {
  return !!a && a.toLowerCase() === b.toLowerCase();
}
