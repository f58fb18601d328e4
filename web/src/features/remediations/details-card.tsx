import { useState, type FormEvent } from 'react';
import type { RemediationDetail, RemediationPatch, SystemElementKind } from '../../../../src/contracts/remediations.ts';
import { remediationsApi } from '../../api/remediations.ts';
import { useAction } from '../../api/use-action.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ELEMENT_KIND_LABELS, ELEMENT_KINDS } from './remediation-labels.ts';
import { ExternalLink, isWebUrl } from './safe-link.tsx';

interface Draft { title: string; description: string; effort: string; prdUrl: string; adrUrl: string; systemElement: string; systemElementKind: string }
const draftOf = (i: RemediationDetail): Draft => ({
  title: i.title, description: i.description, effort: String(i.effort), prdUrl: i.prdUrl ?? '', adrUrl: i.adrUrl ?? '',
  systemElement: i.systemElement ?? '', systemElementKind: i.systemElementKind ?? '',
});
const FIELDS = ['title', 'description', 'effort', 'prdUrl', 'adrUrl', 'systemElement', 'systemElementKind'];

/** Where the fix lands: PRD, ADR, the system element; with the item's title, description and effort when edited. */
export function DetailsCard({ item, onChanged }: { item: RemediationDetail; onChanged: (n: RemediationDetail) => void }) {
  const [editing, setEditing] = useState(false);
  const [d, setD] = useState<Draft>(() => draftOf(item));
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useAction((patch: RemediationPatch) => remediationsApi.update(item.key, patch));
  const set = (patch: Partial<Draft>) => setD({ ...d, ...patch });
  const errorOf = (f: string) => local[f] ?? save.error?.fieldMessage(f);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!d.title.trim()) problems.title = 'An item needs a title.';
    for (const k of ['prdUrl', 'adrUrl'] as const) if (d[k].trim() && !isWebUrl(d[k].trim())) problems[k] = 'An address starting with http:// or https://';
    const effort = Number(d.effort);
    if (!(effort > 0)) problems.effort = 'Effort is a number of points above 0.';
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const was = draftOf(item);
    const patch: RemediationPatch = {};
    if (d.title.trim() !== was.title) patch.title = d.title.trim();
    if (d.description.trim() !== was.description) patch.description = d.description.trim();
    if (d.effort !== was.effort) patch.effort = effort;
    if (d.prdUrl.trim() !== was.prdUrl) patch.prdUrl = d.prdUrl.trim() || null;
    if (d.adrUrl.trim() !== was.adrUrl) patch.adrUrl = d.adrUrl.trim() || null;
    if (d.systemElement.trim() !== was.systemElement) patch.systemElement = d.systemElement.trim() || null;
    if (d.systemElementKind !== was.systemElementKind) patch.systemElementKind = (d.systemElementKind || null) as SystemElementKind | null;
    if (Object.keys(patch).length === 0) { setEditing(false); return; }
    const next = await save.run(patch);
    if (next) { setEditing(false); onChanged(next); }
  }

  if (editing) {
    return (
      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading" className="card-title">Edit details</h2>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <Field label="Title" error={errorOf('title')}><input type="text" value={d.title} onChange={(e) => set({ title: e.target.value })} maxLength={300} /></Field>
          <Field label="Description" error={errorOf('description')}><textarea rows={4} value={d.description} onChange={(e) => set({ description: e.target.value })} /></Field>
          <Field label="Effort (points)" error={errorOf('effort')}><input type="number" min={0.5} step={0.5} value={d.effort} onChange={(e) => set({ effort: e.target.value })} /></Field>
          <Field label="PRD" error={errorOf('prdUrl')} hint="Address of the requirements document"><input type="url" value={d.prdUrl} onChange={(e) => set({ prdUrl: e.target.value })} placeholder="https://" /></Field>
          <Field label="ADR" error={errorOf('adrUrl')} hint="Address of the architecture decision record"><input type="url" value={d.adrUrl} onChange={(e) => set({ adrUrl: e.target.value })} placeholder="https://" /></Field>
          <div className="form-row">
            <Field label="System element" error={errorOf('systemElement')} hint="The service, data flow or model it touches">
              <input type="text" value={d.systemElement} onChange={(e) => set({ systemElement: e.target.value })} />
            </Field>
            <Field label="Kind" error={errorOf('systemElementKind')}>
              <select value={d.systemElementKind} onChange={(e) => set({ systemElementKind: e.target.value })}>
                <option value="">—</option>
                {ELEMENT_KINDS.map((k) => <option key={k} value={k}>{ELEMENT_KIND_LABELS[k]}</option>)}
              </select>
            </Field>
          </div>
          {save.error && !FIELDS.some((f) => save.error?.fieldMessage(f)) && <ProblemAlert error={save.error} />}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={save.pending}>{save.pending ? 'Saving…' : 'Save details'}</button>
            <button type="button" className="btn" onClick={() => { setEditing(false); setLocal({}); save.clearError(); }}>Cancel</button>
          </div>
        </form>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="details-heading">
      <div className="card-head">
        <h2 id="details-heading" className="card-title">Where the fix lands</h2>
        {item.permissions.canEdit && <button type="button" className="btn btn-small" onClick={() => { setD(draftOf(item)); setEditing(true); }}>Edit details</button>}
      </div>
      <dl className="facts" data-testid="links">
        <div><dt>PRD</dt><dd>{item.prdUrl ? <ExternalLink href={item.prdUrl} /> : <span className="muted">None</span>}</dd></div>
        <div><dt>ADR</dt><dd>{item.adrUrl ? <ExternalLink href={item.adrUrl} /> : <span className="muted">None</span>}</dd></div>
        <div>
          <dt>System element</dt>
          <dd>{item.systemElement
            ? <>{isWebUrl(item.systemElement) ? <ExternalLink href={item.systemElement} /> : <span className="break">{item.systemElement}</span>}{item.systemElementKind && <span className="muted small"> · {ELEMENT_KIND_LABELS[item.systemElementKind]}</span>}</>
            : <span className="muted">None</span>}</dd>
        </div>
        <div><dt>Effort</dt><dd>{item.effort} {item.effort === 1 ? 'point' : 'points'}</dd></div>
      </dl>
    </section>
  );
}
