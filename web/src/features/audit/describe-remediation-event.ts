/**
 * Remediation, triage and policy events in words: "Avery Admin changed the priority from 55 to
 * 72.5", "Dana Reyes checked off criterion 1 “No hidden instruction is followed”". Payloads are
 * those written by src/services/remediation*.ts, triage.ts, planning.ts, debt.ts, run-import.ts
 * and policy.ts. Values are words, never JSON.
 */
import type { AuditEvent } from '../../../../src/contracts/audit.ts';
import { formatDate, formatDateTime } from '../../ui/dates.ts';
import { SEVERITY_LABELS, isSeverity } from '../findings/severity.ts';
import {
  ELEMENT_KIND_LABELS, isMilestoneStatus, isRemediationStatus, isStage, MILESTONE_STATUS_LABELS, STAGE_LABELS, STATUS_LABELS,
} from '../remediations/remediation-labels.ts';
import { TIER_LABELS, isTier } from '../zones/tiers.ts';
import type { PeopleIndex } from '../users/people-index.ts';
import type { ChangeLine } from './event-diff.ts';

export interface RemediationEventContext {
  people: PeopleIndex;
  /** Shown on the item's own page: say "the item", link nowhere. */
  onItemPage?: boolean;
  /** Acceptance criteria texts by id, to name the criterion an event is about. */
  criteria?: ReadonlyMap<string, string>;
}

export interface Described {
  summary: string;
  changes: ChangeLine[];
  reason: string | null;
  link: { to: string; label: string } | null;
}

type Snapshot = Record<string, unknown>;
const rec = (v: unknown): Snapshot => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Snapshot) : {});
const str = (s: Snapshot, k: string): string | null => (typeof s[k] === 'string' && s[k] !== '' ? (s[k] as string) : null);
const num = (s: Snapshot, k: string): number | null => (typeof s[k] === 'number' ? (s[k] as number) : null);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const FIELD_LABELS: Record<string, string> = {
  title: 'title', description: 'description', effort: 'effort (points)', severity: 'severity', impact: 'impact',
  feasibility: 'feasibility', customerValue: 'customer value', priority: 'priority', slaDays: 'SLA', dueAt: 'due',
  assigneeId: 'assignee', validatorId: 'validator', monitorId: 'monitor', retirerId: 'retirer',
  prdUrl: 'PRD', adrUrl: 'ADR', systemElement: 'system element', systemElementKind: 'system element kind',
  successMetric: 'success metric', targetDate: 'target date', status: 'status', metric: 'metric', threshold: 'threshold',
};
const PEOPLE = new Set(['assigneeId', 'validatorId', 'monitorId', 'retirerId']);

/** One value in words. */
export function remediationValue(field: string, v: unknown, people: PeopleIndex): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (PEOPLE.has(field) && typeof v === 'string') return people.name(v) ?? 'a former member';
  if (field === 'slaDays' && typeof v === 'number') return plural(v, 'day', 'days');
  if ((field === 'dueAt' || field === 'pausedAt') && typeof v === 'string') return formatDateTime(v);
  if (field === 'targetDate' && typeof v === 'string') return formatDate(`${v}T12:00:00`);
  if (field === 'systemElementKind' && typeof v === 'string') return ELEMENT_KIND_LABELS[v as keyof typeof ELEMENT_KIND_LABELS] ?? v;
  if (typeof v === 'string') {
    if (isSeverity(v)) return SEVERITY_LABELS[v];
    if (isRemediationStatus(v)) return STATUS_LABELS[v];
    if (isMilestoneStatus(v)) return MILESTONE_STATUS_LABELS[v];
    if (isTier(v)) return TIER_LABELS[v];
    return v;
  }
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return null;
}

function lines(before: Snapshot, after: Snapshot, fields: readonly string[], people: PeopleIndex): ChangeLine[] {
  return fields
    .filter((k) => k in before || k in after)
    .map((k) => ({ field: FIELD_LABELS[k] ?? k, from: remediationValue(k, before[k], people), to: remediationValue(k, after[k], people) }))
    .filter((l) => l.from !== l.to);
}

