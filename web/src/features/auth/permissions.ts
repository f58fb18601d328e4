/**
 * Which roles may do what in the findings area, as the server grants it (src/domain/roles.ts).
 * Only for showing or hiding buttons: the server decides, and says so when it refuses.
 */
import type { Role } from '../../../../src/contracts/common.ts';

export const CAN_IMPORT_RUNS: readonly Role[] = ['admin', 'lead', 'contributor'];
export const CAN_CREATE_FINDINGS: readonly Role[] = ['admin', 'lead', 'contributor'];
export const CAN_MANAGE_EXERCISES: readonly Role[] = ['admin', 'lead', 'contributor'];
export const CAN_MANAGE_ROUTING: readonly Role[] = ['admin'];

export function can(role: Role, allowed: readonly Role[]): boolean {
  return allowed.includes(role);
}
