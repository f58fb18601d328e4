import type { ApiError } from '../../api/api-error.ts';

/** Why the server refused the file: its message, then each problem naming its line or field. */
export function UploadProblem({ error }: { error: ApiError }) {
  const issues = error.problem.errors ?? [];
  const hasLines = issues.some((i) => i.line !== undefined);
  return (
    <div className="alert alert-danger" role="alert">
      <strong className="alert-title">The file was not imported</strong>
      <div className="alert-body">
        <p>{error.problem.detail}</p>
        {issues.length > 0 && (
          <ul className="issue-list">
            {issues.map((i, n) => (
              <li key={n}>
                {i.line !== undefined && <strong className="mono">Line {i.line}{i.column ? `, ${i.column}` : ''}: </strong>}
                {i.line === undefined && i.field && <strong className="mono">{i.field.replace(/^querystring\./, '')}: </strong>}
                {i.message}
              </li>
            ))}
          </ul>
        )}
        {hasLines && <p className="small">Nothing from this file was kept: fix the line and import it again.</p>}
        {error.problem.requestId && <p className="muted small">Request id: {error.problem.requestId}</p>}
      </div>
    </div>
  );
}
