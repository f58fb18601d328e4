import { describe, expect, it } from 'vitest';
import { buildOwnershipReport, type ReportMember, type ReportZone } from './ownership-report.ts';

const person = (id: string, status: 'active' | 'deactivated' | 'left' = 'active') => ({ id, name: id.toUpperCase(), email: `${id}@x.co`, status });
const product = { id: 'p', key: 'p', name: 'P' };
const zone = (id: string, tier: ReportZone['tier'], owner: ReportZone['owner'], deputy: ReportZone['deputy'] = null): ReportZone =>
  ({ id, key: id, name: id, tier, product, owner, deputy });

describe('ownership report', () => {
  const members: ReportMember[] = [
    { ...person('ann'), role: 'lead', status: 'active' },
    { ...person('bob'), role: 'lead', status: 'active' },
    { ...person('idle'), role: 'lead', status: 'active' },
    { ...person('gone'), role: 'lead', status: 'deactivated' },
  ];
  const zones = [
    zone('z1', 'tier1', person('ann'), person('bob')),
    zone('z2', 'tier1', person('ann')),
    zone('z3', 'tier2', person('bob')),
    zone('z4', 'tier1', person('gone', 'deactivated'), person('bob')),
    zone('z5', 'tier1', person('ann'), person('gone', 'deactivated')),
  ];
  const r = buildOwnershipReport(zones, members, new Date('2026-01-01T00:00:00Z'));

  it('counts load per lead by tier, heaviest (then most tier-1) first, including leads with no zone', () => {
    expect(r.leads.map((l) => [l.user.id, l.total, l.byTier.tier1])).toEqual([['ann', 3, 3], ['gone', 1, 1], ['bob', 1, 0], ['idle', 0, 0]]);
  });

  it('flags zones whose owner is inactive, and tier-1 zones without an active deputy', () => {
    expect(r.ownerInactive.map((z) => z.id)).toEqual(['z4']);
    expect(r.tier1WithoutDeputy.map((z) => z.id)).toEqual(['z2', 'z5']);
    expect(r.totals).toEqual({ zones: 5, owners: 3, byTier: { tier1: 4, tier2: 1, tier3: 0, tier4: 0 }, atRisk: 3 });
  });
});
