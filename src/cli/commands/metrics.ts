/** `keel metrics`: an owner's scorecard (--owner), or the dashboard of the organization, a product or a zone. */
import { Command } from 'commander';
import type { Dashboard, MetricsFigures, Scorecard } from '../../contracts/metrics.ts';
import type { WithClient } from '../main.ts';
import { printJson } from '../output.ts';

const n = (v: number | null, unit = '') => (v === null ? '—' : `${v}${unit}`);
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10} %`);

function figureLines(f: MetricsFigures): string[] {
  const s = f.open.bySeverity;
  const a = f.open.byAge;
  return [
    `  time to remediate   mean ${n(f.timeToRemediate.meanHours, ' h')}, median ${n(f.timeToRemediate.medianHours, ' h')} (${f.timeToRemediate.count} verified)`,
    `  time to detect      mean ${n(f.timeToDetect.meanDays, ' d')}, median ${n(f.timeToDetect.medianDays, ' d')} (${f.timeToDetect.count} measured)`,
    `  closed-gap rate     ${pct(f.closedGapRate.rate)} (${f.closedGapRate.closed} closed / ${f.closedGapRate.opened} opened)`,
    `  SLA compliance      ${pct(f.slaCompliance.rate)} (${f.slaCompliance.onTime} of ${f.slaCompliance.fixed} fixed on time)`,
    `  open now            ${f.open.total}: critical ${s.critical}, high ${s.high}, medium ${s.medium}, low ${s.low}, info ${s.info}`,
    `  open by age         <7 d ${a.lt7d}, 7–30 d ${a.d7to30}, 30–90 d ${a.d30to90}, >90 d ${a.gt90d}; ${f.open.awaitingVerification} awaiting verification`,
    `  overdue             ${f.open.overdue}, safety debt ${f.safetyDebt}`,
    `  false positives     ${pct(f.falsePositives.rate)} (${f.falsePositives.falsePositive} of ${f.falsePositives.triaged} triaged)`,
    `  regressions         ${f.regressions}`,
  ];
}

function print(m: Scorecard | Dashboard): void {
  const title = 'owner' in m ? `Scorecard of ${m.owner.name} <${m.owner.email}>, ${m.zones.length} zones`
    : m.scope.kind === 'org' ? 'Organization' : m.scope.kind === 'product' ? `Product ${m.scope.product}`
      : m.scope.kind === 'zone' ? `Zone ${m.scope.zone}` : `Owner ${m.scope.owner.email}`;
  const tools = m.falsePositivesByTool.map((t) => `${t.tool} ${pct(t.rate)} of ${t.triaged}`).join(', ');
  process.stdout.write([
    `${title} — ${m.period.label} (${m.period.from.slice(0, 10)} to ${m.period.to.slice(0, 10)}; backlog as of ${m.asOf.slice(0, 16).replace('T', ' ')} UTC)`,
    ...figureLines(m.figures),
    ...(tools ? [`  false positives by tool: ${tools}`] : []),
    '',
  ].join('\n'));
}

export function metricsCommand(withClient: WithClient): Command {
  return new Command('metrics')
    .description("remediation metrics: an owner's scorecard (--owner), else the dashboard of the organization, a product or a zone")
    .option('--owner <email|id>', "the owner whose scorecard to show (the zones they own now)")
    .option('--zone <zone>', 'one zone (key or id)')
    .option('--product <product>', 'one product (key or id)')
    .option('--period <period>', '90d (default), 12w, 6m, 2026-Q3, 2026-03 or 2026')
    .option('--from <date>', 'start of the period (YYYY-MM-DD), instead of --period')
    .option('--to <date>', 'end of the period, exclusive (default: now)')
    .option('--json', 'JSON output').option('--csv', 'CSV output: one row per zone')
    .action(async (o: Record<string, string | boolean | undefined>, cmd: Command) =>
      withClient(cmd, async (c) => {
        const s = (k: string) => o[k] as string | undefined;
        const query = { owner: s('owner'), zone: s('zone'), product: s('product'), period: s('period'), from: s('from'), to: s('to') };
        const kind = query.owner ? 'scorecard' : 'dashboard';
        if (o.csv) {
          process.stdout.write(await c.metricsCsv(kind, query));
          return undefined;
        }
        const m = kind === 'scorecard' ? await c.scorecard(query) : await c.dashboard(query);
        if (o.json) return printJson(m);
        print(m);
        return undefined;
      }));
}
