import { Link, useLocation, useParams } from 'react-router-dom';
import { runsApi } from '../api/runs.ts';
import { useResource } from '../api/use-resource.ts';
import { OutcomeChart } from '../features/runs/outcome-chart.tsx';
import { RunFacts } from '../features/runs/run-facts.tsx';
import { RunFindingsTabs } from '../features/runs/run-findings-tabs.tsx';
import { toolLabel } from '../features/runs/run-labels.ts';
import { ReportedVsOurs, RunSummaryTiles } from '../features/runs/run-summary.tsx';
import { useActorName } from '../features/users/use-actor-name.ts';
import { Alert, ProblemAlert } from '../ui/alert.tsx';
import { Loading } from '../ui/loading.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export function RunPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const justImported = (location.state as { imported?: boolean } | null)?.imported === true;
  const run = useResource(() => runsApi.get(id), [id]);
  const nameOf = useActorName();

  if (run.error) {
    return (
      <>
        <p className="breadcrumb"><Link to="/runs">← Runs</Link></p>
        <ProblemAlert error={run.error} title={run.error.status === 404 ? 'Run not found' : 'Could not load the run'} />
      </>
    );
  }
  if (!run.data) return <Loading label="Loading run…" />;
  const r = run.data;
  return (
    <>
      <p className="breadcrumb"><Link to="/runs">Runs</Link> <span aria-hidden="true">/</span> {r.fileName}</p>
      <PageHeader title={`${toolLabel(r)} run`} subtitle={`${r.counts.findings} ${r.counts.findings === 1 ? 'finding' : 'findings'} in ${r.fileName}`} />
      <section className="card run-facts" aria-label="About this run">
        <RunFacts run={r} nameOf={nameOf} />
      </section>
      {justImported && (
        <Alert tone="success" title="Imported">
          <p>{r.counts.findings} {r.counts.findings === 1 ? 'finding' : 'findings'} read: {r.counts.new} new,{' '}
            {r.counts.still_present} still present, {r.counts.not_reproduced} not reproduced, {r.counts.regressed} regressed.</p>
        </Alert>
      )}
      <RunSummaryTiles counts={r.counts} />
      <div className="report-grid">
        <section className="card" aria-labelledby="outcomes-heading">
          <h2 id="outcomes-heading" className="card-title">Outcomes</h2>
          <OutcomeChart counts={r.counts} />
        </section>
        <ReportedVsOurs run={r} />
      </div>
      <RunFindingsTabs run={r} />
    </>
  );
}
