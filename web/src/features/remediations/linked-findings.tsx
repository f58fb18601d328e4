import { Link } from 'react-router-dom';
import type { RemediationDetail } from '../../../../src/contracts/remediations.ts';
import { formatDate } from '../../ui/dates.ts';
import { FindingStatusBadge, RegressedFlag, SeverityBadge } from '../findings/finding-badges.tsx';

export function LinkedFindings({ item }: { item: RemediationDetail }) {
  const tool = item.findings.filter((f) => f.source === 'import' && f.status === 'open').length;
  return (
    <section className="card" aria-labelledby="findings-heading">
      <div className="card-head">
        <h2 id="findings-heading" className="card-title">Linked findings</h2>
        <span className="muted small">{item.findingCount} {item.findingCount === 1 ? 'finding' : 'findings'}</span>
      </div>
      {item.findings.length === 0 ? <p className="muted">No finding is linked to this item.</p> : (
        <div className="table-wrap">
          <table className="table table-stack table-compact">
            <thead><tr><th scope="col">Finding</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col" className="hide-sm">First seen</th></tr></thead>
            <tbody>
              {item.findings.map((f) => (
                <tr key={f.id}>
                  <td><Link to={`/findings/${encodeURIComponent(f.id)}`} className="strong-link break">{f.title}</Link>{f.regressed && <> <RegressedFlag /></>}</td>
                  <td data-label="Severity"><SeverityBadge severity={f.severity} /></td>
                  <td data-label="Status"><FindingStatusBadge status={f.status} /></td>
                  <td className="hide-sm" data-label="First seen">{formatDate(f.firstSeenAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {tool > 0 && <p className="muted small">{tool} tool {tool === 1 ? 'finding is' : 'findings are'} still open: a later run must no longer reproduce {tool === 1 ? 'it' : 'them'} before the item can be verified.</p>}
    </section>
  );
}
