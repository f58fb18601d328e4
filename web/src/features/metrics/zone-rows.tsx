import { Link } from 'react-router-dom';
import type { Dashboard } from '../../../../src/contracts/metrics.ts';
import { TierBadge } from '../zones/tier-badge.tsx';
import type { FiguresRow } from './figures-table.tsx';

type ZoneMetricsRow = Dashboard['zones'][number];
type OwnerMetricsRow = Dashboard['owners'][number];

export const zoneRows = (rows: readonly ZoneMetricsRow[]): FiguresRow[] => rows.map((r) => ({
  key: r.zone.id,
  sortName: r.zone.name,
  label: (
    <>
      <Link className="strong-link" to={`/zones/${encodeURIComponent(r.zone.key)}`}>{r.zone.name}</Link>{' '}
      <TierBadge tier={r.zone.tier} />{r.zone.archived && <span className="badge badge-muted">Archived</span>}
    </>
  ),
  extra: r.owner.name,
  figures: r.figures,
}));

export const ownerRows = (rows: readonly OwnerMetricsRow[], scorecardLink: (email: string) => string): FiguresRow[] => rows.map((r) => ({
  key: r.owner.id,
  sortName: r.owner.name,
  label: <Link className="strong-link" to={scorecardLink(r.owner.email)}>{r.owner.name}</Link>,
  extra: r.zones,
  figures: r.figures,
}));
