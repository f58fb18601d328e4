import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CAN_MANAGE_ROUTING } from '../features/auth/permissions.ts';
import { RequireRole } from '../features/auth/require-session.tsx';
import { useRole } from '../features/auth/session-context.tsx';
import { FindingsListView } from '../features/findings/findings-list-view.tsx';
import { RouteControl } from '../features/findings/route-control.tsx';
import { useNavCounts } from '../features/queue/nav-counts.tsx';
import { useZoneOptions } from '../features/zones/zone-select.tsx';
import { Alert } from '../ui/alert.tsx';
import { EmptyState } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

const FIXED = { unrouted: 'true' } as const;

export function UnroutedPage() {
  const role = useRole();
  const zones = useZoneOptions();
  const counts = useNavCounts();
  const [refresh, setRefresh] = useState(0);
  const [routed, setRouted] = useState<{ title: string; zone: string }>();

  return (
    <>
      <PageHeader title="Unrouted findings"
        subtitle="Findings of runs imported without a zone that no routing rule took. Route each to the zone that owns it."
        actions={<Link to="/routing" className="btn">Routing rules</Link>} />
      <RequireRole allowed={CAN_MANAGE_ROUTING} role={role}>
        {routed && <Alert tone="success">“{routed.title}” now belongs to {routed.zone}.</Alert>}
        <FindingsListView fixed={FIXED} hide={{ zone: true, unrouted: true }} refresh={refresh} extraHeader="Route to"
          rowExtra={(f) => (
            <RouteControl findingId={f.id} title={f.title} zones={zones.data?.items ?? []}
              onRouted={(d) => { setRouted({ title: d.title, zone: d.zone?.name ?? 'its zone' }); setRefresh((n) => n + 1); counts.refresh(); }} />
          )}
          empty={(
            <EmptyState title="Nothing waiting">
              <p>Every finding has a zone. Add <Link to="/routing">routing rules</Link> so future runs imported without a zone route themselves.</p>
            </EmptyState>
          )} />
      </RequireRole>
    </>
  );
}
