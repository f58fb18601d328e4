/**
 * Applying one triage decision to many findings inside the caller's transaction: every id must
 * be a routed finding of the organization in a zone the caller may triage; one UPDATE writes
 * them all and one `finding.triaged` event per finding goes to the audit trail.
 */
import { InputError } from '../domain/errors.ts';
import { authorizeOnZone, can } from '../domain/roles.ts';
import type { Queryable } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { applyTriage, groupFindings, missingFindings, type FindingGroup, type TriageWrite } from '../store/triage.ts';
import type { Actor } from './actor.ts';
import { isUuid } from '../domain/ids.ts';

/** The zones of the findings, once each id is known to exist and the caller may triage them all. */
export async function triageableGroups(q: Queryable, actor: Actor, ids: string[], field = 'findingIds'): Promise<FindingGroup[]> {
  if (ids.length === 0) throw InputError.field(field, 'name at least one finding');
  const bad = ids.find((id) => !isUuid(id));
  if (bad) throw InputError.field(field, `${JSON.stringify(bad)} is not a finding id`);
  const groups = await groupFindings(q, actor.orgId, ids);
  const found = groups.reduce((n, g) => n + g.findings, 0);
  if (found < ids.length) {
    const missing = await missingFindings(q, actor.orgId, ids);
    throw InputError.field(field, `${ids.length - found} finding(s) not found in this organization, e.g. ${missing.join(', ')}`);
  }
  const unrouted = groups.find((g) => g.zoneId === null);
  if (unrouted) throw InputError.field(field, `${unrouted.findings} finding(s) are unrouted; route them to a zone before triage`);
  if (!can(actor.role, 'triage.decide_any')) {
    for (const g of groups) {
      const holds = actor.userId !== null && (g.ownerId === actor.userId || g.deputyId === actor.userId);
      authorizeOnZone(actor.role, holds, 'triage.decide_own', 'triage.decide_any');
    }
  }
  return groups;
}

/** Writes the decision on every finding and its events; returns how many were decided. */
export async function writeTriage(q: Queryable, actor: Actor, ids: string[], w: Omit<TriageWrite, 'by' | 'at'>, at: Date): Promise<number> {
  const unique = [...new Set(ids)];
  const rows = await applyTriage(q, actor.orgId, unique, { ...w, by: actor.label, at: at.toISOString() });
  const after = {
    triage: w.triage, reason: w.reason, duplicateOf: w.duplicateOf, remediationId: w.remediationId, riskAcceptanceId: w.riskAcceptanceId,
  };
  await appendEvents(q, actor.orgId, rows.map((r) => ({
    actor: actor.label, action: 'finding.triaged', entityType: 'finding', entityId: r.id,
    before: { triage: r.before, remediationId: r.beforeRemediationId }, after,
  })), at);
  return rows.length;
}
