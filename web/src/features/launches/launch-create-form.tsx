import { useState, type FormEvent } from 'react';
import type { LaunchDetail } from '../../../../src/contracts/launches.ts';
import type { PremortemSummary } from '../../../../src/contracts/premortems.ts';
import type { PrdSummary } from '../../../../src/contracts/prds.ts';
import type { Zone } from '../../../../src/contracts/zones.ts';
import { launchesApi } from '../../api/launches.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { formatDate } from '../../ui/dates.ts';
import { Field } from '../../ui/field.tsx';
import { PRD_STATUS_LABELS } from '../prds/prd-labels.tsx';
import { ZoneSelect } from '../zones/zone-select.tsx';

/** Plans a launch: zone, name, date, and the zone's PRD and pre-mortem. */
export function LaunchCreateForm({ zones, prds, premortems, onCreated }: {
  zones: readonly Zone[];
  prds: readonly PrdSummary[];
  premortems: readonly PremortemSummary[];
  onCreated: (l: LaunchDetail) => void;
}) {
  const [zone, setZone] = useState('');
  const [name, setName] = useState('');
  const [plannedOn, setPlannedOn] = useState('');
  const [prdId, setPrdId] = useState('');
  const [premortemId, setPremortemId] = useState('');
  const action = useAction(launchesApi.create);
  const err = action.error;
  const zonePrds = prds.filter((p) => p.zone.key === zone);
  const zonePms = premortems.filter((p) => p.zone.key === zone);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const created = await action.run({ zone, name: name.trim(), plannedOn, ...(prdId ? { prdId } : {}), ...(premortemId ? { premortemId } : {}) });
    if (created) onCreated(created);
  }
  return (
    <form className="form card form-wide" onSubmit={(e) => void submit(e)} noValidate aria-label="Plan a launch">
      <ProblemAlert error={err} title="The launch was not planned" />
      <div className="form-row">
        <Field label="Zone" error={err?.fieldMessage('zone')}>
          <ZoneSelect zones={zones} value={zone} onChange={(z) => { setZone(z); setPrdId(''); setPremortemId(''); }} required />
        </Field>
        <Field label="Launch name" error={err?.fieldMessage('name')}>
          <input type="text" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Planned date" error={err?.fieldMessage('plannedOn')}>
          <input type="date" value={plannedOn} onChange={(e) => setPlannedOn(e.target.value)} />
        </Field>
      </div>
      <div className="form-row">
        <Field label="PRD" error={err?.fieldMessage('prdId')}>
          <select value={prdId} onChange={(e) => setPrdId(e.target.value)}>
            <option value="">No PRD yet</option>
            {zonePrds.map((p) => <option key={p.id} value={p.id}>{p.title} ({PRD_STATUS_LABELS[p.status]})</option>)}
          </select>
        </Field>
        <Field label="Pre-mortem" error={err?.fieldMessage('premortemId')}>
          <select value={premortemId} onChange={(e) => setPremortemId(e.target.value)}>
            <option value="">No pre-mortem yet</option>
            {zonePms.map((p) => <option key={p.id} value={p.id}>{p.release}, {formatDate(p.heldOn)}{p.completedAt ? '' : ' (open)'}</option>)}
          </select>
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={action.pending}>Plan launch</button>
      </div>
    </form>
  );
}
