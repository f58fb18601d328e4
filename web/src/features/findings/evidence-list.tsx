import type { EvidenceItem } from '../../../../src/contracts/findings.ts';

const TEXT_PARTS: readonly { key: 'prompt' | 'response' | 'reason' | 'snippet' | 'location'; label: string }[] = [
  { key: 'prompt', label: 'Prompt' },
  { key: 'response', label: 'Response' },
  { key: 'reason', label: 'Why it failed' },
  { key: 'snippet', label: 'Snippet' },
  { key: 'location', label: 'Location' },
];

/**
 * The evidence of a finding. Prompts and responses are attacker-controlled text: they are shown
 * as text in <pre> blocks (React escapes them), never as HTML.
 */
export function EvidenceList({ evidence }: { evidence: readonly EvidenceItem[] }) {
  if (evidence.length === 0) return <p className="muted">No evidence was recorded for this finding.</p>;
  return (
    <ol className="evidence-list">
      {evidence.map((ev, i) => (
        <li key={i} className="evidence" aria-label={`Evidence ${i + 1}`}>
          <div className="evidence-head">
            <span className="strong">Evidence {i + 1}</span>
            {ev.label && <span className="chip">{ev.label}</span>}
            {ev.score !== undefined && <span className="muted small">score {ev.score}</span>}
          </div>
          {TEXT_PARTS.filter((p) => ev[p.key]).map((p) => (
            <div key={p.key} className="evidence-part">
              <div className="evidence-label">{p.label}</div>
              <pre className={`text-block text-block-${p.key}`} data-testid={`evidence-${p.key}`}>{ev[p.key]}</pre>
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}
