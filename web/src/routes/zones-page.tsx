import { Link } from 'react-router-dom';
import { productsApi } from '../api/products.ts';
import { useResource } from '../api/use-resource.ts';
import { zonesApi } from '../api/zones.ts';
import { useRole } from '../features/auth/session-context.tsx';
import { byName, useMembers } from '../features/users/use-members.ts';
import { ZoneFilters, ZoneListBar } from '../features/zones/zone-filters.tsx';
import { useZoneSearchParams } from '../features/zones/zone-search-params.ts';
import { ZonesTable } from '../features/zones/zones-table.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Pagination } from '../ui/pagination.tsx';

export function ZonesPage() {
  const role = useRole();
  const { filters, update, clear, active, query } = useZoneSearchParams();
  const key = JSON.stringify(query);
  const zones = useResource(() => zonesApi.list(query), [key]);
  const products = useResource(() => productsApi.list(), []);
  const members = useMembers();
  const owners = (members.data?.items ?? [])
    .filter((m) => m.zonesOwned > 0 || m.role === 'lead' || m.role === 'admin')
    .sort(byName);
  const canCreate = role === 'lead' || role === 'admin';

  return (
    <>
      <PageHeader
        title="Zones"
        subtitle="Every part of the product surface, each with one accountable owner."
        actions={(
          <>
            {role === 'admin' && <Link to="/zones/import" className="btn">Import</Link>}
            {canCreate && <Link to="/zones/new" className="btn btn-primary">New zone</Link>}
          </>
        )}
      />
      <ZoneFilters filters={filters} update={update} clear={clear} active={active}
        products={products.data?.items ?? []} owners={owners} />
      <ZoneListBar total={zones.data?.total} filters={filters} update={update} />
      <ProblemAlert error={zones.error} title="Could not load zones" />
      {zones.loading && !zones.data && <Loading label="Loading zones…" />}
      {zones.data && (
        <div className={zones.loading ? 'is-refreshing' : undefined}>
          {zones.data.items.length === 0 ? (
            <EmptyState title={active ? 'No zone matches these filters' : 'No zones yet'}>
              {active ? (
                <button type="button" className="btn btn-link" onClick={clear}>Clear filters</button>
              ) : canCreate ? (
                <p>Create the first zone, or import your product map from a CSV or YAML file.</p>
              ) : null}
            </EmptyState>
          ) : (
            <ZonesTable zones={zones.data.items} />
          )}
          {zones.data.total > 0 && <Pagination total={zones.data.total} limit={zones.data.limit || 25} offset={zones.data.offset}
            onPage={(page) => update({ page })} noun={['zone', 'zones']} />}
        </div>
      )}
    </>
  );
}
