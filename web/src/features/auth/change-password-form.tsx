import { useState, type FormEvent } from 'react';
import { authApi } from '../../api/auth.ts';
import { useAction } from '../../api/use-action.ts';
import { Alert, ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';

export function ChangePasswordForm() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const action = useAction(async (body: { currentPassword: string; newPassword: string }) => {
    await authApi.changePassword(body);
    return true;
  });
  const mismatch = confirm !== '' && confirm !== newPassword;
  const err = action.error;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (mismatch) return;
    if (await action.run({ currentPassword, newPassword })) {
      setDone(true);
      setCurrent(''); setNew(''); setConfirm('');
    }
  }

  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading" className="card-title">Change password</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {done && <Alert tone="success">Your password was changed.</Alert>}
        <ProblemAlert error={err} title="The password was not changed" />
        <Field label="Current password" error={err?.fieldMessage('currentPassword')}>
          <input type="password" autoComplete="current-password" value={currentPassword} required
            onChange={(e) => setCurrent(e.target.value)} />
        </Field>
        <Field label="New password" error={err?.fieldMessage('newPassword')}>
          <input type="password" autoComplete="new-password" value={newPassword} required
            onChange={(e) => setNew(e.target.value)} />
        </Field>
        <Field label="Repeat the new password" error={mismatch ? 'The two new passwords differ.' : undefined}>
          <input type="password" autoComplete="new-password" value={confirm} required
            onChange={(e) => setConfirm(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary"
            disabled={action.pending || !currentPassword || !newPassword || confirm !== newPassword}>
            {action.pending ? 'Saving…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  );
}
