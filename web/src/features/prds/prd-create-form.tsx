import { useState, type FormEvent } from 'react';
import type { PrdDetail } from '../../../../src/contracts/prds.ts';
import type { Zone } from '../../../../src/contracts/zones.ts';
import { prdsApi } from '../../api/prds.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ZoneSelect } from '../zones/zone-select.tsx';

export function PrdCreateForm({ zones, onCreated }: { zones: readonly Zone[]; onCreated: (prd: PrdDetail) => void }) {
  const [zone, setZone] = useState('');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const action = useAction(prdsApi.create);
  const err = action.error;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const created = await action.run({ zone, title: title.trim(), ...(url.trim() ? { url: url.trim() } : {}) });
    if (created) onCreated(created);
  }
  return (
    <form className="form card form-wide" onSubmit={(e) => void submit(e)} noValidate aria-label="New PRD">
      <ProblemAlert error={err} title="The PRD was not created" />
      <div className="form-row">
        <Field label="Zone" error={err?.fieldMessage('zone')}>
          <ZoneSelect zones={zones} value={zone} onChange={setZone} required />
        </Field>
        <Field label="Title" error={err?.fieldMessage('title')}>
          <input type="text" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
        </Field>
      </div>
      <Field label="Link to the PRD" error={err?.fieldMessage('url')} hint="Optional: where the document lives">
        <input type="url" value={url} maxLength={2000} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={action.pending}>{action.pending ? 'Creating…' : 'Create PRD'}</button>
      </div>
    </form>
  );
}
