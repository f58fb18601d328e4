import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { prdsApi } from '../api/prds.ts';
import { useResource } from '../api/use-resource.ts';
import { can } from '../features/auth/permissions.ts';
import { useRole } from '../features/auth/session-context.tsx';
import { PrdCreateForm } from '../features/prds/prd-create-form.tsx';
import { CAN_WRITE_PRDS } from '../features/prds/prd-permissions.ts';
import { PrdsTable } from '../features/prds/prds-table.tsx';
import { useZoneOptions } from '../features/zones/zone-select.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function PrdsPage() {
  const role = useRole();
  const navigate = useNavigate();
  const prds = useResource(() => prdsApi.list(), []);
  const zones = useZoneOptions();
  const [creating, setCreating] = useState(false);
  const canWrite = can(role, CAN_WRITE_PRDS);
  return (
    <>
      <PageHeader title="PRD reviews"
        subtitle="Each PRD's Safety Implications: failure modes with severity, likelihood and planned mitigation. Approval waits for them."
        actions={canWrite && (
          <button type="button" className="btn btn-primary" aria-expanded={creating} onClick={() => setCreating((c) => !c)}>
            {creating ? 'Close' : 'New PRD'}
          </button>
        )} />
      {creating && <PrdCreateForm zones={zones.data?.items ?? []} onCreated={(p) => navigate(`/prds/${encodeURIComponent(p.id)}`)} />}
      <ProblemAlert error={prds.error} title="Could not load PRDs" />
      {prds.loading && !prds.data && <Loading label="Loading PRDs…" />}
      {prds.data && (prds.data.items.length === 0
        ? <EmptyState title="No PRDs yet">{canWrite && <p>Create one, then list its failure modes.</p>}</EmptyState>
        : <PrdsTable prds={prds.data.items} />)}
    </>
  );
}
