import { useState, type FormEvent } from 'react';
import type { Member } from '../../../../src/contracts/users.ts';
import type { ZoneDetail } from '../../../../src/contracts/zones.ts';
import { useAction } from '../../api/use-action.ts';
import { zonesApi } from '../../api/zones.ts';
import { Alert, ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ownerCandidates } from '../users/use-members.ts';

export function HandoffForm({ zone, members, onDone }: {
  zone: ZoneDetail;
  members: readonly Member[];
  onDone: (zone: ZoneDetail) => void;
}) {
  const [toUserId, setToUserId] = useState('');
  const [reason, setReason] = useState('');
  const [keepDeputy, setKeepDeputy] = useState(true);
  const [done, setDone] = useState<string>();
  const handoff = useAction((key: string, body: Parameters<typeof zonesApi.handoff>[1]) => zonesApi.handoff(key, body));
  const candidates = ownerCandidates(members).filter((m) => m.id !== zone.owner.id);
  const [localError, setLocalError] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(undefined);
    if (!toUserId) { setLocalError('Choose the new owner.'); return; }
    if (reason.trim().length < 3) { setLocalError('Give a reason (at least 3 characters): it stays in the history.'); return; }
    setLocalError(undefined);
    const next = await handoff.run(zone.key, { toUserId, reason: reason.trim(), keepDeputy });
    if (!next) return;
    setDone(`${next.owner.name} now owns ${next.name}.`);
    setToUserId('');
    setReason('');
    onDone(next);
  }

  const err = handoff.error;
  return (
    <section className="card" aria-labelledby="handoff-heading">
      <h2 id="handoff-heading" className="card-title">Hand off ownership</h2>
      <p className="muted small">The new owner becomes accountable for this zone. The reason is kept in the ownership history.</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {done && <Alert tone="success">{done}</Alert>}
        <ProblemAlert error={err} title="The handoff did not go through" />
        {localError && <Alert tone="danger">{localError}</Alert>}
        <Field label="New owner" error={err?.fieldMessage('toUserId')} hint="Active leads and admins">
          <select value={toUserId} onChange={(e) => setToUserId(e.target.value)} required>
            <option value="">Choose a person…</option>
            {candidates.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        </Field>
        <Field label="Reason" error={err?.fieldMessage('reason')}>
          <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3}
            placeholder="Why does ownership change? e.g. Sam moves to the agents launch" />
        </Field>
        {zone.deputy && (
          <label className="checkbox">
            <input type="checkbox" checked={keepDeputy} onChange={(e) => setKeepDeputy(e.target.checked)} />
            Keep {zone.deputy.name} as deputy
          </label>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={handoff.pending}>
            {handoff.pending ? 'Handing off…' : 'Hand off'}
          </button>
        </div>
      </form>
    </section>
  );
}
