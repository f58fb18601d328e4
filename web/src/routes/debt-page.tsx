import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { EscalationResult } from '../../../src/contracts/debt.ts';
import { debtApi } from '../api/debt.ts';
import { useAction } from '../api/use-action.ts';
import { useResource } from '../api/use-resource.ts';
import { useMe } from '../features/auth/session-context.tsx';
import { DebtBreakdown } from '../features/debt/debt-breakdown.tsx';
import { EscalationList } from '../features/debt/escalation-list.tsx';
import { InterestRule } from '../features/debt/interest-rule.tsx';
import { StaleList } from '../features/debt/stale-list.tsx';
import { SeverityBadge } from '../features/findings/finding-badges.tsx';
import { formatCount, formatPoints } from '../features/metrics/format.ts';
import { useActorName } from '../features/users/use-actor-name.ts';
import { Alert, ProblemAlert } from '../ui/alert.tsx';
import { formatDate, formatDateTime } from '../ui/dates.ts';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

/** Who may run the escalation rule by hand (the server decides: debt.escalate). */
const ESCALATORS = ['admin', 'lead'];

/** Safety debt per zone and owner, the interest rule, escalations with their deferrals, and the re-scoping review. */
export function DebtPage() {
  const me = useMe();
  const actorName = useActorName();
  const report = useResource(() => debtApi.report(), []);
  const escalations = useResource(() => debtApi.escalations(), []);
  const stale = useResource(() => debtApi.stale(), []);
  const escalate = useAction(debtApi.escalate);
  const r = report.data;
  const [ran, setRan] = useState<EscalationResult>();
  const runEscalation = async () => {
    const result = await escalate.run();
    if (result) { setRan(result); report.reload(); escalations.reload(); }
  };

  return (
    <>
      <PageHeader
        title="Safety debt"
        subtitle={r ? `As of ${formatDateTime(r.asOf)}` : 'Overdue safety work, with interest.'}
        actions={ESCALATORS.includes(me.role) && (
          <button type="button" className="btn" disabled={escalate.pending}
            onClick={() => { void runEscalation(); }}>
            {escalate.pending ? 'Escalating…' : 'Run escalation now'}
          </button>
        )}
      />
      <ProblemAlert error={escalate.error} title="Could not run the escalation" />
      {ran && (
        <Alert tone={ran.escalated.length ? 'warning' : 'success'}
          title={ran.escalated.length ? `Escalated ${formatCount(ran.escalated.length, 'item')}` : 'Nothing new to escalate'}>
          {ran.escalated.length > 0 && (
            <p>
              {ran.escalated.map((i) => `REM-${i.number}`).join(', ')}: flagged for the review board;{' '}
              {formatCount(ran.notified, 'notice')} sent to the admins.
            </p>
          )}
        </Alert>
      )}
      <ProblemAlert error={report.error} title="Could not load the safety debt" />
      {report.loading && !r && <Loading label="Computing the debt…" />}
      {r && (
        <>
          <div className="tiles tiles-metrics">
            <div className={`tile${r.total > 0 ? ' tile-danger' : ' tile-ok'}`} data-metric="debt-total">
              <span className="tile-label">Total debt</span>
              <span className="tile-value">{formatPoints(r.total)}</span>
              <span className="tile-note">effort × interest</span>
            </div>
            <div className={`tile${r.items.length > 0 ? ' tile-danger' : ' tile-ok'}`}>
              <span className="tile-label">Overdue items</span>
              <span className="tile-value">{r.items.length}</span>
              <span className="tile-note">open and past their SLA</span>
            </div>
            <div className={`tile${r.zones.some((z) => z.overThreshold) ? ' tile-danger' : ' tile-ok'}`}>
              <span className="tile-label">Zones over threshold</span>
              <span className="tile-value">{r.zones.filter((z) => z.overThreshold).length}</span>
              <span className="tile-note">debt above {formatPoints(r.rules.zoneDebtThreshold)}</span>
            </div>
            <div className="tile">
              <span className="tile-label">Escalated</span>
              <span className="tile-value">{escalations.data?.items.length ?? '…'}</span>
              <span className="tile-note">for the next review board</span>
            </div>
          </div>
          <section className="card" aria-labelledby="rule-heading">
            <h2 id="rule-heading" className="card-title">How debt accrues</h2>
            <InterestRule rules={r.rules} />
          </section>
          <section className="card" aria-labelledby="breakdown-heading">
            <h2 id="breakdown-heading" className="card-title">Debt per zone and owner</h2>
            <DebtBreakdown report={r} />
          </section>
          <section className="card" aria-labelledby="items-heading">
            <h2 id="items-heading" className="card-title">Overdue items</h2>
            {r.items.length === 0 ? <p className="muted ok-note">No open item is past its SLA.</p> : (
              <div className="table-wrap">
                <table className="table table-compact table-stack">
                  <thead>
                    <tr>
                      <th scope="col">Item</th>
                      <th scope="col" className="hide-sm">Zone</th>
                      <th scope="col">Due</th>
                      <th scope="col" className="num">Effort</th>
                      <th scope="col" className="num">Sprints over</th>
                      <th scope="col" className="num">Factor</th>
                      <th scope="col" className="num">Debt</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.items.map((i) => (
                      <tr key={i.id}>
                        <td>
                          <Link className="strong-link" to={`/remediations/REM-${i.number}`}>REM-{i.number}</Link> {i.title}{' '}
                          <SeverityBadge severity={i.severity} />
                          {i.escalatedAt && <span className="badge badge-escalated">Escalated</span>}
                        </td>
                        <td className="hide-sm" data-label="Zone">{i.zone.name}<div className="muted small">{i.owner.name}</div></td>
                        <td className="nowrap text-danger" data-label="Due">{formatDate(i.dueAt)}</td>
                        <td className="num" data-label="Effort">{formatPoints(i.effort)}</td>
                        <td className="num" data-label="Sprints">{i.sprintsOverdue}</td>
                        <td className="num" data-label="Factor">× {formatPoints(i.factor)}</td>
                        <td className="num" data-label="Debt"><strong>{formatPoints(i.debt)}</strong></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
      <section className="card" aria-labelledby="escalations-heading">
        <h2 id="escalations-heading" className="card-title">Escalations</h2>
        <ProblemAlert error={escalations.error} title="Could not load the escalations" />
        {escalations.data ? <EscalationList items={escalations.data.items} actorName={actorName} /> : !escalations.error && <Loading />}
      </section>
      <section className="card" aria-labelledby="stale-heading">
        <h2 id="stale-heading" className="card-title">Needs re-scoping</h2>
        <p className="muted small">
          The weekly review: open items with no activity for {stale.data?.staleAfterDays ?? '…'} days, whose findings are no longer
          reproduced, or whose zone changed.
        </p>
        <ProblemAlert error={stale.error} title="Could not load the review list" />
        {stale.data ? <StaleList review={stale.data} /> : !stale.error && <Loading />}
      </section>
    </>
  );
}
