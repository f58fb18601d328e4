import type { Run } from '../../../../src/contracts/runs.ts';
import { OUTCOME_LABELS, OUTCOME_MEANINGS } from './outcomes.ts';

const TILES = ['new', 'still_present', 'not_reproduced', 'regressed'] as const;

/** The outcome counts of a run as tiles; verified and duplicates as smaller ones beside. */
export function RunSummaryTiles({ counts }: { counts: Run['counts'] }) {
  return (
    <div className="tiles tiles-outcomes">
      {TILES.map((o) => (
        <div key={o} className={`tile tile-outcome tile-outcome-${o}${counts[o] === 0 ? ' is-zero' : ''}`}>
          <span className="tile-label">{OUTCOME_LABELS[o]}</span>
          <span className="tile-value">{counts[o]}</span>
          <span className="tile-note">{OUTCOME_MEANINGS[o]}</span>
        </div>
      ))}
      <div className="tile tile-outcome tile-minor">
        <span className="tile-label">Also</span>
        <dl className="stat-list stat-list-single">
          <div title={OUTCOME_MEANINGS.verified}><dt>Verified</dt><dd>{counts.verified}</dd></div>
          <div title="Results of the file that were the same finding again, merged"><dt>Duplicates</dt><dd>{counts.duplicates}</dd></div>
        </dl>
      </div>
    </div>
  );
}

/** "falsePositive" → "False positive", "accuracy.mean" → "Accuracy mean". */
function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[._-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toLocaleString(undefined, { maximumFractionDigits: 3 });
}

/** What the tool itself counted, beside what Keel made of it: the two should tell the same story. */
export function ReportedVsOurs({ run }: { run: Run }) {
  const reported = Object.entries(run.reported);
  return (
    <section className="card" aria-labelledby="reported-heading">
      <h2 id="reported-heading" className="card-title">The tool's own numbers</h2>
      <div className="compare-grid">
        <div>
          <h3 className="card-subtitle">{run.tool} reported</h3>
          {reported.length === 0 ? <p className="muted small">The file carried no summary counts.</p> : (
            <dl className="stat-list stat-list-single">
              {reported.map(([k, v]) => <div key={k}><dt>{humanize(k)}</dt><dd>{formatNumber(v)}</dd></div>)}
            </dl>
          )}
        </div>
        <div>
          <h3 className="card-subtitle">Keel recorded</h3>
          <dl className="stat-list stat-list-single">
            <div><dt>Findings</dt><dd>{run.counts.findings}</dd></div>
            <div><dt>New</dt><dd>{run.counts.new}</dd></div>
            <div><dt>Still present</dt><dd>{run.counts.still_present}</dd></div>
            <div><dt>Regressed</dt><dd>{run.counts.regressed}</dd></div>
            <div><dt>Duplicates merged</dt><dd>{run.counts.duplicates}</dd></div>
          </dl>
        </div>
      </div>
    </section>
  );
}
