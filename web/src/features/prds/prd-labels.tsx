import type { Likelihood, PrdStatus } from '../../../../src/contracts/prds.ts';

export const PRD_STATUS_LABELS: Record<PrdStatus, string> = { draft: 'Draft', in_review: 'In review', approved: 'Approved' };
export const LIKELIHOODS: readonly Likelihood[] = ['rare', 'unlikely', 'possible', 'likely', 'almost_certain'];
export const LIKELIHOOD_LABELS: Record<Likelihood, string> = {
  rare: 'Rare', unlikely: 'Unlikely', possible: 'Possible', likely: 'Likely', almost_certain: 'Almost certain',
};

export function PrdStatusBadge({ status }: { status: PrdStatus }) {
  const tone = status === 'approved' ? 'badge-fstatus-verified' : status === 'in_review' ? 'badge-fstatus-fixed' : 'badge-muted';
  return <span className={`badge ${tone}`}>{PRD_STATUS_LABELS[status]}</span>;
}
