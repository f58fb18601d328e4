import { reportsApi } from '../api/reports.ts';
import { useResource } from '../api/use-resource.ts';
import { LeadsChart } from '../features/reports/leads-chart.tsx';
import { ReportZoneTable } from '../features/reports/report-zone-table.tsx';
import { SummaryTiles } from '../features/reports/summary-tiles.tsx';
import { TIER_LABELS, TIER_MEANINGS } from '../features/zones/tiers.ts';
import { ProblemAlert } from '../ui/alert.tsx';
import { formatDateTime } from '../ui/dates.ts';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function ReportPage() {
  const report = useResource(() => reportsApi.ownership(), []);
  const r = report.data;
  return (
    <>
      <PageHeader
        title="Ownership report"
        subtitle={r ? `Generated ${formatDateTime(r.generatedAt)}` : 'Who owns what, and where ownership is at risk.'}
        actions={<a className="btn" href={reportsApi.ownershipCsvUrl()} download>Download CSV</a>}
      />
      <ProblemAlert error={report.error} title="Could not load the report" />
      {report.loading && !r && <Loading label="Building the report…" />}
      {r && (
        <>
          <SummaryTiles report={r} />
          <div className="report-grid">
            <section className="card" aria-labelledby="load-heading">
              <h2 id="load-heading" className="card-title">Load per lead</h2>
              <p className="muted small">Zones owned by each lead, stacked by tier.</p>
              {r.leads.length > 0 ? <LeadsChart leads={r.leads} /> : <p className="muted">No owners yet.</p>}
            </section>
            <div className="stack">
              <section className="card" aria-labelledby="inactive-heading">
                <h2 id="inactive-heading" className="card-title">Zones whose owner is inactive</h2>
                <ReportZoneTable zones={r.ownerInactive} empty="None: every owner is an active member." />
              </section>
              <section className="card" aria-labelledby="nodeputy-heading">
                <h2 id="nodeputy-heading" className="card-title">Tier-1 zones without a deputy</h2>
                <ReportZoneTable zones={r.tier1WithoutDeputy} showTier={false} showDeputy={false} empty="None: every tier-1 zone has a deputy." />
              </section>
            </div>
          </div>
          <section className="card" aria-labelledby="bytier-heading">
            <h2 id="bytier-heading" className="card-title">Zones by tier</h2>
            {r.zonesByTier.map((group) => (
              <div key={group.tier} className="tier-group">
                <h3 className="card-subtitle">
                  {TIER_LABELS[group.tier]} · {TIER_MEANINGS[group.tier]} <span className="muted">({group.zones.length})</span>
                </h3>
                <ReportZoneTable zones={group.zones} showTier={false} empty="No zones in this tier." />
              </div>
            ))}
          </section>
        </>
      )}
    </>
  );
}
