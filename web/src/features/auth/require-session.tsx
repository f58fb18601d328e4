import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Alert } from '../../ui/alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useSession } from './session-context.tsx';

/** Renders its children for a signed-in person; otherwise sends them to /login and back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { me, loadError, retry } = useSession();
  const location = useLocation();
  if (loadError) {
    return (
      <main className="center-page">
        <Alert tone="danger" title="Keel could not load your session">
          <p>{loadError.problem.detail}</p>
          <button type="button" className="btn" onClick={retry}>Try again</button>
        </Alert>
      </main>
    );
  }
  if (me === undefined) return <main className="center-page"><Loading /></main>;
  if (me === null) {
    const next = `${location.pathname}${location.search}`;
    const to = next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
    return <Navigate to={to} replace />;
  }
  return <>{children}</>;
}

export function RequireRole({ allowed, role, children }: { allowed: readonly string[]; role: string; children: ReactNode }) {
  if (!allowed.includes(role)) {
    return (
      <Alert tone="warning" title="Not available for your role">
        <p>This page is for {allowed.join(' and ')} roles. Ask an admin of your organization if you need access.</p>
      </Alert>
    );
  }
  return <>{children}</>;
}
