/** The organization's policy: triage weights, SLA table, safety share, debt and staleness rules (ADR 7). */
import { z } from 'zod';

const Weight = z.number().min(0);
const Days = z.number().int().min(0).max(3650);
const TierDays = z.object({ tier1: Days, tier2: Days, tier3: Days, tier4: Days });
const Share = z.number().min(0).max(1);

export const PolicySchema = z.object({
  priorityWeights: z.object({ severity: Weight, impact: Weight, feasibility: Weight, customerValue: Weight })
    .describe('Weights of the triage formula: priority = 100 × Σ wᵢ·(xᵢ − 1)/4 ÷ Σ wᵢ'),
  slaDays: z.object({ critical: TierDays, high: TierDays, medium: TierDays, low: TierDays, info: TierDays })
    .describe('Days from creation to due, by severity and zone tier'),
  safetyShare: z.object({ default: Share, min: Share, max: Share }).describe('Share of sprint capacity reserved for safety work'),
  sprintDays: z.number().int().min(1).max(90),
  debtInterestRate: z.number().min(0).max(10),
  escalateAfterSprints: z.number().int().min(0).max(52),
  zoneDebtThreshold: z.number().positive(),
  staleAfterDays: z.number().int().min(1).max(365),
  boardCadenceDays: z.number().int().min(1).max(90).describe('Days between review board sessions'),
  kpiRegressionThreshold: z.number().min(0.01).max(1)
    .describe('The launch gate fails when an outcome KPI moved adversely by more than this share since the last launch (0.2 = 20 %)'),
});

const PartialTierDays = TierDays.partial();

/** A change to the policy: any subset, the SLA table cell by cell. Admins only. */
export const PolicyPatchSchema = z.object({
  priorityWeights: PolicySchema.shape.priorityWeights.partial().optional(),
  slaDays: z.object({
    critical: PartialTierDays, high: PartialTierDays, medium: PartialTierDays, low: PartialTierDays, info: PartialTierDays,
  }).partial().optional(),
  safetyShare: PolicySchema.shape.safetyShare.partial().optional(),
  sprintDays: PolicySchema.shape.sprintDays.optional(),
  debtInterestRate: PolicySchema.shape.debtInterestRate.optional(),
  escalateAfterSprints: PolicySchema.shape.escalateAfterSprints.optional(),
  zoneDebtThreshold: PolicySchema.shape.zoneDebtThreshold.optional(),
  staleAfterDays: PolicySchema.shape.staleAfterDays.optional(),
  boardCadenceDays: PolicySchema.shape.boardCadenceDays.optional(),
  kpiRegressionThreshold: PolicySchema.shape.kpiRegressionThreshold.optional(),
});

export type Policy = z.infer<typeof PolicySchema>;
export type PolicyPatch = z.infer<typeof PolicyPatchSchema>;
