import type { AgendaPoint, BoardSession } from '../../../../src/contracts/board.ts';

export const STATUS_LABELS: Record<BoardSession['status'], string> = { planned: 'Planned', held: 'Held', closed: 'Closed' };

export const KIND_LABELS: Record<AgendaPoint['kind'], string> = {
  kpi_status: 'KPI status',
  finding_new: 'New finding',
  finding_regressed: 'Regression',
  remediation_escalated: 'Escalated',
  remediation_overdue: 'Overdue',
  debt_change: 'Safety debt',
  acceptance_expiring: 'Risk acceptance',
  launch_pending: 'Launch',
  action_open: 'Board action',
};

/** Where in the web app the record of an agenda point is shown. */
export function recordPath(p: Pick<AgendaPoint, 'recordType' | 'recordId' | 'recordKey' | 'zone' | 'facts'>): string | null {
  switch (p.recordType) {
    case 'finding':
      return p.recordId ? `/findings/${encodeURIComponent(p.recordId)}` : null;
    case 'remediation':
      return p.recordKey ? `/remediations/${encodeURIComponent(p.recordKey)}` : null;
    case 'board_action':
      return typeof p.facts.sessionId === 'string' ? `/board/${encodeURIComponent(p.facts.sessionId)}` : null;
    case 'owner':
      return '/debt';
    case 'kpi':
      return p.zone ? `/kpis?zone=${encodeURIComponent(p.zone.key)}` : '/kpis';
    case 'risk_acceptance':
      return p.recordId ? `/risks/${encodeURIComponent(p.recordId)}` : null;
    case 'launch':
      return p.recordId ? `/launches/${encodeURIComponent(p.recordId)}` : null;
  }
}
