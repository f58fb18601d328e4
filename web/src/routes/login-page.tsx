import { useEffect } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { LoginForm } from '../features/auth/login-form.tsx';
import { useSession } from '../features/auth/session-context.tsx';
import { Loading } from '../ui/loading.tsx';
import { Logo } from '../ui/logo.tsx';

/** Only paths inside the app: never an address elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/zones';
}

export function LoginPage() {
  const { me, setMe } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  useEffect(() => { document.title = 'Sign in · Keel'; }, []);

  if (me === undefined) return <main className="center-page"><Loading /></main>;
  if (me) return <Navigate to={next} replace />;
  return (
    <main className="login-page">
      <div className="login-card">
        <div className="login-brand"><Logo size={40} /><span>Keel</span></div>
        <h1>Sign in</h1>
        <p className="muted">Every part of your product surface, one accountable owner.</p>
        <LoginForm onSignedIn={(signedIn) => { setMe(signedIn); void navigate(next, { replace: true }); }} />
      </div>
      <p className="login-foot muted small">Running the demo? The server prints the demo sign-in when it starts.</p>
    </main>
  );
}
