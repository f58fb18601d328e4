/**
 * Turning a PRD failure mode or a pre-mortem mitigation into a tracked finding or remediation
 * item in one step, inside the caller's transaction: the finding and remediation services'
 * own creation functions do the work (their rules, permissions and events apply).
 */
import type { Severity } from '../domain/severity.ts';
import type { Queryable } from '../store/db.ts';
import type { Actor } from './actor.ts';
import { createManualFindingIn } from './findings.ts';
import { createRemediationIn } from './remediation-create.ts';

export type FollowUpInput =
  | { kind: 'finding'; title?: string | undefined; severity?: Severity | undefined }
  | {
    kind: 'remediation'; title?: string | undefined; severity?: Severity | undefined;
    impact: number; feasibility: number; customerValue: number; rationale: string; assigneeId?: string | undefined;
  };

export interface FollowUpSource {
  zoneId: string;
  title: string;
  severity: Severity;
  description: string;
  /** Recorded as the finding's rule, so its origin shows in lists: `prd-failure-mode`, `premortem`. */
  origin: string;
}

export type FollowUpLink = { findingId: string } | { remediationId: string };

export async function createFollowUp(q: Queryable, actor: Actor, source: FollowUpSource, input: FollowUpInput, at: Date): Promise<FollowUpLink> {
  const title = input.title?.trim() || source.title;
  const severity = input.severity ?? source.severity;
  if (input.kind === 'finding') {
    const findingId = await createManualFindingIn(q, actor, {
      zone: source.zoneId, title, severity, description: source.description, ruleId: source.origin,
    }, at);
    return { findingId };
  }
  const remediationId = await createRemediationIn(q, actor, {
    zone: source.zoneId, title, severity, description: source.description, impact: input.impact, feasibility: input.feasibility,
    customerValue: input.customerValue, rationale: input.rationale, assigneeId: input.assigneeId,
  }, at);
  return { remediationId };
}
