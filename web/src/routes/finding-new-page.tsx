import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { exercisesApi } from '../api/exercises.ts';
import { useResource } from '../api/use-resource.ts';
import { CAN_CREATE_FINDINGS } from '../features/auth/permissions.ts';
import { RequireRole } from '../features/auth/require-session.tsx';
import { useRole } from '../features/auth/session-context.tsx';
import { FindingCreateForm } from '../features/findings/finding-create-form.tsx';
import { useZoneOptions } from '../features/zones/zone-select.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function FindingNewPage() {
  const role = useRole();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const exerciseId = params.get('exercise') ?? '';
  const zones = useZoneOptions();
  const exercises = useResource(() => exercisesApi.list(), []);
  const back = exerciseId ? `/exercises/${encodeURIComponent(exerciseId)}` : '/findings';
  return (
    <>
      <p className="breadcrumb"><Link to={back}>← {exerciseId ? 'Exercise' : 'Findings'}</Link></p>
      <PageHeader title="New finding" subtitle="A weakness found by hand or in a red-team exercise, stated as a hypothesis." />
      <RequireRole allowed={CAN_CREATE_FINDINGS} role={role}>
        <ProblemAlert error={zones.error} title="Could not load zones" />
        <ProblemAlert error={exercises.error} title="Could not load exercises" />
        {(zones.loading || exercises.loading) && <Loading />}
        {zones.data && !exercises.loading && (
          <FindingCreateForm zones={zones.data.items} exercises={exercises.data?.items ?? []}
            initialExercise={exerciseId} initialZone={params.get('zone') ?? ''}
            onCreated={(f) => navigate(`/findings/${encodeURIComponent(f.id)}`)} />
        )}
      </RequireRole>
    </>
  );
}
