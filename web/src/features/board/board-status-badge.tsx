import type { BoardSession } from '../../../../src/contracts/board.ts';
import { STATUS_LABELS } from './board-labels.ts';

export function BoardStatusBadge({ status }: { status: BoardSession['status'] }) {
  return <span className={`badge board-status-${status}`}>{STATUS_LABELS[status]}</span>;
}
