/**
 * The ownership report: who is accountable for what, and where accountability is at risk.
 * Pure: built from the org's active zones and its members.
 */
import { TIERS, type Tier } from './zones.ts';
import type { Role } from './roles.ts';

export interface ReportPerson { id: string; name: string; email: string; status: 'active' | 'deactivated' | 'left' }

export interface ReportZone {
  id: string;
  key: string;
  name: string;
  tier: Tier;
  product: { id: string; key: string; name: string };
  owner: ReportPerson;
  deputy: ReportPerson | null;
}

export interface ReportMember { id: string; name: string; email: string; role: Role; status: 'active' | 'deactivated' }

export interface LeadLoad {
  user: ReportPerson & { role: Role | null };
  total: number;
  byTier: Record<Tier, number>;
}

export interface OwnershipReport {
  generatedAt: string;
  totals: { zones: number; owners: number; byTier: Record<Tier, number>; atRisk: number };
  zonesByTier: { tier: Tier; zones: ReportZone[] }[];
  leads: LeadLoad[];
  ownerInactive: ReportZone[];
  tier1WithoutDeputy: ReportZone[];
}

const zeroTiers = (): Record<Tier, number> => ({ tier1: 0, tier2: 0, tier3: 0, tier4: 0 });

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

export function buildOwnershipReport(zones: ReportZone[], members: ReportMember[], now: Date): OwnershipReport {
  const loads = new Map<string, LeadLoad>();
  const memberById = new Map(members.map((m) => [m.id, m]));
  // Every active lead appears, with zero zones if need be: spare capacity is part of the picture.
  for (const m of members) {
    if (m.role === 'lead' && m.status === 'active') {
      loads.set(m.id, { user: { ...m, status: m.status }, total: 0, byTier: zeroTiers() });
    }
  }
  const byTier = zeroTiers();
  for (const z of zones) {
    byTier[z.tier] += 1;
    let load = loads.get(z.owner.id);
    if (!load) {
      load = { user: { ...z.owner, role: memberById.get(z.owner.id)?.role ?? null }, total: 0, byTier: zeroTiers() };
      loads.set(z.owner.id, load);
    }
    load.total += 1;
    load.byTier[z.tier] += 1;
  }
  const leads = [...loads.values()].sort((a, b) => b.total - a.total || b.byTier.tier1 - a.byTier.tier1 || byName(a.user, b.user));
  const ownerInactive = zones.filter((z) => z.owner.status !== 'active').sort(byName);
  const tier1WithoutDeputy = zones
    .filter((z) => z.tier === 'tier1' && (z.deputy === null || z.deputy.status !== 'active'))
    .sort(byName);
  return {
    generatedAt: now.toISOString(),
    totals: {
      zones: zones.length,
      owners: new Set(zones.map((z) => z.owner.id)).size,
      byTier,
      atRisk: new Set([...ownerInactive, ...tier1WithoutDeputy].map((z) => z.id)).size,
    },
    zonesByTier: TIERS.map((tier) => ({ tier, zones: zones.filter((z) => z.tier === tier).sort(byName) })),
    leads,
    ownerInactive,
    tier1WithoutDeputy,
  };
}
