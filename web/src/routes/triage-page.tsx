import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { useLiveSearchParams } from '../ui/use-live-search-params.ts';
import type { TriageDecideResult } from '../../../src/contracts/triage.ts';
import { policyApi } from '../api/policy.ts';
import { remediationsApi } from '../api/remediations.ts';
import { triageApi } from '../api/triage.ts';
import { useResource } from '../api/use-resource.ts';
import { useRole } from '../features/auth/session-context.tsx';
import { DecisionPanel } from '../features/triage/decision-panel.tsx';
import { DECISIONS, type TriageDecision } from '../features/triage/triage-labels.ts';
import { TriageTable } from '../features/triage/triage-table.tsx';
import { useMembers } from '../features/users/use-members.ts';
import { useZoneOptions, ZoneSelect } from '../features/zones/zone-select.tsx';
import { Alert, ProblemAlert } from '../ui/alert.tsx';
import { EmptyState, Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Pagination } from '../ui/pagination.tsx';

const PAGE = 50;
const OPEN = 'planned,in_progress,fixed,reopened';

interface Done { count: number; decision: TriageDecision; remediationId: string | null }

export function TriagePage() {
  const role = useRole();
  const isAdmin = role === 'admin';
  const [params, setParams] = useLiveSearchParams();
  const zone = params.get('zone') ?? '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const [version, setVersion] = useState(0);
  const queue = useResource(() => triageApi.queue({ zone: zone || undefined, limit: PAGE, offset: (page - 1) * PAGE }), [zone, page, version]);
  const zones = useZoneOptions();
  const members = useMembers();
  const policy = useResource(() => policyApi.get(), []);
  const open = useResource(() => remediationsApi.list({ status: OPEN, sort: 'number', limit: 500 }), [version]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [done, setDone] = useState<Done>();

  const select = useCallback((ids: string[], on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) { if (on) next.add(id); else next.delete(id); }
      return next;
    });
  }, []);

  const setQuery = (patch: Record<string, string>) => {
    setSelected(new Set());
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) { if (v && !(k === 'page' && v === '1')) next.set(k, v); else next.delete(k); }
      if (!('page' in patch)) next.delete('page');
      return next;
    });
  };

  function decided(result: TriageDecideResult, ids: string[], decision: TriageDecision) {
    // The decided rows leave at once; the reload brings the next ones up.
    const gone = new Set(ids);
    if (queue.data) {
      queue.setData({ ...queue.data, items: queue.data.items.filter((i) => !gone.has(i.id)), total: Math.max(0, queue.data.total - result.decided) });
    }
    setSelected(new Set());
    setDone({ count: result.decided, decision, remediationId: result.remediationId });
    setVersion((v) => v + 1);
  }

  const data = queue.data;
  const chosen = (data?.items ?? []).filter((i) => selected.has(i.id));
  const label = DECISIONS.find((d) => d.value === done?.decision)?.label.toLowerCase();
  return (
    <>
      <PageHeader
        title="Triage"
        subtitle={isAdmin
          ? 'New and regressed findings of every zone, most severe and oldest first. Choose some, then decide for all of them at once.'
          : 'New and regressed findings of the zones you own or deputize, most severe and oldest first.'}
      />
      {isAdmin && (
        <div className="filters filters-compact" role="search" aria-label="Choose a zone">
          <div className="field">
            <label htmlFor="triage-zone">Zone</label>
            <ZoneSelect id="triage-zone" zones={zones.data?.items ?? []} value={zone} onChange={(z) => setQuery({ zone: z })} empty="All zones" />
          </div>
        </div>
      )}
      {done && (
        <Alert tone="success" title={`${done.count} ${done.count === 1 ? 'finding' : 'findings'} decided: ${label}`}>
          {done.remediationId && <p><Link to={`/remediations/${encodeURIComponent(done.remediationId)}`}>Open the remediation item</Link></p>}
        </Alert>
      )}
      <ProblemAlert error={queue.error} title="Could not load the triage queue" />
      <div className="detail-grid aside-last triage-grid">
        <div className="detail-main">
          <div className="list-bar">
            <p className="list-count" aria-live="polite">
              {data === undefined ? '' : `${data.total} ${data.total === 1 ? 'finding waits' : 'findings wait'} for a decision`}
            </p>
            {selected.size > 0 && (
              <>
                <button type="button" className="btn btn-link" onClick={() => setSelected(new Set())}>Clear selection ({selected.size})</button>
                <a href="#decide" className="btn btn-small btn-primary show-narrow">Decide for {selected.size} ↓</a>
              </>
            )}
          </div>
          {queue.loading && !data && <Loading label="Loading the queue…" />}
          {data && (
            <div className={queue.loading ? 'is-refreshing' : undefined}>
              {data.items.length === 0 ? (
                <EmptyState title="Nothing waits for triage">
                  <p>New and regressed findings appear here after an import. <Link to="/remediations">See the remediation items</Link>.</p>
                </EmptyState>
              ) : <TriageTable items={data.items} selected={selected} onSelect={select} />}
              {data.total > PAGE && (
                <Pagination total={data.total} limit={PAGE} offset={data.offset} onPage={(p) => setQuery({ page: String(p) })} noun={['finding', 'findings']} />
              )}
            </div>
          )}
        </div>
        <aside className="detail-aside">
          <DecisionPanel selected={chosen} zones={zones.data?.items ?? []} members={members.data?.items ?? []}
            items={open.data?.items ?? []} weights={policy.data?.priorityWeights} onDecided={decided} />
        </aside>
      </div>
    </>
  );
}
