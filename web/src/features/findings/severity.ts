import type { FindingStatus, Severity } from '../../../../src/contracts/findings.ts';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info',
};
export const SEVERITY_COLORS: Record<Severity, string> = {
  critical: '#b42318', high: '#c2410c', medium: '#b54708', low: '#2563eb', info: '#64748b',
};

export const STATUSES: readonly FindingStatus[] = ['open', 'fixed_unverified', 'verified'];
export const STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Open', fixed_unverified: 'Fixed, unverified', verified: 'Verified',
};
export const STATUS_MEANINGS: Record<FindingStatus, string> = {
  open: 'Seen in the latest run',
  fixed_unverified: 'Absent from a later run; not yet verified',
  verified: 'Absent for several clean runs in a row',
};

/** The tool formats a finding can come from, for the tool filter. */
export const TOOLS = ['promptfoo', 'garak', 'sarif', 'generic', 'inspect', 'manual'] as const;
export const TOOL_LABELS: Record<string, string> = {
  promptfoo: 'promptfoo', garak: 'garak', sarif: 'SARIF', generic: 'Generic', inspect: 'Inspect AI', manual: 'Manual',
};

export function isSeverity(v: string): v is Severity {
  return SEVERITIES.includes(v as Severity);
}

export function isStatus(v: string): v is FindingStatus {
  return STATUSES.includes(v as FindingStatus);
}
