import { useState, type FormEvent } from 'react';
import type { Member } from '../../../../src/contracts/users.ts';
import { useAction } from '../../api/use-action.ts';
import { usersApi } from '../../api/users.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';

export function SetPasswordForm({ member, onDone, onCancel }: { member: Member; onDone: () => void; onCancel: () => void }) {
  const [password, setPassword] = useState('');
  const action = useAction(async (id: string, pw: string) => { await usersApi.setPassword(id, pw); return true; });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await action.run(member.id, password)) onDone();
  }

  return (
    <form className="form inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label={`Set a password for ${member.name}`}>
      <ProblemAlert error={action.error} />
      <Field label={`New password for ${member.name}`} error={action.error?.fieldMessage('password')}>
        <input type="password" value={password} autoComplete="new-password" autoFocus required
          onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={action.pending || !password}>Set password</button>
        <button type="button" className="btn btn-small" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
