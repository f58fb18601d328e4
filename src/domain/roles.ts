/**
 * Roles and what each may do. Authorization rules are data (the table below) plus the few
 * rules that depend on the record (a lead may edit only the zones they own); services call
 * `authorize` before they touch anything.
 */
import { NotAllowedError } from './errors.ts';

export const ROLES = ['admin', 'lead', 'contributor', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may own a zone. */
export const OWNER_ROLES: readonly Role[] = ['admin', 'lead'];

export type Action =
  | 'org.read'
  | 'product.create'
  | 'product.update'
  | 'zone.create'
  | 'zone.create_for_other'
  | 'zone.update_own'
  | 'zone.update_any'
  | 'zone.handoff_own'
  | 'zone.handoff_any'
  | 'zone.archive'
  | 'zone.import'
  | 'user.manage'
  | 'audit.verify'
  | 'run.import'
  | 'finding.create'
  | 'finding.edit'
  | 'finding.route'
  | 'exercise.manage'
  | 'routing.manage'
  | 'policy.manage'
  | 'triage.decide_own'
  | 'triage.decide_any'
  | 'remediation.manage_own'
  | 'remediation.manage_any'
  | 'plan.manage'
  | 'plan.schedule_own'
  | 'plan.schedule_any'
  | 'debt.escalate'
  | 'prd.write'
  | 'prd.approve_own'
  | 'prd.approve_any'
  | 'premortem.manage'
  | 'launch.manage_own'
  | 'launch.manage_any'
  | 'launch.decide_own'
  | 'launch.cosign'
  | 'board.manage'
  | 'kpi.manage_own'
  | 'kpi.manage_any'
  | 'kpi.record_own'
  | 'kpi.record_any'
  | 'risk.manage_own'
  | 'risk.manage_any'
  | 'framework.map';

const GRANTS: Record<Role, readonly Action[]> = {
  admin: [
    'org.read', 'product.create', 'product.update', 'zone.create', 'zone.create_for_other',
    'zone.update_own', 'zone.update_any', 'zone.handoff_own', 'zone.handoff_any', 'zone.archive',
    'zone.import', 'user.manage', 'audit.verify', 'run.import', 'finding.create', 'finding.edit', 'finding.route',
    'exercise.manage', 'routing.manage',
    'policy.manage', 'triage.decide_own', 'triage.decide_any', 'remediation.manage_own', 'remediation.manage_any',
    'plan.manage', 'plan.schedule_own', 'plan.schedule_any', 'debt.escalate',
    'prd.write', 'prd.approve_own', 'prd.approve_any', 'premortem.manage', 'launch.manage_own', 'launch.manage_any',
    'launch.decide_own', 'launch.cosign',
    'board.manage',
    'kpi.manage_own', 'kpi.manage_any', 'kpi.record_own', 'kpi.record_any',
    'risk.manage_own', 'risk.manage_any', 'framework.map',
  ],
  lead: [
    'org.read', 'product.create', 'product.update', 'zone.create', 'zone.update_own', 'zone.handoff_own', 'run.import',
    'finding.create', 'finding.edit', 'exercise.manage',
    'triage.decide_own', 'remediation.manage_own',
    'plan.manage', 'plan.schedule_own', 'debt.escalate',
    'prd.write', 'prd.approve_own', 'premortem.manage', 'launch.manage_own', 'launch.decide_own',
    'board.manage',
    'kpi.manage_own', 'kpi.record_own',
    'risk.manage_own', 'framework.map',
  ],
  contributor: ['org.read', 'run.import', 'finding.create', 'finding.edit', 'exercise.manage', 'prd.write', 'premortem.manage',
    'kpi.record_any', 'framework.map'],
  reviewer: ['org.read', 'audit.verify'],
  viewer: ['org.read'],
};

export function can(role: Role, action: Action): boolean {
  return GRANTS[role].includes(action);
}

const DESCRIPTIONS: Record<Action, string> = {
  'org.read': 'read this organization',
  'product.create': 'create products',
  'product.update': 'edit products',
  'zone.create': 'create zones',
  'zone.create_for_other': 'create a zone owned by someone else',
  'zone.update_own': 'edit zones',
  'zone.update_any': 'edit a zone owned by someone else',
  'zone.handoff_own': 'hand off zones',
  'zone.handoff_any': 'reassign a zone owned by someone else',
  'zone.archive': 'archive zones',
  'zone.import': 'import zones in bulk',
  'user.manage': 'manage users and roles',
  'audit.verify': 'verify the audit trail',
  'run.import': 'import red-team or scanner results',
  'finding.create': 'add findings',
  'finding.edit': 'edit findings',
  'finding.route': 'route unrouted findings to a zone',
  'exercise.manage': 'record red-team exercises',
  'routing.manage': 'manage routing rules',
  'policy.manage': 'change the organization\'s triage and SLA policy',
  'triage.decide_own': 'triage findings',
  'triage.decide_any': 'triage findings in a zone owned by someone else',
  'remediation.manage_own': 'create or edit remediation items',
  'remediation.manage_any': 'create or edit remediation items in a zone owned by someone else',
  'plan.manage': 'create planning periods and sprints',
  'plan.schedule_own': 'schedule remediation items into sprints',
  'plan.schedule_any': 'schedule remediation items of a zone owned by someone else',
  'debt.escalate': 'escalate overdue remediation items',
  'prd.write': 'write PRD reviews',
  'prd.approve_own': 'approve PRDs',
  'prd.approve_any': 'approve PRDs of a zone owned by someone else',
  'premortem.manage': 'record pre-mortems',
  'launch.manage_own': 'plan launches',
  'launch.manage_any': 'plan launches in a zone owned by someone else',
  'launch.decide_own': 'decide go or pause on a launch',
  'launch.cosign': 'co-sign a launch override',
  'board.manage': 'schedule review board sessions or record their decisions and action items',
  'kpi.manage_own': 'define or change the KPIs of a zone',
  'kpi.manage_any': 'define or change the KPIs of a zone owned by someone else',
  'kpi.record_own': 'record KPI measurements',
  'kpi.record_any': 'record KPI measurements in a zone they do not own or deputize',
  'risk.manage_own': 'record, change or revoke risk acceptances',
  'risk.manage_any': 'record, change or revoke risk acceptances of a zone owned by someone else',
  'framework.map': 'map records to framework controls',
};

export function authorize(role: Role, action: Action): void {
  if (!can(role, action)) {
    throw new NotAllowedError(`A ${role} may not ${DESCRIPTIONS[action]}`);
  }
}

/** Zone actions come in two grades: on one's own zone, and on anyone's. */
export function authorizeOnZone(
  role: Role,
  isOwner: boolean,
  own: Action,
  any: Action,
): void {
  if (can(role, any)) return;
  if (isOwner && can(role, own)) return;
  if (can(role, own)) {
    throw new NotAllowedError(
      `A ${role} may ${DESCRIPTIONS[own]} only when they own the zone; to ${DESCRIPTIONS[any]} ask an admin`,
    );
  }
  authorize(role, own);
}
