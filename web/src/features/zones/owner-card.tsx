import type { ZoneDetail } from '../../../../src/contracts/zones.ts';
import { StatusBadge } from '../../ui/status-badge.tsx';

export function OwnerCard({ zone }: { zone: ZoneDetail }) {
  const { owner, deputy } = zone;
  return (
    <section className="card owner-card" aria-labelledby="owner-heading">
      <h2 id="owner-heading" className="card-title">Owner</h2>
      <div className="owner-person" data-testid="zone-owner">
        <span className="person-name">{owner.name}</span> <StatusBadge status={owner.status} always />
        <a className="muted small block" href={`mailto:${owner.email}`}>{owner.email}</a>
      </div>
      {owner.status !== 'active' && (
        <p className="text-danger small">
          The owner is {owner.status === 'left' ? 'no longer in the organization' : 'deactivated'}: hand this zone off.
        </p>
      )}
      <h3 className="card-subtitle">Deputy</h3>
      {deputy ? (
        <div className="owner-person" data-testid="zone-deputy">
          <span className="person-name">{deputy.name}</span> <StatusBadge status={deputy.status} />
          <a className="muted small block" href={`mailto:${deputy.email}`}>{deputy.email}</a>
        </div>
      ) : (
        <p className={zone.tier === 'tier1' ? 'text-warning small' : 'muted small'}>
          {zone.tier === 'tier1' ? 'No deputy: a tier-1 zone should have one.' : 'No deputy.'}
        </p>
      )}
    </section>
  );
}
