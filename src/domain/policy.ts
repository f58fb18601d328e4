/**
 * The organization's policy: the triage formula's weights, the SLA table (severity × zone
 * tier), the reserved safety share of sprint capacity, and the debt and staleness rules.
 * An organization without a stored policy uses DEFAULT_POLICY (ADR 7).
 */
import { InputError } from './errors.ts';
import { DEFAULT_KPI_REGRESSION_THRESHOLD } from './launch-gate.ts';
import { SEVERITIES, type Severity } from './severity.ts';
import { TIERS, type Tier } from './zones.ts';

export interface PriorityWeights {
  severity: number;
  impact: number;
  feasibility: number;
  customerValue: number;
}

export type SlaTable = Record<Severity, Record<Tier, number>>;

export interface SafetyShare {
  /** Share of sprint capacity reserved for safety work when a period names none. */
  default: number;
  min: number;
  max: number;
}

export interface Policy {
  priorityWeights: PriorityWeights;
  slaDays: SlaTable;
  safetyShare: SafetyShare;
  sprintDays: number;
  debtInterestRate: number;
  escalateAfterSprints: number;
  zoneDebtThreshold: number;
  staleAfterDays: number;
  /** Days between review board sessions. */
  boardCadenceDays: number;
  /** The launch gate fails when an outcome KPI moved adversely by more than this share since the last launch. */
  kpiRegressionThreshold: number;
}

/** A change to the policy: any subset of settings, the SLA table and weights by cell. */
export interface PolicyPatch {
  priorityWeights?: Partial<PriorityWeights> | undefined;
  slaDays?: Partial<Record<Severity, Partial<Record<Tier, number>>>> | undefined;
  safetyShare?: Partial<SafetyShare> | undefined;
  sprintDays?: number | undefined;
  debtInterestRate?: number | undefined;
  escalateAfterSprints?: number | undefined;
  zoneDebtThreshold?: number | undefined;
  staleAfterDays?: number | undefined;
  boardCadenceDays?: number | undefined;
  kpiRegressionThreshold?: number | undefined;
}

const row = (t1: number, t2: number, t3: number, t4: number): Record<Tier, number> => ({ tier1: t1, tier2: t2, tier3: t3, tier4: t4 });

export const DEFAULT_POLICY: Policy = Object.freeze({
  priorityWeights: { severity: 0.4, impact: 0.3, feasibility: 0.15, customerValue: 0.15 },
  slaDays: {
    critical: row(7, 14, 30, 30),
    high: row(14, 30, 60, 90),
    medium: row(30, 60, 90, 180),
    low: row(90, 180, 180, 365),
    info: row(180, 365, 365, 365),
  },
  safetyShare: { default: 0.15, min: 0.1, max: 0.2 },
  sprintDays: 14,
  debtInterestRate: 0.25,
  escalateAfterSprints: 2,
  zoneDebtThreshold: 40,
  staleAfterDays: 30,
  boardCadenceDays: 14,
  kpiRegressionThreshold: DEFAULT_KPI_REGRESSION_THRESHOLD,
}) as Policy;

const WEIGHT_KEYS = ['severity', 'impact', 'feasibility', 'customerValue'] as const;

function integerIn(field: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max) throw InputError.field(field, `must be a whole number from ${min} to ${max}`);
}

function numberIn(field: string, v: number, min: number, max: number, what = `from ${min} to ${max}`): void {
  if (!Number.isFinite(v) || v < min || v > max) throw InputError.field(field, `must be a number ${what}`);
}

/**
 * The policy after a patch, validated as a whole: weights ≥ 0 with a positive sum, SLA days
 * whole numbers ≥ 0 for every severity × tier, the safety share bounds 0–1 with
 * min ≤ default ≤ max, and the debt and staleness settings within the ranges the store keeps.
 */
export function applyPolicyPatch(current: Policy, patch: PolicyPatch): Policy {
  const weights = { ...current.priorityWeights, ...patch.priorityWeights };
  for (const k of WEIGHT_KEYS) {
    const v = weights[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw InputError.field(`priorityWeights.${k}`, 'a weight must be a number ≥ 0');
  }
  if (WEIGHT_KEYS.reduce((s, k) => s + weights[k], 0) <= 0) {
    throw InputError.field('priorityWeights', 'at least one weight must be above 0, or no item could be ranked');
  }
  const slaDays = {} as SlaTable;
  for (const sev of SEVERITIES) {
    slaDays[sev] = { ...current.slaDays[sev], ...patch.slaDays?.[sev] };
    for (const tier of TIERS) {
      const v = slaDays[sev][tier];
      if (!Number.isInteger(v) || v < 0 || v > 3650) throw InputError.field(`slaDays.${sev}.${tier}`, 'SLA days must be a whole number from 0 to 3650');
    }
  }
  const share = { ...current.safetyShare, ...patch.safetyShare };
  numberIn('safetyShare.min', share.min, 0, 1);
  numberIn('safetyShare.max', share.max, 0, 1);
  numberIn('safetyShare.default', share.default, share.min, share.max,
    `between the allowed minimum ${share.min} and maximum ${share.max}`);
  const next: Policy = {
    priorityWeights: weights, slaDays, safetyShare: share,
    sprintDays: patch.sprintDays ?? current.sprintDays,
    debtInterestRate: patch.debtInterestRate ?? current.debtInterestRate,
    escalateAfterSprints: patch.escalateAfterSprints ?? current.escalateAfterSprints,
    zoneDebtThreshold: patch.zoneDebtThreshold ?? current.zoneDebtThreshold,
    staleAfterDays: patch.staleAfterDays ?? current.staleAfterDays,
    boardCadenceDays: patch.boardCadenceDays ?? current.boardCadenceDays,
    kpiRegressionThreshold: patch.kpiRegressionThreshold ?? current.kpiRegressionThreshold,
  };
  integerIn('sprintDays', next.sprintDays, 1, 90);
  numberIn('debtInterestRate', next.debtInterestRate, 0, 10);
  integerIn('escalateAfterSprints', next.escalateAfterSprints, 0, 52);
  if (!Number.isFinite(next.zoneDebtThreshold) || next.zoneDebtThreshold <= 0) {
    throw InputError.field('zoneDebtThreshold', 'must be a number above 0');
  }
  integerIn('staleAfterDays', next.staleAfterDays, 1, 365);
  integerIn('boardCadenceDays', next.boardCadenceDays, 1, 90);
  numberIn('kpiRegressionThreshold', next.kpiRegressionThreshold, 0.01, 1, 'from 0.01 to 1 (1 % to 100 % adverse move)');
  return next;
}

/** SLA days for a severity in a zone tier. */
export function slaDaysFor(policy: Policy, severity: Severity, tier: Tier): number {
  return policy.slaDays[severity][tier];
}
