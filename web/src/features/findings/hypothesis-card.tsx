import { useState, type FormEvent } from 'react';
import type { FindingDetail } from '../../../../src/contracts/findings.ts';
import { findingsApi } from '../../api/findings.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';

type Key = 'userScenario' | 'threatModel' | 'systemBoundary';

export const HYPOTHESIS_FIELDS: readonly { key: Key; label: string; hint: string }[] = [
  { key: 'userScenario', label: 'User scenario', hint: 'Who is hurt, and how, when this weakness plays out' },
  { key: 'threatModel', label: 'Threat model', hint: 'Who exploits it and how' },
  { key: 'systemBoundary', label: 'System boundary', hint: 'Which boundary it crosses, e.g. model output → tool call' },
];

/** The hypothesis the finding stands for, as text; editable in place by those who may. */
export function HypothesisCard({ finding, onSaved }: { finding: FindingDetail; onSaved: (f: FindingDetail) => void }) {
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<Record<Key, string>>({ userScenario: '', threatModel: '', systemBoundary: '' });
  const save = useAction(findingsApi.update);
  const empty = HYPOTHESIS_FIELDS.every((f) => !finding[f.key]);

  function start() {
    setValues({
      userScenario: finding.userScenario ?? '', threatModel: finding.threatModel ?? '', systemBoundary: finding.systemBoundary ?? '',
    });
    save.clearError();
    setEditing(true);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const patch = Object.fromEntries(HYPOTHESIS_FIELDS.map((f) => [f.key, values[f.key].trim() || null]));
    const updated = await save.run(finding.id, patch);
    if (updated) { onSaved(updated); setEditing(false); }
  }

  return (
    <section className="card" aria-labelledby="hypothesis-heading">
      <div className="card-head">
        <h2 id="hypothesis-heading" className="card-title">Hypothesis</h2>
        {finding.canEdit && !editing && (
          <button type="button" className="btn btn-small" onClick={start}>{empty ? 'Add hypothesis' : 'Edit hypothesis'}</button>
        )}
      </div>
      {editing ? (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <ProblemAlert error={save.error} title="The hypothesis was not saved" />
          {HYPOTHESIS_FIELDS.map((f) => (
            <Field key={f.key} label={f.label} hint={f.hint} error={save.error?.fieldMessage(f.key)}>
              <textarea rows={3} value={values[f.key]} maxLength={5000}
                onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))} />
            </Field>
          ))}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={save.pending}>{save.pending ? 'Saving…' : 'Save hypothesis'}</button>
            <button type="button" className="btn" onClick={() => setEditing(false)} disabled={save.pending}>Cancel</button>
          </div>
        </form>
      ) : (
        <dl className="hypothesis">
          {HYPOTHESIS_FIELDS.map((f) => (
            <div key={f.key} data-testid={`hypothesis-${f.key}`}>
              <dt>{f.label}</dt>
              <dd className={finding[f.key] ? 'prewrap' : 'muted'}>{finding[f.key] ?? 'Not stated yet.'}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
