import type { Severity } from '../../../../src/contracts/findings.ts';
import type { Policy } from '../../../../src/contracts/policy.ts';
import { Field } from '../../ui/field.tsx';
import { SEVERITIES, SEVERITY_LABELS } from '../findings/severity.ts';
import { previewPriority, RUBRIC_FIELDS, RUBRIC_VALUES, type Rubric } from './priority-preview.ts';
import { PriorityMeter } from './remediation-badges.tsx';

/**
 * The triage rubric: severity (optional, when the caller lets it be chosen), impact, feasibility
 * and customer value 1–5, with the priority the organization's formula gives them.
 */
export function RubricFields({ rubric, onChange, severity, onSeverity, severityHint, weights, errorOf, idPrefix }: {
  rubric: Rubric;
  onChange: (next: Rubric) => void;
  severity: Severity | null;
  /** Lets the severity be chosen; omit to show it fixed. */
  onSeverity?: (s: Severity) => void;
  severityHint?: string;
  weights: Policy['priorityWeights'] | undefined;
  errorOf: (field: string) => string | undefined;
  idPrefix: string;
}) {
  const score = severity && weights ? previewPriority(severity, rubric, weights) : null;
  return (
    <div className="rubric">
      <div className="rubric-grid">
        {onSeverity && (
          <Field label="Severity" error={errorOf('severity')} hint={severityHint}>
            <select value={severity ?? ''} onChange={(e) => onSeverity(e.target.value as Severity)} name={`${idPrefix}-severity`}>
              {severity === null && <option value="" disabled>Choose…</option>}
              {SEVERITIES.map((s) => <option key={s} value={s}>{SEVERITY_LABELS[s]}</option>)}
            </select>
          </Field>
        )}
        {RUBRIC_FIELDS.map((f) => (
          <Field key={f.key} label={f.label} hint={f.hint} error={errorOf(f.key)}>
            <select value={rubric[f.key]} name={`${idPrefix}-${f.key}`}
              onChange={(e) => onChange({ ...rubric, [f.key]: Number(e.target.value) })}>
              {RUBRIC_VALUES.map((v) => <option key={v} value={v}>{v}</option>)}
            </select>
          </Field>
        ))}
      </div>
      <p className="rubric-score" aria-live="polite" data-testid="priority-preview">
        <span className="muted small">Priority score</span>{' '}
        {score === null ? <span className="muted">—</span> : <PriorityMeter value={score} />}
        {severity && !onSeverity && <span className="muted small"> with severity {SEVERITY_LABELS[severity].toLowerCase()}</span>}
      </p>
    </div>
  );
}
