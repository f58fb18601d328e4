import { boardApi } from '../api/board.ts';
import { useResource } from '../api/use-resource.ts';
import { useRole } from '../features/auth/session-context.tsx';
import { NextSessionCard } from '../features/board/next-session-card.tsx';
import { SessionsTable } from '../features/board/sessions-table.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

/** Board roles, as the server grants `board.manage` (src/domain/roles.ts); the server decides. */
const CAN_MANAGE_BOARD = new Set(['admin', 'lead']);

export function BoardPage() {
  const role = useRole();
  const sessions = useResource(() => boardApi.list(), []);
  const next = useResource(() => boardApi.next(), []);
  return (
    <>
      <PageHeader title="Review board" subtitle="Sessions of the safety review board: agenda per owner, decisions, action items, minutes." />
      <div className="detail-grid aside-last">
        <div className="detail-main">
          <ProblemAlert error={sessions.error} title="Could not load the sessions" />
          {sessions.loading && !sessions.data && <Loading label="Loading sessions…" />}
          {sessions.data && (sessions.data.items.length === 0
            ? <EmptyState title="No session yet">Plan the first one: Keel gathers its agenda from your records.</EmptyState>
            : <SessionsTable sessions={sessions.data.items} />)}
        </div>
        <aside className="detail-aside">
          <ProblemAlert error={next.error} title="Could not compute the next session" />
          {next.data && <NextSessionCard next={next.data} canManage={CAN_MANAGE_BOARD.has(role)} />}
        </aside>
      </div>
    </>
  );
}
