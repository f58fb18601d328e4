import { useState, type FormEvent } from 'react';
import type { Severity } from '../../../../src/contracts/findings.ts';
import type { Policy } from '../../../../src/contracts/policy.ts';
import type { RemediationSummary } from '../../../../src/contracts/remediations.ts';
import type { TriageDecide, TriageDecideResult, TriageQueueItem } from '../../../../src/contracts/triage.ts';
import type { Member } from '../../../../src/contracts/users.ts';
import type { Zone } from '../../../../src/contracts/zones.ts';
import { triageApi } from '../../api/triage.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { SEVERITIES } from '../findings/severity.ts';
import { DuplicatePicker } from './duplicate-picker.tsx';
import { RemediateFields, type NewItemDraft, type RemediateMode } from './remediate-fields.tsx';
import { DECISIONS, type TriageDecision } from './triage-labels.ts';

const DAY = 86_400_000;
const ITEM_FIELDS = ['title', 'description', 'zone', 'severity', 'impact', 'feasibility', 'customerValue', 'assigneeId', 'validatorId', 'rationale'];
const SHOWN = new Set([
  'findingIds', 'rationale', 'remediationId', 'duplicateOf', 'acceptance.justification', 'acceptance.compensatingControls', 'acceptance.expiresOn',
  ...ITEM_FIELDS, ...ITEM_FIELDS.map((f) => `remediation.${f}`),
]);
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function mostCommonZone(items: readonly TriageQueueItem[]): string {
  const counts = new Map<string, number>();
  for (const i of items) if (i.zone) counts.set(i.zone.key, (counts.get(i.zone.key) ?? 0) + 1);
  let best = '';
  for (const [key, n] of counts) if (n > (counts.get(best) ?? 0)) best = key;
  return best;
}

function highestOf(items: readonly TriageQueueItem[]): Severity | null {
  let best: Severity | null = null;
  for (const i of items) if (best === null || SEVERITIES.indexOf(i.severity) < SEVERITIES.indexOf(best)) best = i.severity;
  return best;
}

const RATIONALE_LABEL: Record<TriageDecision, string> = {
  remediate: 'Rationale', duplicate: 'Rationale', false_positive: 'Why it is a false positive', accept_risk: 'Rationale',
};
const RATIONALE_HINT: Record<TriageDecision, string> = {
  remediate: 'Why this priority: kept in the item\'s history',
  duplicate: 'What makes them the same weakness',
  false_positive: 'Required: false positives are counted per tool and plugin',
  accept_risk: 'Why this is triaged as an accepted risk',
};

/**
 * One decision for every chosen finding. Errors the server names a field for appear beside that
 * field; anything else above the button.
 */
