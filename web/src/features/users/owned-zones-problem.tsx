import { Link } from 'react-router-dom';
import type { ApiError } from '../../api/api-error.ts';
import { Alert } from '../../ui/alert.tsx';

/** Splits "assistant-self-harm: owner of Self-harm replies" into its key and its words. */
function parseZoneIssue(message: string): { key: string; text: string } | null {
  const m = /^([a-z0-9][a-z0-9._-]*):\s*(.+)$/.exec(message);
  return m && m[1] && m[2] ? { key: m[1], text: m[2] } : null;
}

/**
 * A refused change to a member who still owns zones (409): the zones, each linked to its page
 * where it can be handed off. Other problems show as a plain alert.
 */
export function MemberProblem({ title, error, onDismiss }: { title: string; error: ApiError; onDismiss: () => void }) {
  const zoneIssues = (error.problem.errors ?? []).filter((e) => e.field === 'zones');
  return (
    <Alert tone="danger" title={title}>
      <p>{error.problem.detail}</p>
      {zoneIssues.length > 0 && (
        <>
          <p>Hand these zones off first:</p>
          <ul className="zone-issue-list">
            {zoneIssues.map((issue, i) => {
              const parsed = parseZoneIssue(issue.message);
              return (
                <li key={i}>
                  {parsed ? (
                    <><Link to={`/zones/${encodeURIComponent(parsed.key)}`}>{parsed.key}</Link> <span className="muted">{parsed.text}</span></>
                  ) : issue.message}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <button type="button" className="btn btn-small" onClick={onDismiss}>Dismiss</button>
    </Alert>
  );
}
