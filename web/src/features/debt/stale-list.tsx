import { Link } from 'react-router-dom';
import type { StaleReview } from '../../../../src/contracts/debt.ts';
import { formatDate, formatRelative } from '../../ui/dates.ts';
import { SeverityBadge } from '../findings/finding-badges.tsx';

type Code = StaleReview['items'][number]['reasons'][number]['code'];

const REASON_LABELS: Record<Code, string> = {
  no_activity: 'No activity',
  findings_not_reproduced: 'Findings not reproduced',
  zone_owner_changed: 'Zone changed hands',
  finding_in_other_zone: 'Finding moved zone',
};

/** The weekly "needs re-scoping" review: each flagged item with the reasons, in the server's words. */
export function StaleList({ review }: { review: StaleReview }) {
  if (review.items.length === 0) return <p className="muted ok-note">Nothing needs re-scoping this week.</p>;
  return (
    <div className="table-wrap">
      <table className="table table-compact table-stack stale-table">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Why it needs re-scoping</th>
            <th scope="col" className="hide-sm">Owner</th>
            <th scope="col">Last activity</th>
          </tr>
        </thead>
        <tbody>
          {review.items.map((i) => (
            <tr key={i.id}>
              <td>
                <Link className="strong-link" to={`/remediations/REM-${i.number}`}>REM-{i.number}</Link> {i.title}{' '}
                <SeverityBadge severity={i.severity} />
                <div className="muted small">{i.zone.name} · {i.findingCount} {i.findingCount === 1 ? 'finding' : 'findings'}</div>
              </td>
              <td data-label="Why">
                <ul className="reason-list">
                  {i.reasons.map((r) => (
                    <li key={r.code}><span className={`badge badge-reason badge-reason-${r.code}`}>{REASON_LABELS[r.code]}</span> {r.message}</li>
                  ))}
                </ul>
              </td>
              <td className="hide-sm" data-label="Owner">{i.owner.name}</td>
              <td data-label="Last activity" className="nowrap" title={formatDate(i.lastActivityAt)}>{formatRelative(i.lastActivityAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
