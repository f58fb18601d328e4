import type { ApiError } from '../../api/api-error.ts';
import { Field } from '../../ui/field.tsx';

export interface EvidenceDraft { prompt: string; response: string; reason: string }

export const MAX_EVIDENCE = 5;
export const emptyEvidence = (): EvidenceDraft => ({ prompt: '', response: '', reason: '' });

/** Up to five evidence items, each a prompt, the response and why it is a failure. */
export function EvidenceFields({ items, onChange, error }: {
  items: readonly EvidenceDraft[];
  onChange: (items: EvidenceDraft[]) => void;
  error: ApiError | undefined;
}) {
  const set = (i: number, patch: Partial<EvidenceDraft>) =>
    onChange(items.map((item, n) => (n === i ? { ...item, ...patch } : item)));
  return (
    <fieldset className="fieldset evidence-fields">
      <legend>Evidence</legend>
      <p className="field-hint">What shows the weakness: the prompt sent, the response, and why it is a failure. Shown as plain text.</p>
      {items.map((item, i) => (
        <div key={i} className="evidence-draft">
          <div className="card-head">
            <h3 className="small strong">Evidence {i + 1}</h3>
            <button type="button" className="btn btn-link small" onClick={() => onChange(items.filter((_, n) => n !== i))}>
              Remove<span className="sr-only"> evidence {i + 1}</span>
            </button>
          </div>
          <Field label={`Prompt ${i + 1}`} error={error?.fieldMessage(`evidence.${i}.prompt`)}>
            <textarea rows={3} className="mono" value={item.prompt} maxLength={8000} onChange={(e) => set(i, { prompt: e.target.value })} />
          </Field>
          <Field label={`Response ${i + 1}`} error={error?.fieldMessage(`evidence.${i}.response`)}>
            <textarea rows={3} className="mono" value={item.response} maxLength={8000} onChange={(e) => set(i, { response: e.target.value })} />
          </Field>
          <Field label={`Reason ${i + 1}`} error={error?.fieldMessage(`evidence.${i}.reason`)}>
            <input type="text" value={item.reason} maxLength={8000} onChange={(e) => set(i, { reason: e.target.value })} />
          </Field>
        </div>
      ))}
      {items.length < MAX_EVIDENCE && (
        <button type="button" className="btn btn-small" onClick={() => onChange([...items, emptyEvidence()])}>
          {items.length === 0 ? 'Add evidence' : 'Add more evidence'}
        </button>
      )}
      {error?.fieldMessage('evidence') && !items.some((_, i) => error.fieldMessage(`evidence.${i}`)) && (
        <p className="field-error">{error.fieldMessage('evidence')}</p>
      )}
    </fieldset>
  );
}
