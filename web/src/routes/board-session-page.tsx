import { Link, useParams } from 'react-router-dom';
import { boardApi } from '../api/board.ts';
import { useResource } from '../api/use-resource.ts';
import { useMe } from '../features/auth/session-context.tsx';
import { ActionForm } from '../features/board/action-form.tsx';
import { ActionsTable } from '../features/board/actions-table.tsx';
import { AgendaView } from '../features/board/agenda-view.tsx';
import { BoardStatusBadge } from '../features/board/board-status-badge.tsx';
import { DecisionForm } from '../features/board/decision-form.tsx';
import { DecisionsList } from '../features/board/decisions-list.tsx';
import { MinutesView } from '../features/board/minutes-view.tsx';
import { SessionControls } from '../features/board/session-controls.tsx';
import { SummaryCard } from '../features/board/summary-card.tsx';
import { useActorName } from '../features/users/use-actor-name.ts';
import { useMembers } from '../features/users/use-members.ts';
import { ProblemAlert } from '../ui/alert.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function BoardSessionPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const session = useResource(() => boardApi.get(id), [id]);
  const members = useMembers();
  const nameOf = useActorName();

  if (session.error) {
    return (
      <>
        <p className="breadcrumb"><Link to="/board">← Review board</Link></p>
        <ProblemAlert error={session.error} title={session.error.status === 404 ? 'Board session not found' : 'Could not load the session'} />
      </>
    );
  }
  const s = session.data;
  if (!s) return <Loading label="Loading the session…" />;
  const recording = s.permissions.canManage && s.status !== 'closed';
  const people = members.data?.items ?? [];
  return (
    <>
      <p className="breadcrumb"><Link to="/board">Review board</Link></p>
      <PageHeader
        title={`Board session ${s.scheduledOn}`}
        subtitle={<div className="zone-meta"><BoardStatusBadge status={s.status} /><span className="muted small">Every {s.cadenceDays} days</span></div>}
      >
        <SessionControls session={s} onChanged={session.setData} />
      </PageHeader>
      <div className="detail-grid aside-last">
        <div className="detail-main">
          <section aria-labelledby="agenda-heading">
            <h2 id="agenda-heading" className="section-title">Agenda by owner</h2>
            <AgendaView session={s} />
          </section>
          <section className="card" aria-labelledby="decisions-heading">
            <h2 id="decisions-heading" className="card-title">Decisions</h2>
            <DecisionsList decisions={s.decisions} nameOf={nameOf} />
          </section>
          {recording && <DecisionForm session={s} members={people} onSaved={session.setData} />}
          <section className="card" aria-labelledby="actions-heading">
            <h2 id="actions-heading" className="card-title">Action items</h2>
            <ActionsTable actions={s.actions} meId={me.user.id} isAdmin={me.role === 'admin'}
              onDone={(a) => session.setData({ ...s, actions: s.actions.map((x) => (x.id === a.id ? a : x)) })} />
          </section>
          {recording && <ActionForm session={s} members={people} onSaved={session.setData} />}
        </div>
        <aside className="detail-aside">
          <SummaryCard key={s.updatedAt} session={s} onChanged={session.setData} />
          <MinutesView session={s} />
        </aside>
      </div>
    </>
  );
}
