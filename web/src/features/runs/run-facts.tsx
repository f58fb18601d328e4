import { Link } from 'react-router-dom';
import type { Run } from '../../../../src/contracts/runs.ts';
import { formatBytes } from '../../ui/bytes.ts';
import { formatDateTime } from '../../ui/dates.ts';
import type { ActorName } from '../users/use-actor-name.ts';
import { shortChecksum } from './run-labels.ts';

/** Where a run came from: its file, zone, target, who imported it and when. */
export function RunFacts({ run, nameOf }: { run: Run; nameOf: ActorName }) {
  return (
    <dl className="facts facts-row">
      <div><dt>File</dt><dd className="mono break">{run.fileName}</dd></div>
      <div><dt>Checksum</dt><dd className="mono" title={run.checksum}>{shortChecksum(run.checksum)}</dd></div>
      <div><dt>Size</dt><dd>{formatBytes(run.sizeBytes)}</dd></div>
      <div>
        <dt>Zone</dt>
        <dd>{run.zone ? <Link to={`/zones/${encodeURIComponent(run.zone.key)}`}>{run.zone.name}</Link> : 'Routed by rules'}</dd>
      </div>
      <div><dt>Target</dt><dd className="break">{run.target ?? '—'}</dd></div>
      <div><dt>Imported</dt><dd>{formatDateTime(run.importedAt)} by {nameOf(run.actor)}</dd></div>
      {run.startedAt && <div><dt>Tool ran</dt><dd>{formatDateTime(run.startedAt)}</dd></div>}
      <div><dt>Introduced in</dt><dd>{run.introducedIn ?? '—'}</dd></div>
    </dl>
  );
}
