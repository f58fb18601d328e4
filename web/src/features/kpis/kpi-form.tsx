import { useState, type FormEvent } from 'react';
import type { Kpi, KpiCreate } from '../../../../src/contracts/kpis.ts';
import { kpisApi } from '../../api/kpis.ts';
import { useAction } from '../../api/use-action.ts';
import { Alert, ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';

type TargetChoice = 'none' | 'absolute' | 'relative';

/** Defines a KPI of a zone: direction, kind, cadence, baseline, target, and optionally its pair. */
export function KpiForm({ zones, zoneKey, pairable, onDone }: {
  /** The zones to choose from, when the form is not for one zone. */
  zones?: readonly { key: string; name: string }[];
  zoneKey?: string;
  /** KPIs that may be named as its pair (those of the chosen zone). */
  pairable: readonly Kpi[];
  onDone: (kpi: Kpi) => void;
}) {
  const [zone, setZone] = useState(zoneKey ?? '');
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [direction, setDirection] = useState<KpiCreate['direction']>('lower');
  const [kind, setKind] = useState<KpiCreate['kind']>('outcome');
  const [cadence, setCadence] = useState<KpiCreate['cadence']>('weekly');
  const [baseline, setBaseline] = useState('');
  const [targetChoice, setTargetChoice] = useState<TargetChoice>('none');
  const [target, setTarget] = useState('');
  const [period, setPeriod] = useState<NonNullable<KpiCreate['targetPeriod']>>('quarter');
  const [business, setBusiness] = useState(false);
  const [activity, setActivity] = useState(false);
  const [paired, setPaired] = useState('');
  const [localError, setLocalError] = useState<string>();
  const [done, setDone] = useState<string>();
  const create = useAction((body: KpiCreate) => kpisApi.create(body));
  const chosenZone = zoneKey ?? zone;
  const pairs = pairable.filter((k) => k.zone.key === chosenZone);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(undefined);
    const num = (text: string) => (text.trim() === '' ? undefined : Number(text));
    if (!chosenZone) { setLocalError('Choose the zone the KPI belongs to.'); return; }
    if (!name.trim()) { setLocalError('Give the KPI a name.'); return; }
    const b = num(baseline);
    const t = num(target);
    if ((b !== undefined && !Number.isFinite(b)) || (targetChoice !== 'none' && (t === undefined || !Number.isFinite(t)))) {
      setLocalError('Baseline and target are numbers.');
      return;
    }
    setLocalError(undefined);
    const body: KpiCreate = {
      zone: chosenZone, name: name.trim(), unit: unit.trim() || undefined, direction, kind, cadence, baseline: b,
      category: business ? 'business' : 'safety', measures: activity ? 'activity' : 'outcome', pairedKpi: paired || undefined,
      ...(targetChoice === 'absolute' ? { targetKind: 'absolute', targetValue: t } : {}),
      ...(targetChoice === 'relative' ? { targetKind: 'relative', targetValue: t! / 100, targetPeriod: period } : {}),
    };
    const kpi = await create.run(body);
    if (!kpi) return;
    setDone(`Added ${kpi.name} (${kpi.key}).`);
    setName('');
    setBaseline('');
    setTarget('');
    setPaired('');
    onDone(kpi);
  }

  const err = create.error;
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Add a KPI">
      {done && <Alert tone="success">{done}</Alert>}
      <ProblemAlert error={err} title="The KPI was not added" />
      {localError && <Alert tone="danger">{localError}</Alert>}
      <div className="form-row">
        {!zoneKey && (
          <Field label="Zone" error={err?.fieldMessage('zone')}>
            <select value={zone} onChange={(e) => setZone(e.target.value)} required>
              <option value="">Choose a zone…</option>
              {(zones ?? []).map((z) => <option key={z.key} value={z.key}>{z.name}</option>)}
            </select>
          </Field>
        )}
        <Field label="Name" error={err?.fieldMessage('name') ?? err?.fieldMessage('key')}>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} placeholder="e.g. Jailbreak success rate" />
        </Field>
        <Field label="Unit" error={err?.fieldMessage('unit')}>
          <input type="text" value={unit} onChange={(e) => setUnit(e.target.value)} maxLength={40} placeholder="%, per 10k sessions" />
        </Field>
      </div>
      <div className="form-row">
        <Field label="Better when">
          <select value={direction} onChange={(e) => setDirection(e.target.value as KpiCreate['direction'])}>
            <option value="lower">Lower</option>
            <option value="higher">Higher</option>
          </select>
        </Field>
        <Field label="Kind">
          <select value={kind} onChange={(e) => setKind(e.target.value as KpiCreate['kind'])}>
            <option value="outcome">Outcome</option>
            <option value="leading">Leading</option>
            <option value="lagging">Lagging</option>
          </select>
        </Field>
        <Field label="Measured">
          <select value={cadence} onChange={(e) => setCadence(e.target.value as KpiCreate['cadence'])}>
            <option value="daily">Daily</option>
            <option value="weekly">Weekly</option>
            <option value="monthly">Monthly</option>
            <option value="quarterly">Quarterly</option>
          </select>
        </Field>
        <Field label="Baseline" error={err?.fieldMessage('baseline')}>
          <input type="number" step="any" value={baseline} onChange={(e) => setBaseline(e.target.value)} />
        </Field>
      </div>
      <div className="form-row">
        <Field label="Target">
          <select value={targetChoice} onChange={(e) => setTargetChoice(e.target.value as TargetChoice)}>
            <option value="none">None yet</option>
            <option value="absolute">A value to reach</option>
            <option value="relative">A change per period</option>
          </select>
        </Field>
        {targetChoice !== 'none' && (
          <Field label={targetChoice === 'relative' ? 'Change (%)' : 'Target value'} error={err?.fieldMessage('targetValue')}
            hint={targetChoice === 'relative' ? 'e.g. -15 for −15 %' : undefined}>
            <input type="number" step="any" value={target} onChange={(e) => setTarget(e.target.value)} required />
          </Field>
        )}
        {targetChoice === 'relative' && (
          <Field label="Compared with the previous" error={err?.fieldMessage('targetPeriod')}>
            <select value={period} onChange={(e) => setPeriod(e.target.value as typeof period)}>
              <option value="month">Month</option>
              <option value="quarter">Quarter</option>
              <option value="year">Year</option>
            </select>
          </Field>
        )}
        <Field label="Paired with" error={err?.fieldMessage('pairedKpi')} hint="A business metric read beside a safety metric">
          <select value={paired} onChange={(e) => setPaired(e.target.value)}>
            <option value="">No pair</option>
            {pairs.map((k) => <option key={k.id} value={k.key}>{k.name}</option>)}
          </select>
        </Field>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={business} onChange={(e) => setBusiness(e.target.checked)} />
        A business metric (paired with a safety one)
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={activity} onChange={(e) => setActivity(e.target.checked)} />
        It counts activity (meetings held, tests run), not an outcome: kept out of scorecards
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.pending}>{create.pending ? 'Adding…' : 'Add KPI'}</button>
      </div>
    </form>
  );
}
