import type { ReactNode } from 'react';
import type { FindingSummary } from '../../../../src/contracts/findings.ts';
import { findingsApi, type FindingQuery } from '../../api/findings.ts';
import { useResource } from '../../api/use-resource.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { EmptyState, Loading } from '../../ui/loading.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import { useZoneOptions } from '../zones/zone-select.tsx';
import { FindingFilters } from './finding-filters.tsx';
import { FINDING_SORTS, FINDINGS_PAGE_SIZE, useFindingSearchParams } from './finding-search-params.ts';
import { FindingsTable } from './findings-table.tsx';

/**
 * Filters (kept in the URL), the count, the sortable table and its pages. The findings page shows
 * it as is; the unrouted page fixes unrouted=true and adds a route control to each row.
 */
export function FindingsListView({ fixed, hide, rowExtra, extraHeader, empty, refresh = 0 }: {
  fixed?: Partial<FindingQuery>;
  hide?: { zone?: boolean; unrouted?: boolean };
  rowExtra?: (f: FindingSummary) => ReactNode;
  extraHeader?: string;
  empty: ReactNode;
  /** Bump to load the list again (after a row changed). */
  refresh?: number;
}) {
  const { filters, update, clear, active, query } = useFindingSearchParams(fixed);
  const zones = useZoneOptions();
  const findings = useResource(() => findingsApi.list(query), [JSON.stringify(query), refresh]);
  const data = findings.data;

  return (
    <>
      <FindingFilters filters={filters} update={update} clear={clear} active={active} zones={zones.data?.items ?? []} hide={hide} />
      <div className="list-bar">
        <p className="list-count" aria-live="polite">
          {data === undefined ? '' : `${data.total} ${data.total === 1 ? 'finding' : 'findings'}`}
        </p>
        <div className="field field-inline">
          <label htmlFor="finding-sort">Sort by</label>
          <select id="finding-sort" value={filters.sort} onChange={(e) => update({ sort: e.target.value })}>
            {!FINDING_SORTS.some((s) => s.value === filters.sort) && <option value={filters.sort}>Column order</option>}
            {FINDING_SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </div>
      </div>
      <ProblemAlert error={findings.error} title="Could not load findings" />
      {findings.loading && !data && <Loading label="Loading findings…" />}
      {data && (
        <div className={findings.loading ? 'is-refreshing' : undefined}>
          {data.items.length === 0 ? (
            active ? (
              <EmptyState title="No finding matches these filters">
                <button type="button" className="btn btn-link" onClick={clear}>Clear filters</button>
              </EmptyState>
            ) : empty
          ) : (
            <FindingsTable findings={data.items} sort={filters.sort} onSort={(sort) => update({ sort })}
              rowExtra={rowExtra} extraHeader={extraHeader} hideZone={hide?.zone} />
          )}
          {data.total > 0 && (
            <Pagination total={data.total} limit={data.limit || FINDINGS_PAGE_SIZE} offset={data.offset}
              onPage={(page) => update({ page })} noun={['finding', 'findings']} />
          )}
        </div>
      )}
    </>
  );
}
