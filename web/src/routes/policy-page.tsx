import { policyApi } from '../api/policy.ts';
import { useResource } from '../api/use-resource.ts';
import { useRole } from '../features/auth/session-context.tsx';
import { PolicyForm } from '../features/policy/policy-form.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function PolicyPage() {
  const role = useRole();
  const policy = useResource(() => policyApi.get(), []);
  return (
    <>
      <PageHeader title="Policy" subtitle="The SLA table, the triage formula, the safety reserve and the debt rules of this organization." />
      <ProblemAlert error={policy.error} title="Could not load the policy" />
      {!policy.data && !policy.error && <Loading label="Loading the policy…" />}
      {policy.data && <PolicyForm policy={policy.data} canEdit={role === 'admin'} onSaved={policy.setData} />}
    </>
  );
}
