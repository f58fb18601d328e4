import type { BoardDecision } from '../../../../src/contracts/board.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { EmptyState } from '../../ui/loading.tsx';

export function DecisionsList({ decisions, nameOf }: { decisions: readonly BoardDecision[]; nameOf: (actor: string) => string }) {
  if (decisions.length === 0) return <EmptyState title="No decisions recorded yet" />;
  return (
    <ol className="board-decisions">
      {decisions.map((d) => (
        <li key={d.id}>
          <p className="strong prewrap">{d.text}{d.record?.key ? <span className="muted"> · {d.record.key}</span> : null}</p>
          <p className="prewrap">Rationale: {d.rationale}</p>
          <p className="muted small">{nameOf(d.decidedBy)} · {formatDateTime(d.createdAt)}</p>
        </li>
      ))}
    </ol>
  );
}
