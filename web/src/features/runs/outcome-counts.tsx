import type { Run } from '../../../../src/contracts/runs.ts';
import { OUTCOME_LABELS, OUTCOME_MEANINGS } from './outcomes.ts';

const SHOWN = ['new', 'still_present', 'not_reproduced', 'regressed'] as const;

/** The four outcome counts of a run as small coloured numbers, zeros muted. */
export function OutcomeCounts({ counts }: { counts: Run['counts'] }) {
  return (
    <ul className="outcome-counts">
      {SHOWN.map((o) => (
        <li key={o} className={`outcome-count outcome-${o}${counts[o] === 0 ? ' is-zero' : ''}`} title={OUTCOME_MEANINGS[o]}>
          <span className="outcome-num">{counts[o]}</span> <span className="outcome-label">{OUTCOME_LABELS[o].toLowerCase()}</span>
        </li>
      ))}
    </ul>
  );
}
