import { Field } from '../../ui/field.tsx';
import { periodChoices } from './periods.ts';

/** The period of a metrics page; its value goes to the URL. */
export function PeriodSelect({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  return (
    <Field label="Period">
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {periodChoices(value).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Field>
  );
}
