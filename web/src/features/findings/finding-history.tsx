import { Link } from 'react-router-dom';
import type { FindingDetail } from '../../../../src/contracts/findings.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { OUTCOME_LABELS, OUTCOME_MEANINGS } from '../runs/outcomes.ts';
import type { ActorName } from '../users/use-actor-name.ts';

/** The runs that saw or missed this finding, newest first. */
export function FindingHistory({ history, nameOf }: { history: FindingDetail['history']; nameOf: ActorName }) {
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading" className="card-title">History</h2>
      {history.length === 0 ? <p className="muted">No run has seen this finding: it was added by hand.</p> : (
        <div className="table-wrap">
          <table className="table table-stack table-compact">
            <thead>
              <tr><th scope="col">Run</th><th scope="col">Outcome</th><th scope="col" className="hide-sm">File</th><th scope="col" className="hide-sm">By</th></tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.runId}>
                  <td><Link to={`/runs/${encodeURIComponent(h.runId)}`}>{formatDateTime(h.importedAt)}</Link> <span className="muted small">{h.tool}</span></td>
                  <td data-label="Outcome">
                    <span className={`outcome-pill outcome-${h.outcome}`} title={OUTCOME_MEANINGS[h.outcome]}>{OUTCOME_LABELS[h.outcome]}</span>
                  </td>
                  <td className="hide-sm mono small break" data-label="File">{h.fileName}</td>
                  <td className="hide-sm" data-label="By">{nameOf(h.actor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
