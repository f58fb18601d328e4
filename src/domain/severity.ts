/** Finding severities, and how the words tools use map onto them. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

const ALIASES: Record<string, Severity> = {
  critical: 'critical', crit: 'critical', blocker: 'critical',
  high: 'high', error: 'high', major: 'high', severe: 'high',
  medium: 'medium', moderate: 'medium', warning: 'medium', warn: 'medium',
  low: 'low', minor: 'low', note: 'low',
  info: 'info', informational: 'info', information: 'info', none: 'info',
};

/** The severity a tool's word means, or null when the word is unknown (the caller decides). */
export function parseSeverity(word: string | null | undefined): Severity | null {
  if (!word) return null;
  return ALIASES[word.trim().toLowerCase()] ?? null;
}

/** Orders severities: critical first. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}
