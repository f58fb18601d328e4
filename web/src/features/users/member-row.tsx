import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Role } from '../../../../src/contracts/common.ts';
import type { Member } from '../../../../src/contracts/users.ts';
import { toApiError, type ApiError } from '../../api/api-error.ts';
import { usersApi } from '../../api/users.ts';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { ROLES, ROLE_LABELS } from './role-label.tsx';
import { SetPasswordForm } from './set-password-form.tsx';

interface Props {
  member: Member;
  isMe: boolean;
  onChanged: (m: Member) => void;
  onRemoved: (id: string) => void;
  onProblem: (title: string, error: ApiError) => void;
  onNotice: (text: string) => void;
}

export function MemberRow({ member: m, isMe, onChanged, onRemoved, onProblem, onNotice }: Props) {
  const [busy, setBusy] = useState(false);
  const [settingPassword, setSettingPassword] = useState(false);

  async function attempt(title: string, work: () => Promise<void>) {
    setBusy(true);
    try { await work(); } catch (err) { onProblem(title, toApiError(err)); } finally { setBusy(false); }
  }
  const changeRole = (role: Role) => attempt(`Could not make ${m.name} ${ROLE_LABELS[role].toLowerCase()}`, async () => {
    onChanged(await usersApi.update(m.id, { role }));
    onNotice(`${m.name} is now ${ROLE_LABELS[role].toLowerCase()}.`);
  });
  const toggleStatus = () => {
    const status = m.status === 'active' ? 'deactivated' : 'active';
    return attempt(`Could not ${status === 'active' ? 'reactivate' : 'deactivate'} ${m.name}`, async () => {
      onChanged(await usersApi.update(m.id, { status }));
      onNotice(`${m.name} was ${status === 'active' ? 'reactivated' : 'deactivated'}.`);
    });
  };
  const remove = () => {
    if (!window.confirm(`Remove ${m.name} from the organization? Their account and history stay.`)) return Promise.resolve();
    return attempt(`Could not remove ${m.name}`, async () => {
      await usersApi.remove(m.id);
      onRemoved(m.id);
      onNotice(`${m.name} was removed from the organization.`);
    });
  };

  return (
    <>
      <tr className={m.status !== 'active' ? 'row-muted' : undefined}>
        <td>
          <span className="person-name">{m.name}</span>{isMe && <span className="badge badge-muted">You</span>}
          <div className="muted small">{m.email}</div>
          {!m.hasPassword && <div className="text-warning small">No password yet</div>}
        </td>
        <td data-label="Role">
          <label className="sr-only" htmlFor={`role-${m.id}`}>Role of {m.name}</label>
          <select id={`role-${m.id}`} value={m.role} disabled={busy || isMe} onChange={(e) => void changeRole(e.target.value as Role)}>
            {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </select>
        </td>
        <td data-label="Status"><StatusBadge status={m.status} always /></td>
        <td className="num hide-sm" data-label="Zones">
          {m.zonesOwned > 0 ? <Link to={`/zones?owner=${m.id}`} aria-label={`${m.zonesOwned} zones owned by ${m.name}`}>{m.zonesOwned}</Link> : <span className="muted">0</span>}
        </td>
        <td className="row-actions">
          <button type="button" className="btn btn-small" disabled={busy || isMe} onClick={() => void toggleStatus()}>
            {m.status === 'active' ? 'Deactivate' : 'Reactivate'}
          </button>
          <button type="button" className="btn btn-small" disabled={busy} aria-expanded={settingPassword}
            onClick={() => setSettingPassword((v) => !v)}>Set password</button>
          <button type="button" className="btn btn-small btn-danger-outline" disabled={busy || isMe} onClick={() => void remove()}>
            Remove
          </button>
        </td>
      </tr>
      {settingPassword && (
        <tr className="row-form">
          <td colSpan={5}>
            <SetPasswordForm member={m} onCancel={() => setSettingPassword(false)}
              onDone={() => { setSettingPassword(false); onChanged({ ...m, hasPassword: true }); onNotice(`Password set for ${m.name}.`); }} />
          </td>
        </tr>
      )}
    </>
  );
}
