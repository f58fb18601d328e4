import type { LaunchDetail } from '../../../../src/contracts/launches.ts';
import { formatDateTime } from '../../ui/dates.ts';

const KIND_LABELS: Record<LaunchDetail['decisions'][number]['kind'], string> = {
  go: 'Go', pause: 'Pause', override_requested: 'Go over failing checks (override asked)', override_cosigned: 'Override co-signed',
};

export function DecisionHistory({ decisions }: { decisions: LaunchDetail['decisions'] }) {
  return (
    <section className="card" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading" className="card-title">Decisions</h2>
      {decisions.length === 0 ? <p className="muted">No decision yet.</p> : (
        <ol className="timeline">
          {[...decisions].reverse().map((d) => (
            <li key={d.id} className="timeline-item">
              <p className="timeline-summary">
                <strong>{KIND_LABELS[d.kind]}</strong>{d.override && <> <span className="badge badge-sev-critical">Override</span></>}
              </p>
              <p className="prewrap">{d.rationale}</p>
              <p className="small muted">
                {d.actorName ?? d.actor} · {formatDateTime(d.at)} · gate {d.checks.passed ? 'passed' : `failed: ${d.checks.failing.join(', ')}`}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
