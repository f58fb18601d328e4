import type { Coverage, CoverageStatus } from '../../../../src/contracts/frameworks.ts';

export const COVERAGE_LABEL: Record<CoverageStatus, string> = {
  evidenced: 'Evidence', open_gaps: 'Open gaps', mapped: 'In scope, no evidence', none: 'Nothing mapped',
};

type Item = Coverage['items'][number];

function evidenceText(i: Item): string {
  const e = i.evidence;
  const parts = [
    e.findings.total ? `${e.findings.total} finding(s): ${e.findings.open} open, ${e.findings.verified} verified` : '',
    e.remediations.total ? `${e.remediations.total} remediation(s): ${e.remediations.verified} verified` : '',
    e.controls.total ? `${e.controls.total} control(s): ${e.controls.evidenced} with evidence` : '',
    e.zones ? `${e.zones} zone(s)` : '',
  ].filter(Boolean);
  return parts.join('; ') || 'nothing mapped';
}

/** Items grouped (function, clause, tactic), one cell each coloured by coverage; the table below says it in words. */
export function CoverageHeatmap({ coverage, selected, onSelect }: { coverage: Coverage; selected: string | null; onSelect: (id: string) => void }) {
  const groups = new Map<string, { title: string; items: Item[] }>();
  for (const i of coverage.items) {
    const g = groups.get(i.group) ?? { title: i.groupTitle, items: [] };
    g.items.push(i);
    groups.set(i.group, g);
  }
  return (
    <div className="coverage">
      <ul className="coverage-legend" aria-label="Legend">
        {(Object.keys(COVERAGE_LABEL) as CoverageStatus[]).map((s) => (
          <li key={s}><span className={`coverage-swatch coverage-${s}`} aria-hidden="true" /> {COVERAGE_LABEL[s]} ({coverage.coverage[s]})</li>
        ))}
      </ul>
      {[...groups.entries()].map(([id, g]) => (
        <section key={id} className="coverage-group" aria-label={g.title}>
          <h3>{g.title}</h3>
          <div className="coverage-cells">
            {g.items.map((i) => (
              <button key={i.id} type="button" className={`coverage-cell coverage-${i.status}${selected === i.id ? ' is-selected' : ''}`}
                title={`${i.id} ${i.title}: ${COVERAGE_LABEL[i.status]} (${evidenceText(i)})`} aria-pressed={selected === i.id}
                onClick={() => onSelect(i.id)}>
                {i.id}
              </button>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

export function CoverageDetail({ item }: { item: Item }) {
  return (
    <div>
      <h3>{item.id} {item.title !== item.id ? item.title : ''}</h3>
      {item.statement && <p>{item.statement}</p>}
      <p><strong>{COVERAGE_LABEL[item.status]}</strong>: {evidenceText(item)}</p>
    </div>
  );
}