export function DecisionPanel({ selected, zones, members, items, weights, onDecided }: {
  selected: readonly TriageQueueItem[];
  zones: readonly Zone[];
  members: readonly Member[];
  items: readonly RemediationSummary[];
  weights: Policy['priorityWeights'] | undefined;
  onDecided: (result: TriageDecideResult, ids: string[], decision: TriageDecision) => void;
}) {
  const [decision, setDecision] = useState<TriageDecision>('remediate');
  const [rationale, setRationale] = useState('');
  const [mode, setMode] = useState<RemediateMode>('new');
  const [existingId, setExistingId] = useState('');
  const [draft, setDraft] = useState<NewItemDraft>({
    title: '', description: '', zone: '', severity: null, rubric: { impact: 3, feasibility: 3, customerValue: 3 }, assigneeId: '', validatorId: '',
  });
  // The new item's zone follows the chosen findings (the zone most of them are in) until someone picks one.
  const [zoneChosen, setZoneChosen] = useState(false);
  const suggestedZone = mostCommonZone(selected);
  const zone = zoneChosen ? draft.zone : suggestedZone;
  const [duplicateOf, setDuplicateOf] = useState('');
  const [justification, setJustification] = useState('');
  const [controls, setControls] = useState('');
  const [expiresOn, setExpiresOn] = useState(() => isoDate(new Date(Date.now() + 90 * DAY)));
  const [local, setLocal] = useState<Record<string, string>>({});
  const decide = useAction((body: TriageDecide) => triageApi.decide(body));

  const err = decide.error;
  const errorOf = (field: string) => local[field] ?? err?.fieldMessage(field);
  /** Editing a field drops the complaint about it. */
  const edited = (...fields: string[]) => setLocal((l) => {
    if (!fields.some((f) => f in l)) return l;
    const next = { ...l };
    for (const f of fields) delete next[f];
    return next;
  });
  const highest = highestOf(selected);
  const ids = selected.map((s) => s.id);

  function check(): Record<string, string> {
    const e: Record<string, string> = {};
    if (rationale.trim().length < 3) e.rationale = 'Write down why (at least 3 characters): it stays in the history.';
    if (decision === 'remediate' && mode === 'existing' && !existingId) e.remediationId = 'Choose the item these findings go into.';
    if (decision === 'remediate' && mode === 'new') {
      if (!draft.title.trim()) e['remediation.title'] = 'Give the new item a title.';
      if (!zone) e['remediation.zone'] = 'Choose the zone of the new item.';
    }
    if (decision === 'duplicate' && !duplicateOf.trim()) e.duplicateOf = 'Choose the finding these duplicate.';
    if (decision === 'accept_risk') {
      if (justification.trim().length < 3) e['acceptance.justification'] = 'Give the business justification (at least 3 characters).';
      if (!expiresOn) e['acceptance.expiresOn'] = 'Choose when the acceptance expires.';
    }
    return e;
  }

  function body(): TriageDecide {
    const base = { findingIds: ids, decision, rationale: rationale.trim() };
    switch (decision) {
      case 'remediate':
        return mode === 'existing' ? { ...base, remediationId: existingId } : {
          ...base,
          remediation: {
            zone, title: draft.title.trim(), description: draft.description.trim() || undefined,
            severity: draft.severity ?? undefined, ...draft.rubric, rationale: rationale.trim(),
            assigneeId: draft.assigneeId || undefined, validatorId: draft.validatorId || undefined,
          },
        };
      case 'duplicate':
        return { ...base, duplicateOf: duplicateOf.trim() };
      case 'false_positive':
        return base;
      case 'accept_risk':
        return { ...base, acceptance: { justification: justification.trim(), compensatingControls: controls.trim() || undefined, expiresOn } };
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    decide.clearError();
    const problems = check();
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const result = await decide.run(body());
    if (!result) return;
    setRationale('');
    setDraft((d) => ({ ...d, title: '', description: '' }));
    setDuplicateOf('');
    setJustification('');
    setControls('');
    onDecided(result, ids, decision);
  }

  const count = selected.length;
  // Shown beside their field; any other error is shown whole above the button.
  const reported = (err?.problem.errors ?? []).map((x) => x.field?.replace(/^body\./, '')).filter((f): f is string => Boolean(f));
  const fieldLevel = reported.length > 0 && reported.every((f) => SHOWN.has(f));
  return (
    <section className="card decision-panel" aria-labelledby="decision-heading" id="decide">
      <h2 id="decision-heading" className="card-title">Decide</h2>
      <p className="muted small" aria-live="polite" data-testid="selection-count">
        {count === 0 ? 'Choose findings in the list to triage them together.' : `${count} ${count === 1 ? 'finding' : 'findings'} chosen`}
      </p>
      {errorOf('findingIds') && <p className="field-error">{errorOf('findingIds')}</p>}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="field fieldset">
          <legend>Decision</legend>
          <div className="decision-choices">
            {DECISIONS.map((d) => (
              <label key={d.value} className={`decision-choice${decision === d.value ? ' is-active' : ''}`}>
                <input type="radio" name="decision" value={d.value} checked={decision === d.value}
                  onChange={() => { setDecision(d.value); setLocal({}); decide.clearError(); }} />
                <span><span className="strong">{d.label}</span><span className="block muted small">{d.meaning}</span></span>
              </label>
            ))}
          </div>
        </fieldset>

        {decision === 'remediate' && (
          <RemediateFields mode={mode} onMode={setMode} draft={{ ...draft, zone }}
            onDraft={(d) => { if (d.zone !== zone) setZoneChosen(true); if (d.title.trim()) edited('remediation.title'); if (d.zone) edited('remediation.zone'); setDraft(d); }}
            existingId={existingId} onExisting={(id) => { setExistingId(id); edited('remediationId'); }}
            items={items} zones={zones} members={members} weights={weights} highest={highest} errorOf={errorOf} />
        )}
        {decision === 'duplicate' && (
          <DuplicatePicker zone={suggestedZone} zoneName={selected.find((i) => i.zone?.key === suggestedZone)?.zone?.name ?? suggestedZone} exclude={ids} value={duplicateOf} error={errorOf('duplicateOf')}
            onChange={(id) => { setDuplicateOf(id); edited('duplicateOf'); }} />
        )}
        {decision === 'accept_risk' && (
          <>
            <Field label="Business justification" error={errorOf('acceptance.justification')}>
              <textarea rows={2} value={justification} onChange={(e) => { setJustification(e.target.value); edited('acceptance.justification'); }} />
            </Field>
            <Field label="Compensating controls" error={errorOf('acceptance.compensatingControls')} hint="Optional: what limits the harm meanwhile">
              <textarea rows={2} value={controls} onChange={(e) => setControls(e.target.value)} />
            </Field>
            <Field label="Expires on" error={errorOf('acceptance.expiresOn')} hint="The risk is reviewed again by then">
              <input type="date" value={expiresOn} min={isoDate(new Date(Date.now() + DAY))} onChange={(e) => setExpiresOn(e.target.value)} />
            </Field>
          </>
        )}

        <Field label={RATIONALE_LABEL[decision]} error={errorOf('rationale') ?? errorOf('remediation.rationale')} hint={RATIONALE_HINT[decision]}>
          <textarea rows={3} value={rationale} onChange={(e) => { setRationale(e.target.value); edited('rationale'); }} />
        </Field>
        {err && !fieldLevel && <ProblemAlert error={err} title="The decision did not go through" />}
        {err && fieldLevel && <p className="field-error" role="alert">Check the fields marked above.</p>}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={count === 0 || decide.pending}>
            {decide.pending ? 'Deciding…' : `${DECISIONS.find((d) => d.value === decision)?.label ?? 'Decide'} ${count || ''} ${count === 1 ? 'finding' : 'findings'}`.replace(/\s+/g, ' ')}
          </button>
        </div>
      </form>
    </section>
  );
}
