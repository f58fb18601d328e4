import type { Severity } from '../../../../src/contracts/findings.ts';
import type { Policy } from '../../../../src/contracts/policy.ts';
import type { RemediationSummary } from '../../../../src/contracts/remediations.ts';
import type { Member } from '../../../../src/contracts/users.ts';
import type { Zone } from '../../../../src/contracts/zones.ts';
import { Field } from '../../ui/field.tsx';
import type { Rubric } from '../remediations/priority-preview.ts';
import { STATUS_LABELS } from '../remediations/remediation-labels.ts';
import { RubricFields } from '../remediations/rubric-fields.tsx';
import { SEVERITY_LABELS } from '../findings/severity.ts';
import { ZoneSelect } from '../zones/zone-select.tsx';
import { workCandidates } from '../remediations/work-candidates.ts';

export interface NewItemDraft {
  title: string;
  description: string;
  zone: string;
  severity: Severity | null;
  rubric: Rubric;
  assigneeId: string;
  validatorId: string;
}

export type RemediateMode = 'new' | 'existing';

export function RemediateFields({ mode, onMode, draft, onDraft, existingId, onExisting, items, zones, members, weights, highest, errorOf }: {
  mode: RemediateMode;
  onMode: (m: RemediateMode) => void;
  draft: NewItemDraft;
  onDraft: (d: NewItemDraft) => void;
  existingId: string;
  onExisting: (id: string) => void;
  /** Open items to attach to. */
  items: readonly RemediationSummary[];
  zones: readonly Zone[];
  members: readonly Member[];
  weights: Policy['priorityWeights'] | undefined;
  /** The highest severity of the chosen findings: the new item's default. */
  highest: Severity | null;
  errorOf: (field: string) => string | undefined;
}) {
  const set = (patch: Partial<NewItemDraft>) => onDraft({ ...draft, ...patch });
  const people = workCandidates(members);
  const newError = (f: string) => errorOf(`remediation.${f}`) ?? errorOf(f);
  return (
    <div className="form decision-fields">
      <fieldset className="field fieldset">
        <legend>Into</legend>
        <div className="choice-row">
          <label className="checkbox"><input type="radio" name="remediate-mode" checked={mode === 'new'} onChange={() => onMode('new')} /> A new remediation item</label>
          <label className="checkbox"><input type="radio" name="remediate-mode" checked={mode === 'existing'} onChange={() => onMode('existing')} disabled={items.length === 0} /> An existing item{items.length === 0 ? ' (none open)' : ''}</label>
        </div>
      </fieldset>
      {mode === 'existing' ? (
        <Field label="Remediation item" error={errorOf('remediationId')}>
          <select value={existingId} onChange={(e) => onExisting(e.target.value)}>
            <option value="">Choose an item…</option>
            {items.map((i) => (
              <option key={i.id} value={i.id}>{i.key} · {i.title} ({i.zone.name}, {STATUS_LABELS[i.status].toLowerCase()})</option>
            ))}
          </select>
        </Field>
      ) : (
        <>
          <Field label="Title" error={newError('title')}>
            <input type="text" value={draft.title} onChange={(e) => set({ title: e.target.value })} maxLength={300}
              placeholder="e.g. Strip hidden instructions from fetched pages" />
          </Field>
          <Field label="Description" error={newError('description')} hint="Optional: what the fix is and where it lands">
            <textarea rows={2} value={draft.description} onChange={(e) => set({ description: e.target.value })} />
          </Field>
          <Field label="Zone" error={newError('zone')}>
            <ZoneSelect zones={zones} value={draft.zone} onChange={(zone) => set({ zone })} />
          </Field>
          <RubricFields idPrefix="triage" rubric={draft.rubric} onChange={(rubric) => set({ rubric })}
            severity={draft.severity ?? highest} onSeverity={(severity) => set({ severity })}
            severityHint={highest ? `Default: ${SEVERITY_LABELS[highest].toLowerCase()}, the highest of the chosen findings` : undefined}
            weights={weights} errorOf={newError} />
          <div className="form-row">
            <Field label="Assignee" error={newError('assigneeId')} hint="Builds the fix">
              <select value={draft.assigneeId} onChange={(e) => set({ assigneeId: e.target.value })}>
                <option value="">Nobody yet</option>
                {people.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
              </select>
            </Field>
            <Field label="Validator" error={newError('validatorId')} hint="Confirms the fix">
              <select value={draft.validatorId} onChange={(e) => set({ validatorId: e.target.value })}>
                <option value="">Nobody yet</option>
                {people.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
              </select>
            </Field>
          </div>
        </>
      )}
    </div>
  );
}
