import type { TriageQueueItem } from '../../../../src/contracts/triage.ts';

export type TriageDecision = 'remediate' | 'duplicate' | 'false_positive' | 'accept_risk';

export const DECISIONS: readonly { value: TriageDecision; label: string; meaning: string }[] = [
  { value: 'remediate', label: 'Remediate', meaning: 'Fix it: into a new remediation item or one that exists' },
  { value: 'duplicate', label: 'Duplicate', meaning: 'The same weakness as another finding' },
  { value: 'false_positive', label: 'False positive', meaning: 'Not a real weakness; counted against the tool and plugin' },
  { value: 'accept_risk', label: 'Accept risk', meaning: 'Live with it for now: a risk-acceptance draft with an expiry' },
];

/** What was decided before, for findings that regressed after triage. */
export const EARLIER_DECISION: Record<TriageQueueItem['triage'], string> = {
  untriaged: 'New',
  remediate: 'Regressed after remediation',
  duplicate: 'Regressed; was a duplicate',
  false_positive: 'Regressed; was a false positive',
  accepted_risk: 'Regressed; risk was accepted',
};
