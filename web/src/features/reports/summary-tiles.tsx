import type { OwnershipReport } from '../../../../src/contracts/reports.ts';
import { TIERS, TIER_LABELS } from '../zones/tiers.ts';

export function SummaryTiles({ report }: { report: OwnershipReport }) {
  const { totals } = report;
  return (
    <div className="tiles">
      <div className="tile">
        <span className="tile-label">Zones</span>
        <span className="tile-value">{totals.zones}</span>
        <span className="tile-note">{TIERS.map((t) => `${totals.byTier[t]} ${TIER_LABELS[t].toLowerCase()}`).join(' · ')}</span>
      </div>
      <div className="tile">
        <span className="tile-label">Owners</span>
        <span className="tile-value">{totals.owners}</span>
        <span className="tile-note">people accountable for at least one zone</span>
      </div>
      <div className={`tile${totals.atRisk > 0 ? ' tile-danger' : ' tile-ok'}`}>
        <span className="tile-label">At risk</span>
        <span className="tile-value">{totals.atRisk}</span>
        <span className="tile-note">
          {totals.atRisk > 0 ? 'zones with an inactive owner or a tier-1 zone without deputy' : 'every zone is covered'}
        </span>
      </div>
    </div>
  );
}
