import type { DebtReport } from '../../../../src/contracts/debt.ts';
import { formatPoints, formatRate } from '../metrics/format.ts';

/** The organization's debt and escalation rule, in words, with a worked example. */
export function InterestRule({ rules }: { rules: DebtReport['rules'] }) {
  const factor = 1 + rules.debtInterestRate;
  const example = Math.round(5 * factor ** 2 * 100) / 100;
  return (
    <div className="interest-rule">
      <p>
        An open item past its SLA due date accrues interest of <strong>{formatRate(rules.debtInterestRate)}</strong> for every
        sprint of <strong>{rules.sprintDays} days</strong> it is overdue, compounding: its debt is its effort
        × {formatPoints(factor)}<sup>sprints overdue</sup>. A zone's or an owner's debt is the sum over their items.
      </p>
      <p className="muted small">
        Example: an item of effort 5 that is 15 days overdue counts 2 sprints, so 5 × {formatPoints(factor)}² = {formatPoints(example)}.
      </p>
      <p>
        An item overdue for more than <strong>{rules.escalateAfterSprints} sprints</strong>, or in a zone whose debt passes{' '}
        <strong>{formatPoints(rules.zoneDebtThreshold)}</strong>, is <strong>escalated</strong>: flagged for the next review board
        and sent to the admins, with its history of deferrals.
      </p>
    </div>
  );
}
