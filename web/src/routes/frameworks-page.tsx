import { useLiveSearchParams } from '../ui/use-live-search-params.ts';
import { frameworksApi } from '../api/frameworks.ts';
import { useAction } from '../api/use-action.ts';
import { useResource } from '../api/use-resource.ts';
import { useMe } from '../features/auth/session-context.tsx';
import { CoverageDetail, CoverageHeatmap } from '../features/frameworks/coverage-heatmap.tsx';
import { MappingForm } from '../features/frameworks/mapping-form.tsx';
import { ProblemAlert } from '../ui/alert.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function FrameworksPage() {
  const me = useMe();
  const [params, setParams] = useLiveSearchParams();
  const frameworks = useResource(() => frameworksApi.list(), []);
  const id = params.get('framework') ?? frameworks.data?.[0]?.id ?? 'nist-ai-rmf';
  const item = params.get('item');
  const coverage = useResource(() => frameworksApi.coverage(id), [id]);
  const mappings = useResource(() => (item ? frameworksApi.mappings(id, item) : Promise.resolve([])), [id, item]);
  const unmap = useAction(frameworksApi.unmap);
  const canMap = me.role === 'admin' || me.role === 'lead' || me.role === 'contributor';
  const selected = coverage.data?.items.find((i) => i.id === item) ?? null;
  const set = (patch: Record<string, string | null>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(patch)) { if (v === null) next.delete(k); else next.set(k, v); }
    return next;
  });
  const refresh = () => { frameworks.reload(); coverage.reload(); mappings.reload(); };
  return (
    <>
      <PageHeader title="Frameworks" subtitle="Which subcategories and controls your records give evidence for. Findings map by their category ids; anything else by hand." />
      <ProblemAlert error={frameworks.error ?? coverage.error} title="Could not load the frameworks" />
      {frameworks.data && (
        <div className="tabs" role="tablist" aria-label="Framework">
          {frameworks.data.map((f) => (
            <button key={f.id} type="button" role="tab" aria-selected={f.id === id} className={`tab${f.id === id ? ' is-active' : ''}`}
              onClick={() => set({ framework: f.id, item: null })}>
              {f.name} <span className="muted">{f.coverage.evidenced}/{f.itemCount}</span>
            </button>
          ))}
        </div>
      )}
      {coverage.loading && !coverage.data && <Loading label="Loading coverage…" />}
      {coverage.data && (
        <>
          <p className="muted">{coverage.data.name} {coverage.data.version} · {coverage.data.source} · {coverage.data.licence}</p>
          <CoverageHeatmap coverage={coverage.data} selected={item} onSelect={(i) => set({ item: i })} />
        </>
      )}
      {selected && (
        <section className="card" aria-labelledby="fw-item-h">
          <h2 id="fw-item-h" className="sr-only">Selected {coverage.data?.itemLabel}</h2>
          <CoverageDetail item={selected} />
          <ProblemAlert error={mappings.error ?? unmap.error} title="Mappings" />
          <ul className="plain-list">
            {(mappings.data ?? []).map((m) => (
              <li key={m.id}>{m.targetType}: {m.target.key ? `${m.target.key} ` : ''}{m.target.label}{m.target.state ? ` (${m.target.state})` : ''}
                {m.controlEvidence && <> — {m.controlEvidence}</>}
                {canMap && <button type="button" className="btn btn-link" onClick={() => void unmap.run(m.id).then(refresh)}>Remove</button>}
              </li>
            ))}
          </ul>
          {canMap && <MappingForm framework={id} itemId={selected.id} onMapped={refresh} />}
        </section>
      )}
    </>
  );
}
