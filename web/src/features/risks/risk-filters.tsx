import type { Zone } from '../../../../src/contracts/zones.ts';
import { SEVERITIES } from '../findings/severity.ts';
import { RISK_STATUSES, type RiskFilters } from './risk-search-params.ts';


export function RiskFiltersBar({ filters, update, clear, active, zones }: {
  filters: RiskFilters; update: (p: Partial<RiskFilters>) => void; clear: () => void; active: boolean; zones: readonly Zone[];
}) {
  return (
    <form className="filters" role="search" aria-label="Filter the register" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="risk-zone">Zone</label>
        <select id="risk-zone" value={filters.zone} onChange={(e) => update({ zone: e.target.value })}>
          <option value="">All zones</option>
          {zones.map((z) => <option key={z.id} value={z.key}>{z.name}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="risk-status">Status</label>
        <select id="risk-status" value={filters.status} onChange={(e) => update({ status: e.target.value })}>
          <option value="">Any status</option>
          {RISK_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="risk-severity">Residual severity</label>
        <select id="risk-severity" value={filters.severity} onChange={(e) => update({ severity: e.target.value })}>
          <option value="">Any</option>
          {SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="risk-expiring">Expiring within (days)</label>
        <input id="risk-expiring" type="number" min={0} max={3650} value={filters.expiring}
          onChange={(e) => update({ expiring: e.target.value })} />
      </div>
      {active && <button type="button" className="btn btn-link" onClick={clear}>Clear filters</button>}
    </form>
  );
}
