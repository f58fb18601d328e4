import { useState, type FormEvent } from 'react';
import type { Role } from '../../../../src/contracts/common.ts';
import type { Member } from '../../../../src/contracts/users.ts';
import { useAction } from '../../api/use-action.ts';
import { usersApi } from '../../api/users.ts';
import { Alert, ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ROLES, ROLE_HINTS, ROLE_LABELS } from './role-label.tsx';

export function AddMemberForm({ onAdded, onClose }: { onAdded: (m: Member) => void; onClose: () => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('lead');
  const [password, setPassword] = useState('');
  const [added, setAdded] = useState<string>();
  const create = useAction(usersApi.create);
  const err = create.error;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setAdded(undefined);
    const m = await create.run({ email: email.trim(), name: name.trim(), role, ...(password ? { password } : {}) });
    if (!m) return;
    setAdded(`${m.name} was added as ${ROLE_LABELS[m.role].toLowerCase()}.`);
    setEmail(''); setName(''); setPassword('');
    onAdded(m);
  }

  return (
    <section className="card" aria-labelledby="add-member-heading">
      <h2 id="add-member-heading" className="card-title">Add a member</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {added && <Alert tone="success">{added}</Alert>}
        <ProblemAlert error={err} title="The member was not added" />
        <div className="form-row">
        <Field label="Name" error={err?.fieldMessage('name')}>
          <input type="text" value={name} autoComplete="off" required onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Email" error={err?.fieldMessage('email')}>
          <input type="email" value={email} autoComplete="off" required onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label="Role" error={err?.fieldMessage('role')} hint={ROLE_HINTS[role]}>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </select>
        </Field>
        <Field label="Initial password" error={err?.fieldMessage('password')}
          hint="Optional: without one they cannot sign in yet">
          <input type="password" value={password} autoComplete="new-password" onChange={(e) => setPassword(e.target.value)} />
        </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={create.pending || !email.trim() || !name.trim()}>
            {create.pending ? 'Adding…' : 'Add member'}
          </button>
          <button type="button" className="btn" onClick={onClose}>Close</button>
        </div>
      </form>
    </section>
  );
}
