import { useState, type FormEvent } from 'react';
import type { Product } from '../../../../src/contracts/products.ts';
import type { Member } from '../../../../src/contracts/users.ts';
import type { ZoneDetail } from '../../../../src/contracts/zones.ts';
import { useAction } from '../../api/use-action.ts';
import { zonesApi } from '../../api/zones.ts';
import { Alert, ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { useMe } from '../auth/session-context.tsx';
import { deputyCandidates, ownerCandidates } from '../users/use-members.ts';
import { validateZoneValues, ZoneFormFields, type ZoneFormValues } from './zone-form-fields.tsx';

export function ZoneCreateForm({ products, members, initialProduct, onCreated }: {
  products: readonly Product[];
  members: readonly Member[];
  initialProduct: string;
  onCreated: (zone: ZoneDetail) => void;
}) {
  const me = useMe();
  const isAdmin = me.role === 'admin';
  const [product, setProduct] = useState(initialProduct || products[0]?.key || '');
  const [key, setKey] = useState('');
  const [ownerId, setOwnerId] = useState(me.user.id);
  const [values, setValues] = useState<ZoneFormValues>({ name: '', description: '', tier: 'tier3', buckets: [], deputyId: '' });
  const [invalid, setInvalid] = useState<string>();
  const create = useAction(zonesApi.create);
  const err = create.error;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = !product ? 'Choose the product this zone belongs to.' : validateZoneValues(values);
    setInvalid(problem ?? undefined);
    if (problem) return;
    const zone = await create.run({
      product, name: values.name.trim(), tier: values.tier, buckets: values.buckets,
      ...(key.trim() ? { key: key.trim() } : {}),
      ...(values.description.trim() ? { description: values.description.trim() } : {}),
      ...(isAdmin && ownerId ? { ownerId } : {}),
      ...(values.deputyId ? { deputyId: values.deputyId } : {}),
    });
    if (zone) onCreated(zone);
  }

  return (
    <form className="form card form-wide" onSubmit={(e) => void submit(e)} noValidate>
      {invalid && <Alert tone="danger">{invalid}</Alert>}
      <ProblemAlert error={err} title="The zone was not created" />
      <Field label="Product" error={err?.fieldMessage('product')}>
        <select value={product} onChange={(e) => setProduct(e.target.value)} required>
          <option value="">Choose a product…</option>
          {products.map((p) => <option key={p.id} value={p.key}>{p.name}</option>)}
        </select>
      </Field>
      <ZoneFormFields values={values} onChange={(p) => setValues((v) => ({ ...v, ...p }))}
        deputies={deputyCandidates(members)} ownerId={ownerId} error={err} idPrefix="create"
        afterName={(
          <Field label="Key" error={err?.fieldMessage('key')}
            hint="Optional. Lower-case letters, digits, dots, dashes; derived from the product and name when empty.">
            <input type="text" value={key} className="mono" onChange={(e) => setKey(e.target.value)} placeholder="e.g. assistant-self-harm" />
          </Field>
        )}
        beforeDeputy={isAdmin ? (
          <Field label="Owner" error={err?.fieldMessage('ownerId')} hint="The one accountable lead: an active lead or admin">
            <select value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
              {ownerCandidates(members).map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </select>
          </Field>
        ) : (
          <p className="muted small">You will own this zone. Hand it off afterwards if someone else should.</p>
        )} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.pending}>
          {create.pending ? 'Creating…' : 'Create zone'}
        </button>
      </div>
    </form>
  );
}
