import { useState, type FormEvent } from 'react';
import type { Exercise } from '../../../../src/contracts/exercises.ts';
import type { FindingCreate, FindingDetail, Severity } from '../../../../src/contracts/findings.ts';
import type { Zone } from '../../../../src/contracts/zones.ts';
import { findingsApi } from '../../api/findings.ts';
import { useAction } from '../../api/use-action.ts';
import { Alert, ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ZoneSelect } from '../zones/zone-select.tsx';
import { EvidenceFields, emptyEvidence, type EvidenceDraft } from './evidence-fields.tsx';
import { HYPOTHESIS_FIELDS } from './hypothesis-card.tsx';
import { SEVERITIES, SEVERITY_LABELS } from './severity.ts';

type Text = 'title' | 'description' | 'ruleId' | 'target' | 'location' | 'mitigation' | 'categories'
  | 'userScenario' | 'threatModel' | 'systemBoundary' | 'introducedIn';

const blank: Record<Text, string> = {
  title: '', description: '', ruleId: '', target: '', location: '', mitigation: '', categories: '',
  userScenario: '', threatModel: '', systemBoundary: '', introducedIn: '',
};

/** What is typed in, trimmed, without the empty optional fields. */
function toBody(v: Record<Text, string>, severity: Severity, zone: string, exerciseId: string, evidence: EvidenceDraft[]): FindingCreate {
  const opt = (k: Text) => (v[k].trim() ? { [k]: v[k].trim() } : {});
  return {
    title: v.title.trim(), severity, description: v.description.trim(),
    ...(zone ? { zone } : {}), ...(exerciseId ? { exerciseId } : {}),
    ...opt('ruleId'), ...opt('target'), ...opt('location'), ...opt('mitigation'),
    ...opt('userScenario'), ...opt('threatModel'), ...opt('systemBoundary'), ...opt('introducedIn'),
    categories: v.categories.split(',').map((c) => c.trim()).filter(Boolean),
    evidence: evidence
      .map((e) => Object.fromEntries(Object.entries(e).filter(([, t]) => t.trim() !== '')))
      .filter((e) => Object.keys(e).length > 0),
  };
}

export function FindingCreateForm({ zones, exercises, initialExercise, initialZone, onCreated }: {
  zones: readonly Zone[];
  exercises: readonly Exercise[];
  initialExercise: string;
  initialZone: string;
  onCreated: (f: FindingDetail) => void;
}) {
  const preset = exercises.find((x) => x.id === initialExercise);
  const [values, setValues] = useState(blank);
  const [severity, setSeverity] = useState<Severity>('medium');
  const [exerciseId, setExerciseId] = useState(preset?.id ?? '');
  const [zone, setZone] = useState(initialZone || preset?.zone?.key || '');
  const [evidence, setEvidence] = useState<EvidenceDraft[]>([emptyEvidence()]);
  const [invalid, setInvalid] = useState<string>();
  const create = useAction(findingsApi.create);
  const err = create.error;
  const set = (k: Text) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  function chooseExercise(id: string) {
    setExerciseId(id);
    // An exercise's findings go to its zone unless one names another.
    const x = exercises.find((e) => e.id === id);
    if (!zone && x?.zone) setZone(x.zone.key);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = !values.title.trim() ? 'Give the finding a title.' : undefined;
    setInvalid(problem);
    if (problem) return;
    const created = await create.run(toBody(values, severity, zone, exerciseId, evidence));
    if (created) onCreated(created);
  }

  return (
    <form className="form card form-wide" onSubmit={(e) => void submit(e)} noValidate aria-label="New finding">
      {invalid && <Alert tone="danger">{invalid}</Alert>}
      <ProblemAlert error={err} title="The finding was not saved" />
      <Field label="Title" error={err?.fieldMessage('title')}>
        <input type="text" value={values.title} onChange={set('title')} maxLength={500} required
          placeholder="e.g. Assistant follows instructions hidden in a fetched page" />
      </Field>
      <div className="form-row">
        <Field label="Severity" error={err?.fieldMessage('severity')}>
          <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
            {SEVERITIES.map((s) => <option key={s} value={s}>{SEVERITY_LABELS[s]}</option>)}
          </select>
        </Field>
        <Field label="Zone" error={err?.fieldMessage('zone')} hint="Without a zone it waits in Unrouted.">
          <ZoneSelect zones={zones} value={zone} onChange={setZone} empty="Unrouted (no zone)" />
        </Field>
        <Field label="Exercise" error={err?.fieldMessage('exerciseId')}>
          <select value={exerciseId} onChange={(e) => chooseExercise(e.target.value)}>
            <option value="">None</option>
            {exercises.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
          </select>
        </Field>
      </div>
      <Field label="Description" error={err?.fieldMessage('description')}>
        <textarea rows={4} value={values.description} onChange={set('description')} maxLength={20000} />
      </Field>
      <div className="form-row">
        <Field label="Rule" error={err?.fieldMessage('ruleId')} hint='What kind of weakness; "manual" when empty'>
          <input type="text" className="mono" value={values.ruleId} onChange={set('ruleId')} placeholder="e.g. indirect-prompt-injection" />
        </Field>
        <Field label="Target" error={err?.fieldMessage('target')} hint="The system under test">
          <input type="text" value={values.target} onChange={set('target')} />
        </Field>
        <Field label="Location" error={err?.fieldMessage('location')} hint="A file, URL or screen">
          <input type="text" value={values.location} onChange={set('location')} />
        </Field>
      </div>
      <Field label="Categories" error={err?.fieldMessage('categories')} hint="Comma-separated, e.g. owasp-llm:LLM01, cwe:79">
        <input type="text" className="mono" value={values.categories} onChange={set('categories')} />
      </Field>
      <EvidenceFields items={evidence} onChange={setEvidence} error={err} />
      <fieldset className="fieldset form">
        <legend>Hypothesis</legend>
        {HYPOTHESIS_FIELDS.map((f) => (
          <Field key={f.key} label={f.label} hint={f.hint} error={err?.fieldMessage(f.key)}>
            <textarea rows={2} value={values[f.key]} onChange={set(f.key)} maxLength={5000} />
          </Field>
        ))}
      </fieldset>
      <Field label="Mitigation" error={err?.fieldMessage('mitigation')}>
        <textarea rows={3} value={values.mitigation} onChange={set('mitigation')} maxLength={20000} />
      </Field>
      <Field label="Introduced in" error={err?.fieldMessage('introducedIn')} hint="Release or date (YYYY-MM-DD), when known: gives the time to detect">
        <input type="text" value={values.introducedIn} onChange={set('introducedIn')} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.pending}>{create.pending ? 'Saving…' : 'Add finding'}</button>
      </div>
    </form>
  );
}
