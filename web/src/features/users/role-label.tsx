import type { Role } from '../../../../src/contracts/common.ts';

export const ROLES: readonly Role[] = ['admin', 'lead', 'contributor', 'reviewer', 'viewer'];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin', lead: 'Lead', contributor: 'Contributor', reviewer: 'Reviewer', viewer: 'Viewer',
};

export const ROLE_HINTS: Record<Role, string> = {
  admin: 'manages people, any zone, imports',
  lead: 'owns zones and hands them off',
  contributor: 'works on findings',
  reviewer: 'reads everything, verifies the audit trail',
  viewer: 'reads',
};

export function RoleLabel({ role }: { role: Role }) {
  return <span className={`role role-${role}`}>{ROLE_LABELS[role]}</span>;
}
