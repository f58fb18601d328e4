import { Link } from 'react-router-dom';
import { runsApi } from '../api/runs.ts';
import { useResource } from '../api/use-resource.ts';
import { can, CAN_IMPORT_RUNS } from '../features/auth/permissions.ts';
import { useRole } from '../features/auth/session-context.tsx';
import { RUNS_PAGE_SIZE, useRunSearchParams } from '../features/runs/run-search-params.ts';
import { RunsTable } from '../features/runs/runs-table.tsx';
import { useActorName } from '../features/users/use-actor-name.ts';
import { useZoneOptions, ZoneSelect } from '../features/zones/zone-select.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { Field } from '../ui/field.tsx';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Pager } from '../ui/pager.tsx';

export function RunsPage() {
  const role = useRole();
  const { zone, page, update } = useRunSearchParams();
  const zones = useZoneOptions();
  const nameOf = useActorName();
  // One more than a page: whether it comes back says whether an older page exists.
  const runs = useResource(
    () => runsApi.list({ zone: zone || undefined, limit: RUNS_PAGE_SIZE + 1, offset: (page - 1) * RUNS_PAGE_SIZE }),
    [zone, page],
  );
  const items = runs.data?.items.slice(0, RUNS_PAGE_SIZE) ?? [];
  const hasMore = (runs.data?.items.length ?? 0) > RUNS_PAGE_SIZE;

  return (
    <>
      <PageHeader title="Runs"
        subtitle="Each import of a red-team or scanner results file, and what it found compared with the runs before it."
        actions={can(role, CAN_IMPORT_RUNS) && <Link to="/runs/import" className="btn btn-primary">Import results</Link>} />
      <div className="filters filters-compact" role="search" aria-label="Filter runs">
        <Field label="Zone">
          <ZoneSelect zones={zones.data?.items ?? []} value={zone} onChange={(z) => update({ zone: z })} empty="All zones" />
        </Field>
      </div>
      <ProblemAlert error={runs.error} title="Could not load runs" />
      {runs.loading && !runs.data && <Loading label="Loading runs…" />}
      {runs.data && (
        <div className={runs.loading ? 'is-refreshing' : undefined}>
          {items.length === 0 ? (
            <EmptyState title={zone ? 'No runs in this zone' : page > 1 ? 'No older runs' : 'No runs yet'}>
              {can(role, CAN_IMPORT_RUNS) && page === 1 && (
                <p><Link to="/runs/import">Import a results file</Link> from promptfoo, garak, a SARIF scanner, a generic findings file or Inspect AI.</p>
              )}
            </EmptyState>
          ) : (
            <RunsTable runs={items} nameOf={nameOf} />
          )}
          <Pager page={page} hasMore={hasMore} shown={items.length} onPage={(p) => update({ page: p })} noun={['run', 'runs']} />
        </div>
      )}
    </>
  );
}
