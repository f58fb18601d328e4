import { describe, expect, it } from 'vitest';
import { InputError } from './errors.ts';
import { applyPolicyPatch, DEFAULT_POLICY, slaDaysFor } from './policy.ts';

describe('policy', () => {
  it('holds the SLA table and weights of ADR 7 by default', () => {
    expect(slaDaysFor(DEFAULT_POLICY, 'critical', 'tier1')).toBe(7);
    expect(slaDaysFor(DEFAULT_POLICY, 'low', 'tier4')).toBe(365);
    expect(slaDaysFor(DEFAULT_POLICY, 'high', 'tier3')).toBe(60);
    expect(DEFAULT_POLICY.priorityWeights).toEqual({ severity: 0.4, impact: 0.3, feasibility: 0.15, customerValue: 0.15 });
    expect(DEFAULT_POLICY.safetyShare).toEqual({ default: 0.15, min: 0.1, max: 0.2 });
  });

  it('applies a patch cell by cell and leaves the rest', () => {
    const next = applyPolicyPatch(DEFAULT_POLICY, { slaDays: { critical: { tier1: 3 } }, priorityWeights: { impact: 0 }, sprintDays: 10 });
    expect(next.slaDays.critical).toEqual({ tier1: 3, tier2: 14, tier3: 30, tier4: 30 });
    expect(next.slaDays.high).toEqual(DEFAULT_POLICY.slaDays.high);
    expect(next.priorityWeights).toEqual({ severity: 0.4, impact: 0, feasibility: 0.15, customerValue: 0.15 });
    expect(next.sprintDays).toBe(10);
    expect(DEFAULT_POLICY.slaDays.critical.tier1).toBe(7);
  });

  it('refuses weights below zero or all zero, naming the field', () => {
    expect(() => applyPolicyPatch(DEFAULT_POLICY, { priorityWeights: { severity: -1 } })).toThrow(/priorityWeights.severity/);
    const zero = { severity: 0, impact: 0, feasibility: 0, customerValue: 0 };
    expect(() => applyPolicyPatch(DEFAULT_POLICY, { priorityWeights: zero })).toThrow(InputError);
    expect(() => applyPolicyPatch(DEFAULT_POLICY, { priorityWeights: zero })).toThrow(/at least one weight/);
  });

  it('refuses SLA days that are fractional or negative', () => {
    expect(() => applyPolicyPatch(DEFAULT_POLICY, { slaDays: { medium: { tier2: 1.5 } } })).toThrow(/slaDays.medium.tier2/);
    expect(() => applyPolicyPatch(DEFAULT_POLICY, { slaDays: { info: { tier4: -1 } } })).toThrow(/slaDays.info.tier4/);
    expect(applyPolicyPatch(DEFAULT_POLICY, { slaDays: { info: { tier4: 0 } } }).slaDays.info.tier4).toBe(0);
  });

  it('keeps the safety share between its bounds', () => {
    expect(applyPolicyPatch(DEFAULT_POLICY, { safetyShare: { default: 0.2 } }).safetyShare.default).toBe(0.2);
    expect(() => applyPolicyPatch(DEFAULT_POLICY, { safetyShare: { default: 0.25 } })).toThrow(/safetyShare.default: must be a number between the allowed minimum 0.1 and maximum 0.2/);
    expect(() => applyPolicyPatch(DEFAULT_POLICY, { safetyShare: { max: 1.5 } })).toThrow(/safetyShare.max/);
    expect(applyPolicyPatch(DEFAULT_POLICY, { safetyShare: { min: 0.05, default: 0.05 } }).safetyShare).toEqual({ default: 0.05, min: 0.05, max: 0.2 });
  });

  it('refuses debt and staleness settings out of range', () => {
    expect(() => applyPolicyPatch(DEFAULT_POLICY, { sprintDays: 0 })).toThrow(/sprintDays/);
    expect(() => applyPolicyPatch(DEFAULT_POLICY, { zoneDebtThreshold: 0 })).toThrow(/zoneDebtThreshold/);
    expect(() => applyPolicyPatch(DEFAULT_POLICY, { staleAfterDays: 400 })).toThrow(/staleAfterDays/);
    expect(() => applyPolicyPatch(DEFAULT_POLICY, { escalateAfterSprints: 2.5 })).toThrow(/escalateAfterSprints/);
    expect(DEFAULT_POLICY.kpiRegressionThreshold).toBe(0.2);
    expect(applyPolicyPatch(DEFAULT_POLICY, { kpiRegressionThreshold: 0.35 }).kpiRegressionThreshold).toBe(0.35);
    expect(() => applyPolicyPatch(DEFAULT_POLICY, { kpiRegressionThreshold: 0 })).toThrow(/kpiRegressionThreshold/);
    expect(() => applyPolicyPatch(DEFAULT_POLICY, { kpiRegressionThreshold: 1.5 })).toThrow(/kpiRegressionThreshold/);
  });
});
