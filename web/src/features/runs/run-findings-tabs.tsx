import { useId, useRef, type KeyboardEvent } from 'react';
import { useLiveSearchParams } from '../../ui/use-live-search-params.ts';
import type { Run } from '../../../../src/contracts/runs.ts';
import { runsApi, type Outcome } from '../../api/runs.ts';
import { useResource } from '../../api/use-resource.ts';
import { ProblemAlert } from '../../ui/alert.tsx';
import { EmptyState, Loading } from '../../ui/loading.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import { isOutcome, OUTCOME_LABELS, OUTCOME_MEANINGS } from './outcomes.ts';
import { RunFindingsTable } from './run-findings-table.tsx';

const PAGE_SIZE = 50;
const MAIN: readonly Outcome[] = ['new', 'still_present', 'not_reproduced', 'regressed'];

/** The run's findings, one tab per outcome, each paged; the open tab and page live in the URL. */
export function RunFindingsTabs({ run }: { run: Run }) {
  const [params, setParams] = useLiveSearchParams();
  const baseId = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const tabs = run.counts.verified > 0 ? [...MAIN, 'verified' as const] : MAIN;
  const asked = params.get('outcome');
  const outcome: Outcome = isOutcome(asked) ? asked : (tabs.find((t) => run.counts[t] > 0) ?? 'new');
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const list = useResource(
    () => runsApi.findings(run.id, { outcome, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    [run.id, outcome, page],
  );

  function open(next: Outcome, nextPage = 1) {
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      p.set('outcome', next);
      if (nextPage > 1) p.set('page', String(nextPage)); else p.delete('page');
      return p;
    }, { replace: true });
  }

  function onKey(e: KeyboardEvent, index: number) {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = (index + step + tabs.length) % tabs.length;
    const t = tabs[next];
    if (t) { open(t); tabRefs.current[next]?.focus(); }
  }

  const panelId = `${baseId}-panel`;
  return (
    <section className="card" aria-labelledby={`${baseId}-heading`}>
      <h2 id={`${baseId}-heading`} className="card-title">Findings of this run</h2>
      <div className="tabs" role="tablist" aria-label="Outcome">
        {tabs.map((t, i) => (
          <button key={t} type="button" role="tab" id={`${baseId}-tab-${t}`} aria-selected={t === outcome} aria-controls={panelId}
            tabIndex={t === outcome ? 0 : -1} className={`tab tab-${t}`} ref={(el) => { tabRefs.current[i] = el; }}
            onClick={() => open(t)} onKeyDown={(e) => onKey(e, i)}>
            {OUTCOME_LABELS[t]} <span className="tab-count">{run.counts[t]}</span>
          </button>
        ))}
      </div>
      <div id={panelId} role="tabpanel" aria-labelledby={`${baseId}-tab-${outcome}`} className="tab-panel">
        <p className="muted small">{OUTCOME_MEANINGS[outcome]}.</p>
        <ProblemAlert error={list.error} title="Could not load the findings" />
        {list.loading && !list.data && <Loading label="Loading findings…" />}
        {list.data && (
          <div className={list.loading ? 'is-refreshing' : undefined}>
            {list.data.items.length === 0 ? (
              <EmptyState title={`No ${OUTCOME_LABELS[outcome].toLowerCase()} findings in this run`} />
            ) : (
              <RunFindingsTable findings={list.data.items} showZone={run.zone === null} />
            )}
            {list.data.total > PAGE_SIZE && (
              <Pagination total={list.data.total} limit={PAGE_SIZE} offset={(page - 1) * PAGE_SIZE}
                onPage={(p) => open(outcome, p)} noun={['finding', 'findings']} />
            )}
          </div>
        )}
      </div>
    </section>
  );
}
