/** The ownership report: zones by tier with owners, leads by load, and accountability at risk. */
import { buildOwnershipReport, type OwnershipReport } from '../domain/ownership-report.ts';
import { authorize } from '../domain/roles.ts';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../store/db.ts';
import { listMembers } from '../store/users.ts';
import { listZones } from '../store/zones.ts';
import type { Actor } from './actor.ts';

const ALL = 1_000_000;

export function createOwnershipReportService(deps: { db: Db }) {
  const { db } = deps;
  return {
    async report(actor: Actor): Promise<OwnershipReport> {
      authorize(actor.role, 'org.read');
      const [zones, members] = await Promise.all([
        listZones(db, actor.orgId, { limit: ALL, offset: 0, sort: 'name' }),
        listMembers(db, actor.orgId),
      ]);
      return buildOwnershipReport(zones.items, members, new Date());
    },
  };
}

export type OwnershipReportService = ReturnType<typeof createOwnershipReportService>;

/** One row per zone, with the flags of the report: what a spreadsheet user expects. */
export function ownershipReportCsv(report: OwnershipReport): string {
  const inactive = new Set(report.ownerInactive.map((z) => z.id));
  const noDeputy = new Set(report.tier1WithoutDeputy.map((z) => z.id));
  const rows = report.zonesByTier.flatMap(({ zones }) =>
    zones.map((z) => ({
      tier: z.tier, product: z.product.key, zone_key: z.key, zone_name: z.name, owner_name: z.owner.name,
      owner_email: z.owner.email, owner_status: z.owner.status, deputy_email: z.deputy?.email ?? '',
      owner_inactive: inactive.has(z.id) ? 'yes' : 'no', tier1_without_deputy: noDeputy.has(z.id) ? 'yes' : 'no',
    })));
  return stringify(rows, {
    header: true,
    columns: ['tier', 'product', 'zone_key', 'zone_name', 'owner_name', 'owner_email', 'owner_status', 'deputy_email',
      'owner_inactive', 'tier1_without_deputy'],
  });
}
