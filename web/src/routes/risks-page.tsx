import { risksApi } from '../api/risks.ts';
import { useResource } from '../api/use-resource.ts';
import { RiskFiltersBar } from '../features/risks/risk-filters.tsx';
import { RISKS_PAGE_SIZE, useRiskSearchParams } from '../features/risks/risk-search-params.ts';
import { RisksTable } from '../features/risks/risks-table.tsx';
import { useZoneOptions } from '../features/zones/zone-select.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Pagination } from '../ui/pagination.tsx';

export function RisksPage() {
  const { filters, update, clear, active, query } = useRiskSearchParams();
  const zones = useZoneOptions();
  const list = useResource(() => risksApi.list(query), [JSON.stringify(query)]);
  const data = list.data;
  return (
    <>
      <PageHeader title="Risk register" subtitle="Residual risk accepted on purpose: justified, signed, and expiring so it is looked at again."
        actions={<a className="btn" href={risksApi.csvUrl(query)} download>Export CSV</a>} />
      <RiskFiltersBar filters={filters} update={update} clear={clear} active={active} zones={zones.data?.items ?? []} />
      <div className="list-bar">
        <p className="list-count" aria-live="polite">{data === undefined ? '' : `${data.total} ${data.total === 1 ? 'acceptance' : 'acceptances'}`}</p>
      </div>
      <ProblemAlert error={list.error} title="Could not load the register" />
      {list.loading && !data && <Loading label="Loading the register…" />}
      {data && (
        <div className={list.loading ? 'is-refreshing' : undefined}>
          {data.items.length === 0 ? (
            <EmptyState title={active ? 'No acceptance matches these filters' : 'No accepted risk yet'}>
              {active ? <button type="button" className="btn btn-link" onClick={clear}>Clear filters</button>
                : <p>Acceptances are drafted when findings are triaged as an accepted risk, or recorded with the API or CLI.</p>}
            </EmptyState>
          ) : <RisksTable items={data.items} />}
          {data.total > 0 && (
            <Pagination total={data.total} limit={data.limit || RISKS_PAGE_SIZE} offset={data.offset}
              onPage={(page) => update({ page })} noun={['acceptance', 'acceptances']} />
          )}
        </div>
      )}
    </>
  );
}
