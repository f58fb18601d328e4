import { useState, type FormEvent } from 'react';
import type { Me } from '../../../../src/contracts/auth.ts';
import { authApi } from '../../api/auth.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';

export function LoginForm({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useAction(authApi.login);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const me = await login.run({ email: email.trim(), password });
    if (me) onSignedIn(me);
  }

  const error = login.error;
  const title = error?.status === 429 ? 'Too many attempts' : error?.status === 401 ? 'Sign-in failed' : undefined;
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <ProblemAlert error={error} title={title} />
      <Field label="Email" error={error?.fieldMessage('email')}>
        <input type="email" name="email" autoComplete="username" required autoFocus
          value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      <Field label="Password" error={error?.fieldMessage('password')}>
        <input type="password" name="password" autoComplete="current-password" required
          value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <button type="submit" className="btn btn-primary btn-block" disabled={login.pending}>
        {login.pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
