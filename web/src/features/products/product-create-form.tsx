import { useState, type FormEvent } from 'react';
import type { Product } from '../../../../src/contracts/products.ts';
import { productsApi } from '../../api/products.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';

export function ProductCreateForm({ onCreated }: { onCreated: (p: Product) => void }) {
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [description, setDescription] = useState('');
  const create = useAction(productsApi.create);
  const err = create.error;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const p = await create.run({
      name: name.trim(),
      ...(key.trim() ? { key: key.trim() } : {}),
      ...(description.trim() ? { description: description.trim() } : {}),
    });
    if (!p) return;
    setName(''); setKey(''); setDescription('');
    onCreated(p);
  }

  return (
    <section className="card" aria-labelledby="new-product-heading">
      <h2 id="new-product-heading" className="card-title">New product</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <ProblemAlert error={err} title="The product was not created" />
        <Field label="Name" error={err?.fieldMessage('name')}>
          <input type="text" value={name} required maxLength={200} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Key" error={err?.fieldMessage('key')} hint="Optional; derived from the name">
          <input type="text" className="mono" value={key} onChange={(e) => setKey(e.target.value)} placeholder="e.g. assistant" />
        </Field>
        <Field label="Description" error={err?.fieldMessage('description')}>
          <textarea rows={2} value={description} maxLength={5000} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={create.pending || !name.trim()}>
            {create.pending ? 'Creating…' : 'Create product'}
          </button>
        </div>
      </form>
    </section>
  );
}
