import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { RemediationDetail } from '../../../src/contracts/remediations.ts';
import { policyApi } from '../api/policy.ts';
import { remediationsApi } from '../api/remediations.ts';
import { useResource } from '../api/use-resource.ts';
import { useMe } from '../features/auth/session-context.tsx';
import { SeverityBadge } from '../features/findings/finding-badges.tsx';
import { CriteriaCard } from '../features/remediations/criteria-card.tsx';
import { DetailsCard } from '../features/remediations/details-card.tsx';
import { LinkedFindings } from '../features/remediations/linked-findings.tsx';
import { MilestonesCard } from '../features/remediations/milestones-card.tsx';
import { PeopleCard } from '../features/remediations/people-card.tsx';
import { PriorityCard } from '../features/remediations/priority-card.tsx';
import { RemediationStatusBadge } from '../features/remediations/remediation-badges.tsx';
import { RemediationHistory } from '../features/remediations/remediation-history.tsx';
import { SlaCard } from '../features/remediations/sla-card.tsx';
import { StatusActions } from '../features/remediations/status-actions.tsx';
import { buildPeopleIndex } from '../features/users/people-index.ts';
import { useActorName } from '../features/users/use-actor-name.ts';
import { useMembers } from '../features/users/use-members.ts';
import { TierBadge } from '../features/zones/tier-badge.tsx';
import { Alert, ProblemAlert } from '../ui/alert.tsx';
import { formatDateTime } from '../ui/dates.ts';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function RemediationPage() {
  const { ref = '' } = useParams();
  const item = useResource(() => remediationsApi.get(ref), [ref]);
  const members = useMembers();
  const policy = useResource(() => policyApi.get(), []);
  const me = useMe();
  const [writes, setWrites] = useState(0);
  const nameOf = useActorName();
  const people = useMemo(() => buildPeopleIndex(members.data?.items), [members.data]);
  const r = item.data;
  const criteria = useMemo(() => new Map((r?.criteria ?? []).map((c) => [c.id, c.text])), [r?.criteria]);

  if (item.error) {
    return (
      <>
        <p className="breadcrumb"><Link to="/remediations">← Remediation</Link></p>
        <ProblemAlert error={item.error} title={item.error.status === 404 ? 'Remediation item not found' : 'Could not load the item'} />
      </>
    );
  }
  if (!r) return <Loading label="Loading remediation item…" />;
  const changed = (next: RemediationDetail) => { item.setData(next); setWrites((n) => n + 1); };
  const assigneeWorks = r.assignee?.id === me.user.id && me.role !== 'viewer' && me.role !== 'reviewer';

  return (
    <>
      <p className="breadcrumb">
        <Link to="/remediations">Remediation</Link> <span aria-hidden="true">/</span>{' '}
        <Link to={`/remediations?zone=${encodeURIComponent(r.zone.key)}`}>{r.zone.name}</Link>
      </p>
      <PageHeader
        title={r.title}
        subtitle={(
          <div className="zone-meta">
            <span className="mono strong" data-testid="item-key">{r.key}</span>
            <RemediationStatusBadge status={r.status} />
            <SeverityBadge severity={r.severity} />
            <Link to={`/zones/${encodeURIComponent(r.zone.key)}`}>{r.zone.name}</Link> <TierBadge tier={r.zone.tier} />
            <span className="muted small">Owner {r.zone.ownerName} · created {formatDateTime(r.createdAt)}</span>
          </div>
        )}
      >
        <StatusActions item={r} onChanged={changed} />
      </PageHeader>
      {r.escalatedAt && (
        <Alert tone="warning" title={`Escalated ${formatDateTime(r.escalatedAt)}`}><p>{r.escalationReason ?? 'Overdue past the policy\'s limit.'}</p></Alert>
      )}
      {r.status === 'obsolete' && r.obsoleteReason && <Alert tone="info" title="Closed as obsolete"><p className="prewrap">{r.obsoleteReason}</p></Alert>}
      <div className="detail-grid remediation-grid">
        <div className="detail-main">
          <section className="card" aria-labelledby="description-heading">
            <h2 id="description-heading" className="card-title">Description</h2>
            {r.description ? <p className="prewrap">{r.description}</p> : <p className="muted">No description.</p>}
          </section>
          <CriteriaCard item={r} nameOf={nameOf} onChanged={changed} />
          <MilestonesCard item={r} canSet={r.permissions.canEdit || assigneeWorks} onChanged={changed} />
          <LinkedFindings item={r} />
          <RemediationHistory itemId={r.id} people={people} criteria={criteria} refresh={writes} />
        </div>
        <aside className="detail-aside">
          <SlaCard item={r} onChanged={changed} />
          <PriorityCard item={r} weights={policy.data?.priorityWeights} onChanged={changed} />
          <PeopleCard item={r} members={members.data?.items ?? []} onChanged={changed} />
          <DetailsCard item={r} onChanged={changed} />
        </aside>
      </div>
    </>
  );
}
