/** The web app's priority preview must say what the server will store, for every rubric and severity. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/domain/policy.ts';
import { SEVERITIES } from '../../src/domain/severity.ts';
import { priorityScore } from '../../src/domain/triage-score.ts';
import { previewPriority } from '../../web/src/features/remediations/priority-preview.ts';

const WEIGHTS = [
  DEFAULT_POLICY.priorityWeights,
  { severity: 1, impact: 0, feasibility: 0, customerValue: 0 },
  { severity: 0.25, impact: 0.25, feasibility: 0.25, customerValue: 0.25 },
  { severity: 3, impact: 2, feasibility: 0.5, customerValue: 7 },
  { severity: 0, impact: 0, feasibility: 0, customerValue: 0 },
];

describe('priority preview in the web app', () => {
  it('agrees with the domain formula on all 625 inputs under each of five weightings', () => {
    let compared = 0;
    for (const w of WEIGHTS) {
      for (const severity of SEVERITIES) {
        for (let impact = 1; impact <= 5; impact++) {
          for (let feasibility = 1; feasibility <= 5; feasibility++) {
            for (let customerValue = 1; customerValue <= 5; customerValue++) {
              expect(previewPriority(severity, { impact, feasibility, customerValue }, w))
                .toBe(priorityScore({ severity, impact, feasibility, customerValue }, w));
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBe(3125);
  });

  it('scores critical 5/5/5 at 100 and info 1/1/1 at 0 with the default weights', () => {
    const w = DEFAULT_POLICY.priorityWeights;
    expect(previewPriority('critical', { impact: 5, feasibility: 5, customerValue: 5 }, w)).toBe(100);
    expect(previewPriority('info', { impact: 1, feasibility: 1, customerValue: 1 }, w)).toBe(0);
    expect(previewPriority('high', { impact: 3, feasibility: 3, customerValue: 3 }, w)).toBe(60);
  });
});
