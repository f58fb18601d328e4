import { Link, useSearchParams } from 'react-router-dom';
import { CAN_IMPORT_RUNS } from '../features/auth/permissions.ts';
import { RequireRole } from '../features/auth/require-session.tsx';
import { useRole } from '../features/auth/session-context.tsx';
import { RunImportForm } from '../features/runs/run-import-form.tsx';
import { useZoneOptions } from '../features/zones/zone-select.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function RunImportPage() {
  const role = useRole();
  const [params] = useSearchParams();
  const zones = useZoneOptions();
  return (
    <>
      <p className="breadcrumb"><Link to="/runs">← Runs</Link></p>
      <PageHeader title="Import results"
        subtitle="Upload a results file: Keel compares it with earlier runs and tells you what is new, still present, gone or back." />
      <RequireRole allowed={CAN_IMPORT_RUNS} role={role}>
        <ProblemAlert error={zones.error} title="Could not load zones" />
        {zones.loading && !zones.data && <Loading label="Loading zones…" />}
        {zones.data && <RunImportForm zones={zones.data.items} initialZone={params.get('zone') ?? ''} />}
      </RequireRole>
    </>
  );
}
