import { useState, type FormEvent } from 'react';
import type { CreatedApiToken } from '../../../../src/contracts/auth.ts';
import { authApi } from '../../api/auth.ts';
import { useAction } from '../../api/use-action.ts';
import { useResource } from '../../api/use-resource.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { formatDate, formatRelative } from '../../ui/dates.ts';
import { Field } from '../../ui/field.tsx';
import { Loading } from '../../ui/loading.tsx';
import { NewTokenNotice } from './new-token-notice.tsx';

export function ApiTokens() {
  const tokens = useResource(() => authApi.tokens(), []);
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<CreatedApiToken>();
  const create = useAction(authApi.createToken);
  const revoke = useAction(authApi.revokeToken);
  const err = create.error;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await create.run({ name: name.trim(), ...(days ? { expiresInDays: Number(days) } : {}) });
    if (!result) return;
    setCreated(result);
    setName('');
    tokens.reload();
  }

  async function doRevoke(id: string, tokenName: string) {
    if (!window.confirm(`Revoke the token “${tokenName}”? Scripts using it stop working at once.`)) return;
    if (await revoke.run(id)) tokens.reload();
  }

  const items = tokens.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading" className="card-title">API tokens</h2>
      <p className="muted small">For the <code>keel</code> command line and CI: send it as <code>Authorization: Bearer &lt;token&gt;</code>. A token acts with your role.</p>
      {created && <NewTokenNotice created={created} onDismiss={() => setCreated(undefined)} />}
      <form className="form token-form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Token name" error={err?.fieldMessage('name')}>
          <input type="text" value={name} maxLength={100} placeholder="e.g. CI red-team import" onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Expires" error={err?.fieldMessage('expiresInDays')}>
          <select value={days} onChange={(e) => setDays(e.target.value)}>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="">never</option>
          </select>
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={create.pending || !name.trim()}>Create token</button>
        </div>
      </form>
      <ProblemAlert error={err ?? revoke.error ?? tokens.error} />
      {tokens.loading && !tokens.data && <Loading />}
      {tokens.data && items.length === 0 && <p className="muted">You have no API tokens.</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table table-compact table-stack">
            <thead><tr><th scope="col">Name</th><th scope="col">Created</th><th scope="col" className="hide-sm">Last used</th><th scope="col">Expires</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {items.map((t) => (
                <tr key={t.id} className={t.revokedAt ? 'row-muted' : undefined}>
                  <td className="strong">{t.name}</td>
                  <td data-label="Created">{formatDate(t.createdAt)}</td>
                  <td className="hide-sm" data-label="Last used">{t.lastUsedAt ? formatRelative(t.lastUsedAt) : <span className="muted">never</span>}</td>
                  <td data-label="Expires">{t.expiresAt ? formatDate(t.expiresAt) : <span className="muted">never</span>}</td>
                  <td className="row-actions">
                    {t.revokedAt ? <span className="badge badge-muted">Revoked</span> : (
                      <button type="button" className="btn btn-small btn-danger-outline" disabled={revoke.pending}
                        onClick={() => void doRevoke(t.id, t.name)}>Revoke</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
