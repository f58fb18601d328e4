import { useState, type FormEvent } from 'react';
import type { Member } from '../../../../src/contracts/users.ts';
import type { ZoneDetail } from '../../../../src/contracts/zones.ts';
import { useAction } from '../../api/use-action.ts';
import { zonesApi, type ZonePatchBody } from '../../api/zones.ts';
import { Alert, ProblemAlert } from '../../ui/alert.tsx';
import { deputyCandidates } from '../users/use-members.ts';
import { validateZoneValues, ZoneFormFields, type ZoneFormValues } from './zone-form-fields.tsx';

function initial(zone: ZoneDetail): ZoneFormValues {
  return { name: zone.name, description: zone.description, tier: zone.tier, buckets: [...zone.buckets], deputyId: zone.deputy?.id ?? '' };
}

/** Only the fields that changed are sent. */
function patchOf(zone: ZoneDetail, v: ZoneFormValues): ZonePatchBody {
  const patch: ZonePatchBody = {};
  if (v.name.trim() !== zone.name) patch.name = v.name.trim();
  if (v.description !== zone.description) patch.description = v.description;
  if (v.tier !== zone.tier) patch.tier = v.tier;
  if (v.buckets.join() !== zone.buckets.join()) patch.buckets = v.buckets;
  if (v.deputyId !== (zone.deputy?.id ?? '')) patch.deputyId = v.deputyId || null;
  return patch;
}

export function ZoneEditForm({ zone, members, onDone }: {
  zone: ZoneDetail;
  members: readonly Member[];
  onDone: (zone: ZoneDetail) => void;
}) {
  const [values, setValues] = useState(() => initial(zone));
  const [message, setMessage] = useState<{ tone: 'success' | 'danger'; text: string }>();
  const save = useAction(zonesApi.update);
  const patch = patchOf(zone, values);
  const dirty = Object.keys(patch).length > 0;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const invalid = validateZoneValues(values);
    if (invalid) { setMessage({ tone: 'danger', text: invalid }); return; }
    setMessage(undefined);
    const next = await save.run(zone.key, patch);
    if (!next) return;
    setValues(initial(next));
    setMessage({ tone: 'success', text: 'Zone saved.' });
    onDone(next);
  }

  return (
    <section className="card" aria-labelledby="edit-heading">
      <h2 id="edit-heading" className="card-title">Edit zone</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <ProblemAlert error={save.error} title="The zone was not saved" />
        <ZoneFormFields values={values} onChange={(p) => { setMessage(undefined); setValues((v) => ({ ...v, ...p })); }}
          deputies={deputyCandidates(members)} ownerId={zone.owner.id} error={save.error} idPrefix="edit" />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={!dirty || save.pending}>
            {save.pending ? 'Saving…' : 'Save changes'}
          </button>
          <button type="button" className="btn" disabled={!dirty || save.pending} onClick={() => setValues(initial(zone))}>
            Reset
          </button>
        </div>
      </form>
    </section>
  );
}
