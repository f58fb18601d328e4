import type { Scorecard } from '../../../../src/contracts/metrics.ts';
import { TOOL_LABELS } from '../findings/severity.ts';
import { formatRate } from './format.ts';

type Row = Scorecard['falsePositivesByTool'][number];

/** False-positive rates per tool, then per tool and plugin (rule, probe, grader). */
export function FalsePositiveTable({ byTool, byPlugin }: { byTool: readonly Row[]; byPlugin: readonly Row[] }) {
  if (byTool.length === 0) return <p className="muted ok-note">No findings were triaged in this period.</p>;
  const rows = [
    ...byTool.map((r) => ({ ...r, key: `t:${r.tool}`, isTool: true })),
    ...byPlugin.map((r) => ({ ...r, key: `p:${r.tool}:${r.plugin ?? ''}`, isTool: false })),
  ].sort((a, b) => a.tool.localeCompare(b.tool) || Number(b.isTool) - Number(a.isTool) || (b.rate ?? 0) - (a.rate ?? 0));
  return (
    <div className="table-wrap">
      <table className="table table-compact table-stack">
        <thead>
          <tr>
            <th scope="col">Tool · plugin</th>
            <th scope="col" className="num">Triaged</th>
            <th scope="col" className="num">False positives</th>
            <th scope="col" className="num">Rate</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.isTool ? 'row-group' : undefined}>
              <td>
                {r.isTool ? <strong>{TOOL_LABELS[r.tool] ?? r.tool}</strong> : <span className="indent mono">{r.plugin ?? '—'}</span>}
              </td>
              <td className="num" data-label="Triaged">{r.triaged}</td>
              <td className="num" data-label="False pos.">{r.falsePositive}</td>
              <td className="num" data-label="Rate"><strong>{formatRate(r.rate)}</strong></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
