import { useEffect, useState, type FormEvent } from 'react';
import type { RemediationDetail, RemediationPatch } from '../../../../src/contracts/remediations.ts';
import type { Member } from '../../../../src/contracts/users.ts';
import { remediationsApi } from '../../api/remediations.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { anyActive, workCandidates } from './work-candidates.ts';

type PersonKey = 'assigneeId' | 'validatorId' | 'monitorId' | 'retirerId';
const ROLES: { key: PersonKey; item: 'assignee' | 'validator' | 'monitor' | 'retirer'; label: string; hint: string }[] = [
  { key: 'assigneeId', item: 'assignee', label: 'Assignee', hint: 'Builds the fix' },
  { key: 'validatorId', item: 'validator', label: 'Validator', hint: 'Confirms the fix and checks off the criteria' },
  { key: 'monitorId', item: 'monitor', label: 'Monitor', hint: 'Watches behaviour after release' },
  { key: 'retirerId', item: 'retirer', label: 'Retirer', hint: 'Retires outdated assumptions if the item closes as obsolete' },
];

const current = (item: RemediationDetail): Record<PersonKey, string> => ({
  assigneeId: item.assignee?.id ?? '', validatorId: item.validator?.id ?? '', monitorId: item.monitor?.id ?? '', retirerId: item.retirer?.id ?? '',
});

/** The four people of an item; whoever runs the item changes them in place. */
export function PeopleCard({ item, members, onChanged }: { item: RemediationDetail; members: readonly Member[]; onChanged: (next: RemediationDetail) => void }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(() => current(item));
  const save = useAction((patch: RemediationPatch) => remediationsApi.update(item.key, patch));
  useEffect(() => { if (!editing) setDraft(current(item)); }, [item, editing]);
  const doers = workCandidates(members);
  const anyone = anyActive(members);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const before = current(item);
    const patch: RemediationPatch = {};
    for (const r of ROLES) if (draft[r.key] !== before[r.key]) patch[r.key] = draft[r.key] || null;
    if (Object.keys(patch).length === 0) { setEditing(false); return; }
    const next = await save.run(patch);
    if (next) { setEditing(false); onChanged(next); }
  }

  return (
    <section className="card" aria-labelledby="people-heading">
      <div className="card-head">
        <h2 id="people-heading" className="card-title">People</h2>
        {item.permissions.canEdit && !editing && <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>Edit people</button>}
      </div>
      {!editing ? (
        <dl className="facts">
          {ROLES.map((r) => (
            <div key={r.key}>
              <dt title={r.hint}>{r.label}</dt>
              <dd data-testid={`person-${r.item}`}>{item[r.item]?.name ?? <span className="muted">Nobody</span>}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {ROLES.map((r) => {
            const options = r.key === 'assigneeId' || r.key === 'validatorId' ? doers : anyone;
            return (
              <Field key={r.key} label={r.label} hint={r.hint} error={save.error?.fieldMessage(r.key)}>
                <select value={draft[r.key]} onChange={(e) => setDraft({ ...draft, [r.key]: e.target.value })}>
                  <option value="">Nobody</option>
                  {options.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
                </select>
              </Field>
            );
          })}
          {save.error && !ROLES.some((r) => save.error?.fieldMessage(r.key)) && <ProblemAlert error={save.error} />}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={save.pending}>{save.pending ? 'Saving…' : 'Save people'}</button>
            <button type="button" className="btn" onClick={() => { setEditing(false); save.clearError(); }}>Cancel</button>
          </div>
        </form>
      )}
    </section>
  );
}
