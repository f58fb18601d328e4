import { useEffect, useState } from 'react';
import type { Severity } from '../../../../src/contracts/findings.ts';
import type { RemediationStatus } from '../../../../src/contracts/remediations.ts';
import type { Member } from '../../../../src/contracts/users.ts';
import type { Zone } from '../../../../src/contracts/zones.ts';
import { useDebouncedText } from '../findings/debounced-text.ts';
import { SEVERITIES, SEVERITY_LABELS } from '../findings/severity.ts';
import { ChoiceToggles } from '../../ui/choice-toggles.tsx';
import { ZoneSelect } from '../zones/zone-select.tsx';
import { REMEDIATION_STATUSES, STATUS_LABELS } from './remediation-labels.ts';
import { anyActive } from './work-candidates.ts';
import type { RemediationFilters as Filters } from './remediation-search-params.ts';

/** A checkbox group's own copy of its URL state, so a click shows at once. */
function useLocal<T>(value: T) {
  const [local, setLocal] = useState(value);
  useEffect(() => setLocal(value), [value]);
  return [local, setLocal] as const;
}


export function RemediationFilters({ filters, update, clear, active, zones, members }: {
  filters: Filters;
  update: (patch: Partial<Filters>) => void;
  clear: () => void;
  active: boolean;
  zones: readonly Zone[];
  members: readonly Member[];
}) {
  const [text, setText] = useDebouncedText(filters.q, (q) => update({ q }));
  const [status, setStatus] = useLocal(filters.status);
  const [severity, setSeverity] = useLocal(filters.severity);
  const [overdue, setOverdue] = useLocal(filters.overdue);
  const people = anyActive(members);
  return (
    <form className="filters remediation-filters" role="search" aria-label="Filter remediation items"
      onSubmit={(e) => { e.preventDefault(); update({ q: text }); }}>
      <div className="field filter-search">
        <label htmlFor="rem-q">Search</label>
        <input id="rem-q" type="search" placeholder="Title or description" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="rem-zone">Zone</label>
        <ZoneSelect id="rem-zone" zones={zones} value={filters.zone} onChange={(zone) => update({ zone })} empty="All zones" />
      </div>
      <div className="field">
        <label htmlFor="rem-assignee">Assignee</label>
        <select id="rem-assignee" value={filters.assignee} onChange={(e) => update({ assignee: e.target.value })}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          {people.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      </div>
      <ChoiceToggles legend="Status" options={REMEDIATION_STATUSES} labels={STATUS_LABELS} chosen={status}
        onChange={(next: RemediationStatus[]) => { setStatus(next); update({ status: next }); }} />
      <ChoiceToggles legend="Severity" options={SEVERITIES} labels={SEVERITY_LABELS} chosen={severity} classOf={(s) => `toggle-sev-${s}`}
        onChange={(next: Severity[]) => { setSeverity(next); update({ severity: next }); }} />
      <div className="filter-extra">
        <label className="checkbox">
          <input type="checkbox" checked={overdue} onChange={(e) => { setOverdue(e.target.checked); update({ overdue: e.target.checked }); }} />
          Overdue only
        </label>
        {active && <button type="button" className="btn btn-link" onClick={clear}>Clear filters</button>}
      </div>
    </form>
  );
}
