import { Link } from 'react-router-dom';
import { exercisesApi } from '../api/exercises.ts';
import { useResource } from '../api/use-resource.ts';
import { can, CAN_MANAGE_EXERCISES } from '../features/auth/permissions.ts';
import { useRole } from '../features/auth/session-context.tsx';
import { ExercisesTable } from '../features/exercises/exercises-table.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function ExercisesPage() {
  const role = useRole();
  const exercises = useResource(() => exercisesApi.list(), []);
  const canManage = can(role, CAN_MANAGE_EXERCISES);
  return (
    <>
      <PageHeader title="Red-team exercises"
        subtitle="Named exercises with their scope, people and dates, and the findings each produced."
        actions={canManage && <Link to="/exercises/new" className="btn btn-primary">New exercise</Link>} />
      <ProblemAlert error={exercises.error} title="Could not load exercises" />
      {exercises.loading && !exercises.data && <Loading label="Loading exercises…" />}
      {exercises.data && (exercises.data.items.length === 0 ? (
        <EmptyState title="No exercises yet">
          {canManage && <p><Link to="/exercises/new">Record an exercise</Link>, then add what it found.</p>}
        </EmptyState>
      ) : <ExercisesTable exercises={exercises.data.items} />)}
    </>
  );
}
