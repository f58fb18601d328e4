import type { FindingStatus } from '../../../../src/contracts/findings.ts';
import { isSeverity, isStatus, SEVERITY_LABELS, STATUS_LABELS, STATUS_MEANINGS } from './severity.ts';

/** A severity as a coloured badge; unknown values (from a run list) show as they are. */
export function SeverityBadge({ severity }: { severity: string }) {
  const known = isSeverity(severity);
  return (
    <span className={`badge badge-sev badge-sev-${known ? severity : 'info'}`}>
      {known ? SEVERITY_LABELS[severity] : severity}
    </span>
  );
}

export function FindingStatusBadge({ status }: { status: FindingStatus | string }) {
  if (!isStatus(status)) return <span className="badge badge-muted">{status}</span>;
  return <span className={`badge badge-fstatus-${status}`} title={STATUS_MEANINGS[status]}>{STATUS_LABELS[status]}</span>;
}

export function RegressedFlag({ count }: { count?: number }) {
  return (
    <span className="badge badge-regressed" title="Was fixed or verified, and came back">
      Regressed{count !== undefined && count > 1 ? ` ×${count}` : ''}
    </span>
  );
}

/** Categories like owasp-llm:LLM01 or cwe:79, the scheme muted before the id. */
export function CategoryChips({ categories }: { categories: readonly string[] }) {
  if (categories.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="chips" aria-label="Categories">
      {categories.map((c) => {
        const at = c.indexOf(':');
        return (
          <li key={c} className="chip chip-category" title={c}>
            {at > 0 ? <><span className="chip-scheme">{c.slice(0, at)}:</span>{c.slice(at + 1)}</> : c}
          </li>
        );
      })}
    </ul>
  );
}
