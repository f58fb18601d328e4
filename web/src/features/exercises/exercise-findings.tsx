import { useState } from 'react';
import { Link } from 'react-router-dom';
import { findingsApi } from '../../api/findings.ts';
import { useResource } from '../../api/use-resource.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { EmptyState, Loading } from '../../ui/loading.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import { DEFAULT_SORT } from '../findings/finding-search-params.ts';
import { FindingsTable } from '../findings/findings-table.tsx';

const PAGE_SIZE = 25;

/** The findings an exercise produced, sortable and paged. */
export function ExerciseFindings({ exerciseId, canAdd }: { exerciseId: string; canAdd: boolean }) {
  const [sort, setSort] = useState(DEFAULT_SORT);
  const [page, setPage] = useState(1);
  const list = useResource(
    () => findingsApi.list({ exercise: exerciseId, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    [exerciseId, sort, page],
  );
  const addLink = `/findings/new?exercise=${encodeURIComponent(exerciseId)}`;
  return (
    <section className="card" aria-labelledby="exercise-findings-heading">
      <div className="card-head">
        <h2 id="exercise-findings-heading" className="card-title">Findings</h2>
        {canAdd && <Link to={addLink} className="btn btn-small btn-primary">Add finding</Link>}
      </div>
      <ProblemAlert error={list.error} title="Could not load the findings" />
      {list.loading && !list.data && <Loading label="Loading findings…" />}
      {list.data && (list.data.items.length === 0 ? (
        <EmptyState title="No findings recorded yet">
          {canAdd && <p><Link to={addLink}>Add the first finding</Link> of this exercise.</p>}
        </EmptyState>
      ) : (
        <div className={list.loading ? 'is-refreshing' : undefined}>
          <FindingsTable findings={list.data.items} sort={sort} onSort={(s) => { setSort(s); setPage(1); }} />
          <Pagination total={list.data.total} limit={PAGE_SIZE} offset={(page - 1) * PAGE_SIZE} onPage={setPage} noun={['finding', 'findings']} />
        </div>
      ))}
    </section>
  );
}
