import { useState, type FormEvent } from 'react';
import type { PremortemDetail } from '../../../../src/contracts/premortems.ts';
import type { Zone } from '../../../../src/contracts/zones.ts';
import { premortemsApi } from '../../api/premortems.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { parseParticipants } from '../exercises/exercise-labels.ts';
import { ZoneSelect } from '../zones/zone-select.tsx';

export function PremortemCreateForm({ zones, onCreated }: { zones: readonly Zone[]; onCreated: (pm: PremortemDetail) => void }) {
  const [zone, setZone] = useState('');
  const [release, setRelease] = useState('');
  const [heldOn, setHeldOn] = useState(new Date().toISOString().slice(0, 10));
  const [participants, setParticipants] = useState('');
  const action = useAction(premortemsApi.create);
  const err = action.error;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const created = await action.run({ zone, release: release.trim(), heldOn, participants: parseParticipants(participants) });
    if (created) onCreated(created);
  }
  return (
    <form className="form card form-wide" onSubmit={(e) => void submit(e)} noValidate aria-label="New pre-mortem">
      <ProblemAlert error={err} title="The pre-mortem was not recorded" />
      <div className="form-row">
        <Field label="Zone" error={err?.fieldMessage('zone')}><ZoneSelect zones={zones} value={zone} onChange={setZone} required /></Field>
        <Field label="Release" error={err?.fieldMessage('release')} hint="The launch or model update">
          <input type="text" value={release} maxLength={200} onChange={(e) => setRelease(e.target.value)} />
        </Field>
        <Field label="Held on" error={err?.fieldMessage('heldOn')}><input type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} /></Field>
      </div>
      <Field label="Participants" error={err?.fieldMessage('participants')} hint="One a line, or comma-separated">
        <textarea rows={2} value={participants} onChange={(e) => setParticipants(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={action.pending}>Record pre-mortem</button>
      </div>
    </form>
  );
}
