import { Link } from 'react-router-dom';
import type { GateEvaluation } from '../../../../src/contracts/launches.ts';
import { CHECK_MARKS, evidencePath } from './launch-labels.tsx';

/** Each check of the gate, pass / fail / not required, with its evidence linked where it has a page. */
export function GateChecks({ gate }: { gate: GateEvaluation }) {
  return (
    <section className="card" aria-labelledby="gate-heading">
      <h2 id="gate-heading" className="card-title">
        Gate: {gate.passed ? 'passes' : `fails (${gate.failing.length} of ${gate.checks.length} checks)`}
      </h2>
      <ul className="timeline">
        {gate.checks.map((c) => {
          const m = CHECK_MARKS[c.status];
          return (
            <li key={c.key} className="timeline-item" aria-label={c.title} data-status={c.status}>
              <p className="timeline-summary">
                <span className={`badge ${m.tone}`}><span aria-hidden="true">{m.mark}</span> {m.label}</span> <strong>{c.title}</strong>
              </p>
              <p>{c.summary}</p>
              {c.evidence.length > 0 && (
                <ul className="small">
                  {c.evidence.map((e) => {
                    const to = evidencePath(e);
                    return (
                      <li key={`${e.kind}-${e.id}`}>
                        {to ? <Link to={to}>{e.label}</Link> : <span>{e.label}</span>}
                        {e.detail && <span className="muted"> — {e.detail}</span>}
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
