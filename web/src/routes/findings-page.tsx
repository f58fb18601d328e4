import { Link } from 'react-router-dom';
import { can, CAN_CREATE_FINDINGS, CAN_IMPORT_RUNS } from '../features/auth/permissions.ts';
import { useRole } from '../features/auth/session-context.tsx';
import { FindingsListView } from '../features/findings/findings-list-view.tsx';
import { EmptyState } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function FindingsPage() {
  const role = useRole();
  return (
    <>
      <PageHeader
        title="Findings"
        subtitle="Weaknesses found by red-team tools, scanners and people, tracked from first sighting to verified fix."
        actions={(
          <>
            {can(role, CAN_IMPORT_RUNS) && <Link to="/runs/import" className="btn">Import results</Link>}
            {can(role, CAN_CREATE_FINDINGS) && <Link to="/findings/new" className="btn btn-primary">Add finding</Link>}
          </>
        )}
      />
      <FindingsListView empty={(
        <EmptyState title="No findings yet">
          {can(role, CAN_IMPORT_RUNS) && <p><Link to="/runs/import">Import a results file</Link> or add a finding by hand.</p>}
        </EmptyState>
      )} />
    </>
  );
}
