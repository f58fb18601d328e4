import type { Evidence, GateCheck, Launch, LaunchStatus } from '../../../../src/contracts/launches.ts';

export const LAUNCH_STATUS_LABELS: Record<LaunchStatus, string> = {
  planned: 'Planned', awaiting_cosign: 'Awaiting admin co-signature', go: 'Go', paused: 'Paused',
};

export function LaunchStatusBadge({ launch }: { launch: Pick<Launch, 'status' | 'override'> }) {
  const tone = launch.status === 'go' ? 'badge-fstatus-verified' : launch.status === 'paused' ? 'badge-sev-high' : launch.status === 'awaiting_cosign' ? 'badge-fstatus-fixed' : 'badge-muted';
  return (
    <>
      <span className={`badge ${tone}`}>{LAUNCH_STATUS_LABELS[launch.status]}</span>
      {launch.override && <> <span className="badge badge-sev-critical" title="Went ahead over a failing check, co-signed by an admin">Override</span></>}
    </>
  );
}

export const CHECK_MARKS: Record<GateCheck['status'], { mark: string; label: string; tone: string }> = {
  pass: { mark: '✓', label: 'Pass', tone: 'badge-fstatus-verified' },
  fail: { mark: '✗', label: 'Fail', tone: 'badge-sev-critical' },
  not_required: { mark: '–', label: 'Not required', tone: 'badge-muted' },
};

/** Where a piece of evidence opens in the web app; null when it has no page here. */
export function evidencePath(e: Evidence): string | null {
  switch (e.kind) {
    case 'prd': return `/prds/${encodeURIComponent(e.id)}`;
    case 'premortem': return `/premortems/${encodeURIComponent(e.id)}`;
    case 'finding': return `/findings/${encodeURIComponent(e.id)}`;
    case 'remediation': return `/remediations/${encodeURIComponent(e.id)}`;
    case 'kpi':
    case 'risk_acceptance':
      return null;
  }
}