/** Leaf paths of two nested snapshots that differ: "SLA days · critical · tier1". */
function nestedChanges(before: unknown, after: unknown, path: string[] = []): ChangeLine[] {
  const b = rec(before), a = rec(after);
  const out: ChangeLine[] = [];
  for (const k of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
    const bv = b[k], av = a[k];
    if ((bv && typeof bv === 'object') || (av && typeof av === 'object')) { out.push(...nestedChanges(bv, av, [...path, k])); continue; }
    if (bv === av) continue;
    const words = [...path, k].map((p) => POLICY_WORDS[p] ?? (isTier(p) ? TIER_LABELS[p] : isSeverity(p) ? SEVERITY_LABELS[p] : p));
    out.push({ field: words.join(' · '), from: bv === undefined ? null : String(bv), to: av === undefined ? null : String(av) });
  }
  return out;
}

const POLICY_WORDS: Record<string, string> = {
  priorityWeights: 'priority weight', slaDays: 'SLA days', safetyShare: 'safety share', sprintDays: 'sprint length (days)',
  debtInterestRate: 'debt interest per sprint', escalateAfterSprints: 'escalate after (sprints)', zoneDebtThreshold: 'zone debt threshold', kpiRegressionThreshold: 'launch gate KPI regression',
  staleAfterDays: 'stale after (days)', severity: 'severity', impact: 'impact', feasibility: 'feasibility', customerValue: 'customer value',
  default: 'default', min: 'minimum', max: 'maximum',
};

