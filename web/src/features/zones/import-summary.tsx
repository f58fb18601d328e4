import type { ZoneImportSummary } from '../../../../src/contracts/zones.ts';
import type { ApiError } from '../../api/api-error.ts';

const LINES: { key: Exclude<keyof ZoneImportSummary, 'dryRun'>; label: string }[] = [
  { key: 'rows', label: 'Rows read' },
  { key: 'productsCreated', label: 'Products created' },
  { key: 'productsUpdated', label: 'Products updated' },
  { key: 'zonesCreated', label: 'Zones created' },
  { key: 'zonesUpdated', label: 'Zones updated' },
  { key: 'zonesUnchanged', label: 'Zones unchanged' },
  { key: 'handoffs', label: 'Handoffs' },
  { key: 'usersCreated', label: 'People created' },
  { key: 'membersAdded', label: 'Members added' },
];

export function ImportSummary({ summary }: { summary: ZoneImportSummary }) {
  return (
    <div className={`alert ${summary.dryRun ? 'alert-info' : 'alert-success'}`} role="status">
      <strong className="alert-title">
        {summary.dryRun ? 'The file is valid. Nothing was written (dry run):' : 'Import complete.'}
      </strong>
      <dl className="stat-list">
        {LINES.map((l) => (
          <div key={l.key}><dt>{l.label}</dt><dd>{summary[l.key]}</dd></div>
        ))}
      </dl>
    </div>
  );
}

/** The problems of an uploaded file, one row per line and column. */
export function ImportIssues({ error }: { error: ApiError }) {
  const issues = error.problem.errors ?? [];
  if (issues.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table table-compact">
        <caption className="sr-only">Problems in the file</caption>
        <thead><tr><th scope="col">Line</th><th scope="col">Column</th><th scope="col">Problem</th></tr></thead>
        <tbody>
          {issues.map((i, n) => (
            <tr key={n}>
              <td className="mono">{i.line ?? '—'}</td>
              <td className="mono">{i.column ?? i.field ?? '—'}</td>
              <td>{i.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
