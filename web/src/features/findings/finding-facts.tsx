import { Link } from 'react-router-dom';
import type { FindingDetail } from '../../../../src/contracts/findings.ts';
import type { Zone } from '../../../../src/contracts/zones.ts';
import { formatDateTime } from '../../ui/dates.ts';
import type { ActorName } from '../users/use-actor-name.ts';
import { CategoryChips } from './finding-badges.tsx';
import { IntroducedInEditor } from './introduced-in-editor.tsx';
import { RouteControl } from './route-control.tsx';
import { TOOL_LABELS } from './severity.ts';

const SOURCE_LABELS: Record<FindingDetail['source'], string> = { import: 'Imported run', manual: 'Added by hand', exercise: 'Red-team exercise' };

function passRate(counts: NonNullable<FindingDetail['counts']>): string {
  if (counts.total === 0) return '—';
  const pct = ((counts.total - counts.failed) / counts.total) * 100;
  return `${pct.toFixed(pct % 1 === 0 ? 0 : 1)}% passed`;
}

function formatDays(days: number): string {
  const d = Math.round(days * 10) / 10;
  return `${d} ${d === 1 ? 'day' : 'days'}`;
}

/** The facts of a finding beside its text: where it lives, what found it, when, how often. */
export function FindingFacts({ finding: f, zones, onChanged, nameOf }: {
  finding: FindingDetail;
  nameOf: ActorName;
  zones: readonly Zone[];
  onChanged: (f: FindingDetail) => void;
}) {
  return (
    <section className="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading" className="card-title">Details</h2>
      <dl className="facts">
        <div>
          <dt>Zone</dt>
          <dd>
            {f.zone ? <Link to={`/zones/${encodeURIComponent(f.zone.key)}`}>{f.zone.name}</Link> : <span className="text-warning strong">Unrouted</span>}
            {!f.zone && f.canRoute && <RouteControl findingId={f.id} title={f.title} zones={zones} onRouted={onChanged} />}
          </dd>
        </div>
        <div><dt>Source</dt><dd>{SOURCE_LABELS[f.source]}{f.createdBy ? ` · ${nameOf(f.createdBy)}` : ''}</dd></div>
        <div><dt>Tool</dt><dd>{TOOL_LABELS[f.format] ?? f.format}</dd></div>
        <div><dt>Rule</dt><dd className="mono break">{f.ruleId}</dd></div>
        <div><dt>Target</dt><dd className="break">{f.target ?? '—'}</dd></div>
        <div><dt>Location</dt><dd className="mono break">{f.location ?? '—'}</dd></div>
        <div><dt>Categories</dt><dd><CategoryChips categories={f.categories} /></dd></div>
        <div>
          <dt>Failed / total</dt>
          <dd>{f.counts ? <>{f.counts.failed} / {f.counts.total} <span className="muted small">({passRate(f.counts)})</span></> : '—'}</dd>
        </div>
        <div><dt>First seen</dt><dd>{formatDateTime(f.firstSeenAt)}</dd></div>
        <div><dt>Last seen</dt><dd>{formatDateTime(f.lastSeenAt)}</dd></div>
        <div><dt>Status since</dt><dd>{formatDateTime(f.statusChangedAt)}</dd></div>
        {f.status === 'fixed_unverified' && <div><dt>Clean runs</dt><dd>{f.cleanRuns}</dd></div>}
        <div><dt>Introduced in</dt><dd><IntroducedInEditor finding={f} onSaved={onChanged} /></dd></div>
        <div>
          <dt>Time to detect</dt>
          <dd>
            {f.timeToDetectDays !== null ? formatDays(f.timeToDetectDays) : <span className="muted">Unknown</span>}
            {f.introducedOn && f.introducedOn !== f.introducedIn && <span className="muted small"> (introduced {f.introducedOn})</span>}
          </dd>
        </div>
        {f.exercise && (
          <div><dt>Exercise</dt><dd><Link to={`/exercises/${encodeURIComponent(f.exercise.id)}`}>{f.exercise.name}</Link></dd></div>
        )}
        <div><dt>Fingerprint</dt><dd className="mono small" title={f.fingerprint}>{f.fingerprint.slice(0, 16)}</dd></div>
      </dl>
    </section>
  );
}
