import { Link, useNavigate } from 'react-router-dom';
import { CAN_MANAGE_EXERCISES } from '../features/auth/permissions.ts';
import { RequireRole } from '../features/auth/require-session.tsx';
import { useRole } from '../features/auth/session-context.tsx';
import { ExerciseForm } from '../features/exercises/exercise-form.tsx';
import { useZoneOptions } from '../features/zones/zone-select.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function ExerciseNewPage() {
  const role = useRole();
  const navigate = useNavigate();
  const zones = useZoneOptions();
  return (
    <>
      <p className="breadcrumb"><Link to="/exercises">← Exercises</Link></p>
      <PageHeader title="New exercise" subtitle="Record a red-team exercise; then add the findings it produced." />
      <RequireRole allowed={CAN_MANAGE_EXERCISES} role={role}>
        <ProblemAlert error={zones.error} title="Could not load zones" />
        {zones.loading && !zones.data && <Loading />}
        {zones.data && (
          <ExerciseForm zones={zones.data.items} onSaved={(x) => navigate(`/exercises/${encodeURIComponent(x.id)}`)} />
        )}
      </RequireRole>
    </>
  );
}
