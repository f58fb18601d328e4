/**
 * Applying one triage decision to many findings inside the caller's transaction: every id must
 * be a routed finding of the organization in a zone the caller may triage. The findings are read
 * and locked once (`selectForTriage`); one UPDATE writes them all and one `finding.triaged` event
 * per finding goes to the audit trail, with the state it replaced.
 */
import { InputError } from '../domain/errors.ts';
import { authorizeOnZone, can } from '../domain/roles.ts';
import type { Queryable } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import {
  applyTriage, groupByZone, lockForTriage, missingFindings, type FindingBeforeTriage, type FindingGroup, type TriageWrite,
} from '../store/triage.ts';
import type { Actor } from './actor.ts';
import { isUuid } from '../domain/ids.ts';

/** Findings about to be decided: their zones (what the decision must be allowed in) and their state before. */
export interface TriageSelection {
  groups: FindingGroup[];
  findings: FindingBeforeTriage[];
}

/** The findings, locked, once each id is known to exist and the caller may triage them all. */
export async function selectForTriage(q: Queryable, actor: Actor, ids: string[], field = 'findingIds'): Promise<TriageSelection> {
  if (ids.length === 0) throw InputError.field(field, 'name at least one finding');
  const bad = ids.find((id) => !isUuid(id));
  if (bad) throw InputError.field(field, `${JSON.stringify(bad)} is not a finding id`);
  const unique = [...new Set(ids)];
  const findings = await lockForTriage(q, actor.orgId, unique);
  if (findings.length < unique.length) {
    const missing = await missingFindings(q, actor.orgId, unique);
    throw InputError.field(field, `${unique.length - findings.length} finding(s) not found in this organization, e.g. ${missing.join(', ')}`);
  }
  const groups = groupByZone(findings);
  const unrouted = groups.find((g) => g.zoneId === null);
  if (unrouted) throw InputError.field(field, `${unrouted.findings} finding(s) are unrouted; route them to a zone before triage`);
  if (!can(actor.role, 'triage.decide_any')) {
    for (const g of groups) {
      const holds = actor.userId !== null && (g.ownerId === actor.userId || g.deputyId === actor.userId);
      authorizeOnZone(actor.role, holds, 'triage.decide_own', 'triage.decide_any');
    }
  }
  return { groups, findings };
}

/** Writes the decision on every selected finding and its events; returns how many were decided. */
export async function writeTriage(
  q: Queryable, actor: Actor, selection: TriageSelection, w: Omit<TriageWrite, 'by' | 'at'>, at: Date,
): Promise<number> {
  const { findings } = selection;
  await applyTriage(q, actor.orgId, findings.map((f) => f.id), { ...w, by: actor.label, at: at.toISOString() });
  const after = {
    triage: w.triage, reason: w.reason, duplicateOf: w.duplicateOf, remediationId: w.remediationId, riskAcceptanceId: w.riskAcceptanceId,
  };
  await appendEvents(q, actor.orgId, findings.map((f) => ({
    actor: actor.label, action: 'finding.triaged', entityType: 'finding', entityId: f.id,
    before: { triage: f.triage, remediationId: f.remediationId }, after,
  })), at);
  return findings.length;
}
