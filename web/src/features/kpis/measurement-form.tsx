import { useState, type FormEvent } from 'react';
import type { Kpi, RecordResult } from '../../../../src/contracts/kpis.ts';
import { kpisApi } from '../../api/kpis.ts';
import { useAction } from '../../api/use-action.ts';
import { Alert, ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';

/** Records one measurement; the same date and value again changes nothing, and the answer says so. */
export function MeasurementForm({ kpi, onDone }: { kpi: Kpi; onDone: (r: RecordResult) => void }) {
  const [value, setValue] = useState('');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [done, setDone] = useState<string>();
  const [localError, setLocalError] = useState<string>();
  const record = useAction((v: number, at: string) => kpisApi.record(kpi.key, [{ measuredAt: at, value: v }]));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(undefined);
    const v = Number(value);
    if (value.trim() === '' || !Number.isFinite(v)) { setLocalError('Give the measured value as a number.'); return; }
    if (!date) { setLocalError('Give the date it was measured.'); return; }
    setLocalError(undefined);
    // Today means now; an earlier day means that day (midnight UTC).
    const at = date === new Date().toISOString().slice(0, 10) ? new Date().toISOString() : date;
    const r = await record.run(v, at);
    if (!r) return;
    setDone(r.message);
    setValue('');
    onDone(r);
  }

  const err = record.error;
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={`Record a measurement of ${kpi.name}`}>
      {done && <Alert tone="success">{done}</Alert>}
      <ProblemAlert error={err} title="The measurement was not recorded" />
      {localError && <Alert tone="danger">{localError}</Alert>}
      <div className="form-row">
        <Field label={`Value${kpi.unit ? ` (${kpi.unit})` : ''}`} error={err?.fieldMessage('0.value')}>
          <input type="number" step="any" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} required />
        </Field>
        <Field label="Measured on" error={err?.fieldMessage('0.measuredAt')}>
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={record.pending}>{record.pending ? 'Recording…' : 'Record'}</button>
      </div>
    </form>
  );
}
