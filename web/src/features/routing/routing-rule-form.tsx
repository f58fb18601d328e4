import { useState, type FormEvent } from 'react';
import type { RoutingRule } from '../../../../src/contracts/routing.ts';
import type { Zone } from '../../../../src/contracts/zones.ts';
import { routingApi } from '../../api/routing.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ZoneSelect } from '../zones/zone-select.tsx';
import { ROUTING_FIELDS, ROUTING_FORMATS, type RoutingFormat } from './routing-labels.ts';

export function RoutingRuleForm({ zones, count, onAdded }: { zones: readonly Zone[]; count: number; onAdded: (r: RoutingRule) => void }) {
  const [field, setField] = useState<RoutingRule['field']>('target');
  const [pattern, setPattern] = useState('');
  const [format, setFormat] = useState<RoutingFormat | ''>('');
  const [zone, setZone] = useState('');
  const [position, setPosition] = useState('');
  const create = useAction(routingApi.create);
  const err = create.error;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const pos = Number.parseInt(position, 10);
    const rule = await create.run({
      field, pattern: pattern.trim(), zone,
      ...(format ? { format } : {}), ...(Number.isFinite(pos) && pos >= 1 ? { position: pos } : {}),
    });
    if (rule) { setPattern(''); setPosition(''); onAdded(rule); }
  }

  return (
    <section className="card" aria-labelledby="add-rule-heading">
      <h2 id="add-rule-heading" className="card-title">Add a rule</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <ProblemAlert error={err} title="The rule was not added" />
        <div className="form-row">
          <Field label="Field" error={err?.fieldMessage('field')} hint={ROUTING_FIELDS.find((f) => f.value === field)?.hint}>
            <select value={field} onChange={(e) => setField(e.target.value as RoutingRule['field'])}>
              {ROUTING_FIELDS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
            </select>
          </Field>
          <Field label="Pattern" error={err?.fieldMessage('pattern')} hint="* any text, ? one character; whole value, any case">
            <input type="text" className="mono" value={pattern} maxLength={500} onChange={(e) => setPattern(e.target.value)} />
          </Field>
          <Field label="Only for format" error={err?.fieldMessage('format')}>
            <select value={format} onChange={(e) => setFormat(e.target.value as RoutingFormat | '')}>
              <option value="">Any tool</option>
              {ROUTING_FORMATS.map((f) => <option key={f} value={f}>{f}</option>)}
            </select>
          </Field>
          <Field label="Zone" error={err?.fieldMessage('zone')}>
            <ZoneSelect zones={zones} value={zone} onChange={setZone} />
          </Field>
          <Field label="Position" error={err?.fieldMessage('position')} hint={`1 = first; empty = last (${count + 1})`}>
            <input type="number" min={1} max={count + 1} value={position} onChange={(e) => setPosition(e.target.value)} />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={create.pending || !pattern.trim() || !zone}>
            {create.pending ? 'Adding…' : 'Add rule'}
          </button>
        </div>
      </form>
    </section>
  );
}
