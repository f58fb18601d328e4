/** Who may write PRD reviews and pre-mortems, as the server grants it (src/domain/roles.ts); only to show or hide controls. */
import type { Role } from '../../../../src/contracts/common.ts';

export const CAN_WRITE_PRDS: readonly Role[] = ['admin', 'lead', 'contributor'];
export const CAN_MANAGE_PREMORTEMS: readonly Role[] = ['admin', 'lead', 'contributor'];
export const CAN_PLAN_LAUNCHES: readonly Role[] = ['admin', 'lead'];