/** The words for one remediation-area event, or null when the action is not one of them. */
export function describeRemediationEvent(e: AuditEvent, who: string, ctx: RemediationEventContext): Described | null {
  const { people } = ctx;
  const b = rec(e.before), a = rec(e.after);
  const itemLink = ctx.onItemPage ? null : { to: `/remediations/${encodeURIComponent(e.entityId)}`, label: str(a, 'key') ?? 'a remediation item' };
  const it = ctx.onItemPage ? 'the item' : itemLink?.label ?? 'a remediation item';
  const out = (summary: string, rest: Partial<Described> = {}): Described => ({ summary, changes: [], reason: null, link: itemLink, ...rest });
  const why = str(a, 'rationale') ?? str(a, 'reason');

  switch (e.action) {
    case 'remediation.created': {
      const findings = Array.isArray(a.findingIds) ? a.findingIds.length : 0;
      const subject = ctx.onItemPage ? `the item${str(a, 'key') ? ` (${str(a, 'key')})` : ''}` : it;
      return out(`${who} created ${subject}${findings ? ` from ${plural(findings, 'finding', 'findings')}` : ''}`, {
        changes: lines({}, a, ['severity', 'impact', 'feasibility', 'customerValue', 'priority', 'slaDays', 'assigneeId', 'validatorId'], people),
        reason: why,
      });
    }
    case 'remediation.updated':
      return out(`${who} edited ${it}`, {
        changes: lines(b, a, ['title', 'description', 'effort', 'assigneeId', 'validatorId', 'monitorId', 'retirerId', 'prdUrl', 'adrUrl', 'systemElement', 'systemElementKind'], people),
      });
    case 'remediation.reprioritized': {
      const from = num(b, 'priority'), to = num(a, 'priority');
      const move = from !== null && to !== null ? ` from ${from} to ${to}` : '';
      return out(`${who} changed the priority of ${it}${move}`, {
        changes: lines(b, a, ['severity', 'impact', 'feasibility', 'customerValue', 'slaDays', 'dueAt'], people), reason: why,
      });
    }
    case 'remediation.moved': {
      const from = str(b, 'status'), to = str(a, 'status');
      const word = (s: string | null) => (s && isRemediationStatus(s) ? STATUS_LABELS[s].toLowerCase() : 'another status');
      return out(`${who} moved ${it} from ${word(from)} to ${word(to)}`, {
        changes: a.dueAt ? lines({}, a, ['dueAt'], people) : [], reason: why,
      });
    }
    case 'remediation.reopened': {
      const n = Array.isArray(a.regressedFindings) ? a.regressedFindings.length : num(a, 'regressedFindings');
      const runId = str(a, 'runId');
      return out(`${who} reopened ${it}: ${n ? `${plural(n, 'linked finding', 'linked findings')} came back` : 'a linked finding came back'} in a run`, {
        link: runId ? { to: `/runs/${encodeURIComponent(runId)}`, label: 'a run' } : itemLink,
      });
    }
    case 'remediation.sla_paused':
      return out(`${who} paused the SLA clock of ${it}`, { reason: why });
    case 'remediation.sla_resumed':
      return out(`${who} resumed the SLA clock of ${it}`, { changes: lines(b, a, ['dueAt'], people), reason: why });
    case 'remediation.criterion_added':
      return out(`${who} added an acceptance criterion to ${it}: “${str(a, 'text') ?? ''}”`, {
        changes: lines({}, a, ['metric', 'threshold'], people),
      });
    case 'remediation.criterion_checked':
    case 'remediation.criterion_unchecked': {
      const id = str(a, 'criterionId');
      const text = id ? ctx.criteria?.get(id) : undefined;
      const name = `criterion ${num(a, 'position') ?? ''}`.trim() + (text ? ` “${text}”` : '');
      return e.action === 'remediation.criterion_checked'
        ? out(`${who} checked off ${name} of ${it}`, { reason: str(a, 'evidence') ? `Evidence: ${str(a, 'evidence')}` : null })
        : out(`${who} unchecked ${name} of ${it}`, { reason: str(b, 'evidence') ? `Evidence was: ${str(b, 'evidence')}` : null });
    }
    case 'remediation.milestone_set': {
      const stage = isStage(a.stage) ? STAGE_LABELS[a.stage] : 'a';
      const status = str(a, 'status');
      const statusChanged = status !== str(b, 'status');
      const verb = !statusChanged || !status || !isMilestoneStatus(status) ? `updated the ${stage} milestone of`
        : status === 'done' ? `completed the ${stage} milestone of`
          : status === 'in_progress' ? `started the ${stage} milestone of`
            : `marked the ${stage} milestone ${MILESTONE_STATUS_LABELS[status].toLowerCase()} on`;
      return out(`${who} ${verb} ${it}`, { changes: lines(b, a, ['successMetric', 'targetDate', ...(statusChanged ? ['status'] : [])], people) });
    }
    case 'remediation.findings_linked': {
      const n = Array.isArray(a.findingIds) ? a.findingIds.length : num(a, 'findings') ?? 0;
      return out(`${who} linked ${plural(n, 'more finding', 'more findings')} to ${it}`, { reason: why });
    }
    case 'remediation.escalated':
      return out(`${who} escalated ${it}${num(a, 'sprintsOverdue') !== null ? `, overdue for ${plural(num(a, 'sprintsOverdue')!, 'sprint', 'sprints')}` : ''}`, {
        reason: str(a, 'reason'),
      });
    case 'remediation.scheduled':
      return out(`${who} scheduled ${it} into ${str(a, 'sprint') ?? 'a sprint'}`, { reason: str(a, 'rationale') });
    case 'remediation.deferred':
      return out(`${who} deferred ${it} ${str(a, 'sprint') ? `from ${str(b, 'sprint') ?? 'its sprint'} to ${str(a, 'sprint')}` : `out of ${str(b, 'sprint') ?? 'its sprint'}`}`, {
        reason: str(a, 'rationale'),
      });
    case 'finding.triaged': {
      const t = str(a, 'triage');
      const words: Record<string, string> = {
        remediate: 'for remediation', duplicate: 'as a duplicate', false_positive: 'as a false positive', accepted_risk: 'as an accepted risk',
      };
      return out(`${who} triaged a finding ${t ? words[t] ?? t : ''}`.trim(), {
        reason: str(a, 'reason'), link: { to: `/findings/${encodeURIComponent(e.entityId)}`, label: 'a finding' },
      });
    }
    case 'risk_acceptance.drafted': {
      const n = num(a, 'findings');
      const until = str(a, 'expiresOn');
      return out(`${who} drafted a risk acceptance${n ? ` for ${plural(n, 'finding', 'findings')}` : ''}${until ? ` until ${formatDate(`${until}T12:00:00`)}` : ''}`, {
        link: null, reason: str(a, 'justification'),
        changes: str(a, 'compensatingControls') ? [{ field: 'compensating controls', from: null, to: str(a, 'compensatingControls') }] : [],
      });
    }
    case 'policy.updated':
      return out(`${who} changed the organization's policy`, { link: { to: '/settings/policy', label: 'policy' }, changes: nestedChanges(e.before, e.after) });
    default:
      return null;
  }
}
