import { Link } from 'react-router-dom';
import { remediationsApi } from '../api/remediations.ts';
import { useResource } from '../api/use-resource.ts';
import { RemediationFilters } from '../features/remediations/remediation-filters.tsx';
import { REMEDIATION_SORTS, REMEDIATIONS_PAGE_SIZE, useRemediationSearchParams } from '../features/remediations/remediation-search-params.ts';
import { RemediationsTable } from '../features/remediations/remediations-table.tsx';
import { useMembers } from '../features/users/use-members.ts';
import { useZoneOptions } from '../features/zones/zone-select.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Pagination } from '../ui/pagination.tsx';

export function RemediationsPage() {
  const { filters, update, clear, active, query } = useRemediationSearchParams();
  const zones = useZoneOptions();
  const members = useMembers();
  const list = useResource(() => remediationsApi.list(query), [JSON.stringify(query)]);
  const data = list.data;
  return (
    <>
      <PageHeader
        title="Remediation"
        subtitle="Fixes with owners, acceptance criteria and deadlines, by priority then due date."
        actions={<Link to="/triage" className="btn">Triage queue</Link>}
      />
      <RemediationFilters filters={filters} update={update} clear={clear} active={active}
        zones={zones.data?.items ?? []} members={members.data?.items ?? []} />
      <div className="list-bar">
        <p className="list-count" aria-live="polite">
          {data === undefined ? '' : `${data.total} ${data.total === 1 ? 'item' : 'items'}`}
        </p>
        <div className="field field-inline">
          <label htmlFor="rem-sort">Sort by</label>
          <select id="rem-sort" value={filters.sort} onChange={(e) => update({ sort: e.target.value })}>
            {REMEDIATION_SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </div>
      </div>
      <ProblemAlert error={list.error} title="Could not load remediation items" />
      {list.loading && !data && <Loading label="Loading remediation items…" />}
      {data && (
        <div className={list.loading ? 'is-refreshing' : undefined}>
          {data.items.length === 0 ? (
            active ? (
              <EmptyState title="No item matches these filters">
                <button type="button" className="btn btn-link" onClick={clear}>Clear filters</button>
              </EmptyState>
            ) : (
              <EmptyState title="No remediation items yet">
                <p>Items are made in <Link to="/triage">triage</Link>, from the findings they fix.</p>
              </EmptyState>
            )
          ) : <RemediationsTable items={data.items} />}
          {data.total > 0 && (
            <Pagination total={data.total} limit={data.limit || REMEDIATIONS_PAGE_SIZE} offset={data.offset}
              onPage={(page) => update({ page })} noun={['item', 'items']} />
          )}
        </div>
      )}
    </>
  );
}
