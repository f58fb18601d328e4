import { useState } from 'react';
import type { FailureModeInput, FollowUp, PrdDetail } from '../../../../src/contracts/prds.ts';
import { prdsApi } from '../../api/prds.ts';
import { useAction } from '../../api/use-action.ts';
import { EmptyState } from '../../ui/loading.tsx';
import { SeverityBadge } from '../findings/finding-badges.tsx';
import { BUCKET_LABELS } from '../zones/tiers.ts';
import { FailureModeForm } from './failure-mode-form.tsx';
import { FollowUpControl } from './follow-up-control.tsx';
import { LIKELIHOOD_LABELS } from './prd-labels.tsx';

/** The Safety Implications section: each failure mode, editable while the PRD is not approved. */
export function FailureModeList({ prd, canTrackFinding, canTrackRemediation, onChange }: {
  prd: PrdDetail;
  canTrackFinding: boolean;
  canTrackRemediation: boolean;
  onChange: (next: PrdDetail) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const save = useAction((modeId: string | null, input: FailureModeInput) =>
    (modeId ? prdsApi.updateFailureMode(prd.id, modeId, input) : prdsApi.addFailureMode(prd.id, input)));
  const remove = useAction((modeId: string) => prdsApi.removeFailureMode(prd.id, modeId));
  const follow = useAction((modeId: string, input: FollowUp) => prdsApi.followUp(prd.id, modeId, input));
  const [followed, setFollowed] = useState<string | null>(null);

  const submit = (modeId: string | null) => async (input: FailureModeInput) => {
    const next = await save.run(modeId, input);
    if (next) { onChange(next); setEditing(null); }
    return next !== undefined;
  };

  return (
    <section className="card" aria-labelledby="safety-heading">
      <h2 id="safety-heading" className="card-title">Safety Implications</h2>
      {prd.failureModes.length === 0 && (
        <EmptyState title="No failure modes yet">
          <p>List how this feature could cause harm; the PRD cannot be approved with this section empty.</p>
        </EmptyState>
      )}
      <ol className="timeline">
        {prd.failureModes.map((m) => (
          <li key={m.id} className="timeline-item" aria-label={`Failure mode ${m.position}`}>
            {editing === m.id ? (
              <FailureModeForm buckets={prd.zone.buckets} mode={m} pending={save.pending} error={save.error}
                onSubmit={submit(m.id)} onCancel={() => { setEditing(null); save.clearError(); }} />
            ) : (
              <>
                <div className="timeline-summary">
                  <strong>{m.position}. </strong><span className="prewrap">{m.harm}</span>
                </div>
                <p className="small">
                  <SeverityBadge severity={m.severity} /> {BUCKET_LABELS[m.bucket]} · likelihood {LIKELIHOOD_LABELS[m.likelihood].toLowerCase()}
                  {m.owner && <> · owner {m.owner.name}</>}
                </p>
                {m.mitigation
                  ? <p className="prewrap"><span className="muted">Mitigation: </span>{m.mitigation}</p>
                  : <p className={m.severity === 'critical' || m.severity === 'high' ? 'text-danger' : 'muted'}>No planned mitigation</p>}
                <div className="row-actions">
                  {prd.permissions.canEdit && (
                    <>
                      <button type="button" className="btn btn-small" onClick={() => setEditing(m.id)}>Edit</button>
                      <button type="button" className="btn btn-small btn-danger-outline" disabled={remove.pending}
                        onClick={() => void remove.run(m.id).then((next) => next && onChange(next))}>Remove</button>
                    </>
                  )}
                </div>
                <FollowUpControl findingId={m.findingId} remediation={m.remediation} canFinding={canTrackFinding} canRemediation={canTrackRemediation}
                  pending={follow.pending} error={followed === m.id ? follow.error : undefined}
                  onFollowUp={async (input) => {
                    setFollowed(m.id);
                    const next = await follow.run(m.id, input);
                    if (next) onChange(next);
                    return next;
                  }} />
              </>
            )}
          </li>
        ))}
      </ol>
      {prd.permissions.canEdit && editing === null && (
        <FailureModeForm buckets={prd.zone.buckets} pending={save.pending} error={save.error} onSubmit={submit(null)} />
      )}
    </section>
  );
}
