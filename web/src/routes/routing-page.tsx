import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { RoutingRule } from '../../../src/contracts/routing.ts';
import { routingApi } from '../api/routing.ts';
import { useAction } from '../api/use-action.ts';
import { useResource } from '../api/use-resource.ts';
import { CAN_MANAGE_ROUTING } from '../features/auth/permissions.ts';
import { RequireRole } from '../features/auth/require-session.tsx';
import { useRole } from '../features/auth/session-context.tsx';
import { RoutingRuleForm } from '../features/routing/routing-rule-form.tsx';
import { RoutingRulesTable } from '../features/routing/routing-rules-table.tsx';
import { useActorName } from '../features/users/use-actor-name.ts';
import { useZoneOptions } from '../features/zones/zone-select.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function RoutingPage() {
  const role = useRole();
  const rules = useResource(() => routingApi.list(), []);
  const zones = useZoneOptions();
  const nameOf = useActorName();
  const remove = useAction(routingApi.remove);
  const [deleting, setDeleting] = useState<string>();

  async function del(rule: RoutingRule) {
    if (!window.confirm(`Delete rule ${rule.position} (${rule.field} matches ${rule.pattern} → ${rule.zone.name})?`)) return;
    setDeleting(rule.id);
    await remove.run(rule.id);
    setDeleting(undefined);
    rules.reload();
  }

  return (
    <>
      <PageHeader title="Routing rules"
        subtitle="Where the findings of a run imported without a zone go. Rules are tried in order: the first that matches wins; findings no rule takes wait in Unrouted."
        actions={<Link to="/findings/unrouted" className="btn">Unrouted findings</Link>} />
      <RequireRole allowed={CAN_MANAGE_ROUTING} role={role}>
        <div className="stack">
          <ProblemAlert error={rules.error} title="Could not load the rules" />
          <ProblemAlert error={remove.error} title="The rule was not deleted" />
          {rules.loading && !rules.data && <Loading label="Loading rules…" />}
          {rules.data && (rules.data.items.length === 0 ? (
            <EmptyState title="No rules yet">
              <p>Without rules, every finding of a run imported without a zone waits in Unrouted.</p>
            </EmptyState>
          ) : (
            <RoutingRulesTable rules={rules.data.items} deleting={deleting} nameOf={nameOf} onDelete={(r) => void del(r)} />
          ))}
          <RoutingRuleForm zones={zones.data?.items ?? []} count={rules.data?.items.length ?? 0} onAdded={() => rules.reload()} />
        </div>
      </RequireRole>
    </>
  );
}
