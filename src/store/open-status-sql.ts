/**
 * The SQL test "this remediation item is open" (planned, in progress or reopened), made from
 * the one list in domain/remediation-status.ts so the queries and the rules cannot drift apart.
 */
import { OPEN_STATUSES } from '../domain/remediation-status.ts';

const LIST = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** `<column> IN ('planned', 'in_progress', 'reopened')` for a status column such as `r.status`. */
export const isOpenStatus = (column: string): string => `${column} IN ${LIST}`;
