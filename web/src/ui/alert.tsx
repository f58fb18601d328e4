import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-error.ts';

type Tone = 'danger' | 'warning' | 'success' | 'info';

export function Alert({ tone, title, children }: { tone: Tone; title?: string; children?: ReactNode }) {
  const live = tone === 'danger' || tone === 'warning' ? 'alert' : 'status';
  return (
    <div className={`alert alert-${tone}`} role={live}>
      {title && <strong className="alert-title">{title}</strong>}
      {children && <div className="alert-body">{children}</div>}
    </div>
  );
}

/** Shows what the server said went wrong (its `detail`), and the request id when there is one. */
export function ProblemAlert({ error, title }: { error: ApiError | undefined; title?: string }) {
  if (!error) return null;
  return (
    <Alert tone="danger" title={title}>
      <p>{error.problem.detail}</p>
      {error.problem.requestId && <p className="muted small">Request id: {error.problem.requestId}</p>}
    </Alert>
  );
}
