import { useEffect, useState } from 'react';
import type { FindingStatus, Severity } from '../../../../src/contracts/findings.ts';
import type { Zone } from '../../../../src/contracts/zones.ts';
import { ChoiceToggles } from '../../ui/choice-toggles.tsx';
import { ZoneSelect } from '../zones/zone-select.tsx';
import { useDebouncedText } from './debounced-text.ts';
import type { FindingFilters as Filters } from './finding-search-params.ts';
import { SEVERITIES, SEVERITY_LABELS, STATUSES, STATUS_LABELS, TOOLS, TOOL_LABELS } from './severity.ts';

interface Props {
  filters: Filters;
  update: (patch: Partial<Filters>) => void;
  clear: () => void;
  active: boolean;
  zones: readonly Zone[];
  /** Hide filters that the page fixes itself (e.g. the unrouted page has no zone). */
  hide?: { zone?: boolean; unrouted?: boolean };
}

/**
 * The checkboxes' own copy of their URL state: the URL updates in a transition, and a controlled
 * checkbox would spring back until it lands. Kept in step with the URL when it changes.
 */
function useChecked<T>(value: T) {
  const [local, setLocal] = useState(value);
  useEffect(() => setLocal(value), [value]);
  return [local, setLocal] as const;
}

export function FindingFilters({ filters, update, clear, active, zones, hide = {} }: Props) {
  const [text, setText] = useDebouncedText(filters.q, (q) => update({ q }));
  const [category, setCategory] = useDebouncedText(filters.category, (c) => update({ category: c.trim() }), 500);
  const [severity, setSeverity] = useChecked(filters.severity);
  const [status, setStatus] = useChecked(filters.status);
  const [regressed, setRegressed] = useChecked(filters.regressed);
  const [unrouted, setUnrouted] = useChecked(filters.unrouted);
  const chooseSeverity = (next: Severity[]) => { setSeverity(next); update({ severity: next }); };
  const chooseStatus = (next: FindingStatus[]) => { setStatus(next); update({ status: next }); };

  return (
    <form className="filters findings-filters" role="search" aria-label="Filter findings"
      onSubmit={(e) => { e.preventDefault(); update({ q: text, category: category.trim() }); }}>
      <div className="field filter-search">
        <label htmlFor="finding-q">Search</label>
        <input id="finding-q" type="search" placeholder="Title, description, rule or target" value={text}
          onChange={(e) => setText(e.target.value)} />
      </div>
      {!hide.zone && (
        <div className="field">
          <label htmlFor="finding-zone">Zone</label>
          <ZoneSelect id="finding-zone" zones={zones} value={filters.zone} onChange={(zone) => update({ zone })} empty="All zones" />
        </div>
      )}
      <div className="field">
        <label htmlFor="finding-tool">Tool</label>
        <select id="finding-tool" value={filters.tool} onChange={(e) => update({ tool: e.target.value })}>
          <option value="">All tools</option>
          {TOOLS.map((t) => <option key={t} value={t}>{TOOL_LABELS[t]}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="finding-category">Category</label>
        <input id="finding-category" type="text" placeholder="e.g. owasp-llm:LLM01" value={category}
          onChange={(e) => setCategory(e.target.value)} />
      </div>
      <ChoiceToggles legend="Severity" options={SEVERITIES} labels={SEVERITY_LABELS} chosen={severity} classOf={(s) => `toggle-sev-${s}`}
        onChange={chooseSeverity} />
      <ChoiceToggles legend="Status" options={STATUSES} labels={STATUS_LABELS} chosen={status} onChange={chooseStatus} />
      <div className="filter-extra">
        <label className="checkbox">
          <input type="checkbox" checked={regressed}
            onChange={(e) => { setRegressed(e.target.checked); update({ regressed: e.target.checked }); }} />
          Regressed only
        </label>
        {!hide.unrouted && (
          <label className="checkbox">
            <input type="checkbox" checked={unrouted}
              onChange={(e) => { setUnrouted(e.target.checked); update({ unrouted: e.target.checked }); }} />
            Unrouted only
          </label>
        )}
        {active && <button type="button" className="btn btn-link" onClick={clear}>Clear filters</button>}
      </div>
    </form>
  );
}
