import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { Product } from '../../../../src/contracts/products.ts';
import { productsApi } from '../../api/products.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';

/** One product in the list; switches to an inline form when edited. */
export function ProductRow({ product, canEdit, onSaved }: { product: Product; canEdit: boolean; onSaved: (p: Product) => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(product.name);
  const [description, setDescription] = useState(product.description);
  const save = useAction(productsApi.update);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const p = await save.run(product.key, {
      ...(name.trim() !== product.name ? { name: name.trim() } : {}),
      ...(description !== product.description ? { description } : {}),
    });
    if (!p) return;
    setEditing(false);
    onSaved(p);
  }

  if (editing) {
    return (
      <li className="product product-editing">
        <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={`Edit ${product.name}`}>
          <ProblemAlert error={save.error} title="Not saved" />
          <Field label="Name" error={save.error?.fieldMessage('name')}>
            <input type="text" value={name} required maxLength={200} autoFocus onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field label="Description" error={save.error?.fieldMessage('description')}>
            <textarea rows={2} value={description} maxLength={5000} onChange={(e) => setDescription(e.target.value)} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary btn-small" disabled={save.pending || !name.trim()}>Save</button>
            <button type="button" className="btn btn-small" onClick={() => {
              setEditing(false); setName(product.name); setDescription(product.description); save.clearError();
            }}>Cancel</button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li className="product">
      <div className="product-main">
        <h2 className="product-name">{product.name}</h2>
        <span className="muted mono small">{product.key}</span>
        {product.description ? <p>{product.description}</p> : <p className="muted">No description.</p>}
      </div>
      <div className="product-side">
        <Link to={`/zones?product=${encodeURIComponent(product.key)}`} className="stat-link">
          <strong>{product.zoneCount}</strong> {product.zoneCount === 1 ? 'zone' : 'zones'}
        </Link>
        {canEdit && (
          <button type="button" className="btn btn-small" onClick={() => setEditing(true)}
            aria-label={`Edit ${product.name}`}>Edit</button>
        )}
      </div>
    </li>
  );
}
