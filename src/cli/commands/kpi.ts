/** `keel kpi …`: list a zone's KPIs with their status, show one with its rule, define one, record a value, import a CSV. */
import { readFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import type { Kpi, KpiCreate } from '../../contracts/kpis.ts';
import { InputError } from '../../domain/errors.ts';
import { KPI_CADENCES, KPI_DIRECTIONS, KPI_KINDS, KPI_PERIODS } from '../../domain/kpi-status.ts';
import type { WithClient } from '../main.ts';
import { formatOf, printJson, printRows } from '../output.ts';

const STATUS_LABEL: Record<Kpi['status']['status'], string> = { on_track: 'on track', at_risk: 'AT RISK', off_track: 'OFF TRACK', no_data: 'no data' };

function number(text: string, field: string): number {
  const v = Number(text.replace(/^−/, '-'));
  if (text.trim() === '' || !Number.isFinite(v)) throw InputError.field(field, `${JSON.stringify(text)} is not a number`);
  return v;
}

/** "−15%" is a relative target of −0.15; a plain number is an absolute target. */
function parseTarget(text: string): { targetKind: 'absolute' | 'relative'; targetValue: number } {
  const t = text.trim();
  if (t.endsWith('%')) return { targetKind: 'relative', targetValue: number(t.slice(0, -1), '--target') / 100 };
  return { targetKind: 'absolute', targetValue: number(t, '--target') };
}

export function targetText(k: Pick<Kpi, 'targetKind' | 'targetValue' | 'targetPeriod' | 'direction' | 'unit'>): string {
  if (k.targetKind === null || k.targetValue === null) return '';
  if (k.targetKind === 'relative') {
    const pct = Math.round(k.targetValue * 1000) / 10;
    return `${pct > 0 ? '+' : ''}${pct}% per ${k.targetPeriod}`;
  }
  return `${k.direction === 'lower' ? '≤' : '≥'} ${k.targetValue}${k.unit ? ` ${k.unit}` : ''}`;
}

export function kpiCommands(withClient: WithClient): Command {
  const kpi = new Command('kpi').description('safety KPIs: list with status, show, add, record a measurement, import a CSV');

  kpi.command('list')
    .description('KPIs with their status (activity metrics only with --include-activity)')
    .option('--zone <zone>', 'zone key')
    .option('--include-activity', 'include metrics that count activity rather than outcome')
    .option('--json', 'JSON output').option('--csv', 'CSV output')
    .action(async (o: { zone?: string; includeActivity?: boolean; json?: boolean; csv?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const page = await c.listKpis({ zone: o.zone, includeActivity: o.includeActivity });
        printRows(page.items, [
          { header: 'key', value: (k) => k.key },
          { header: 'name', value: (k) => `${k.name}${k.measures === 'activity' ? ' (activity)' : ''}` },
          { header: 'zone', value: (k) => k.zone.key },
          { header: 'status', value: (k) => STATUS_LABEL[k.status.status] },
          { header: 'latest', value: (k) => (k.latest ? `${k.latest.value}${k.unit ? ` ${k.unit}` : ''} (${k.latest.at.slice(0, 10)})` : '') },
          { header: 'target', value: (k) => targetText(k) },
          { header: 'paired', value: (k) => k.paired?.key ?? '' },
        ], formatOf(o), page);
      }));

  kpi.command('show <kpi>')
    .description('one KPI (key or id): definition, latest value, status and the rule behind it')
    .option('--json', 'JSON output')
    .action(async (ref: string, o: { json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const k = await c.getKpi(ref);
        if (o.json) return printJson(k);
        const line = (label: string, value: string | number | null | undefined) =>
          (value === null || value === undefined || value === '' ? [] : [`  ${label.padEnd(11)}${value}`]);
        process.stdout.write([
          `${k.key}  ${k.name}${k.measures === 'activity' ? '  [activity metric: not in scorecards]' : ''}`,
          ...line('zone', `${k.zone.name} (${k.zone.key})`),
          ...line('measures', `${k.kind}, ${k.category}, ${k.direction} is better, ${k.cadence}`),
          ...line('unit', k.unit), ...line('baseline', k.baseline), ...line('target', targetText(k)),
          ...line('paired', k.paired ? `${k.paired.name} (${k.paired.key}, ${k.paired.category})` : null),
          ...line('latest', k.latest ? `${k.latest.value} at ${k.latest.at}` : 'no measurement yet'),
          ...line('status', STATUS_LABEL[k.status.status]),
          ...line('rule', k.status.rule),
          ...line('archived', k.archivedAt),
          '',
        ].join('\n'));
        return undefined;
      }));

  kpi.command('add')
    .description('define a KPI of a zone (zone owner or admin)')
    .requiredOption('--zone <zone>', 'zone key')
    .requiredOption('--name <text>', 'what is measured')
    .addOption(new Option('--direction <direction>', 'which way is better').choices([...KPI_DIRECTIONS]).makeOptionMandatory())
    .addOption(new Option('--kind <kind>', 'outcome, leading or lagging').choices([...KPI_KINDS]).default('outcome'))
    .addOption(new Option('--cadence <cadence>', 'how often it is measured').choices([...KPI_CADENCES]).makeOptionMandatory())
    .option('--key <key>', 'default: from the name')
    .option('--unit <unit>', 'e.g. %, per 1k sessions')
    .option('--baseline <n>', 'the value before work started')
    .option('--target <value>', 'an absolute value (3.5), or a relative change per period (-15%)')
    .addOption(new Option('--period <period>', 'the period of the target (required for a relative one)').choices([...KPI_PERIODS]))
    .option('--pair <kpi>', 'a KPI of the same zone to pair it with (dual metrics)')
    .option('--business', 'a business metric (paired with a safety one), not a safety metric')
    .option('--activity', 'it counts activity (meetings, tests run) rather than an outcome: kept out of scorecards')
    .option('--description <text>', 'what and why')
    .option('--json', 'JSON output')
    .action(async (o: Record<string, string | boolean | undefined>, cmd: Command) =>
      withClient(cmd, async (c) => {
        const s = (k: string) => o[k] as string | undefined;
        const input: KpiCreate = {
          zone: s('zone')!, name: s('name')!, direction: s('direction') as KpiCreate['direction'], kind: s('kind') as KpiCreate['kind'],
          cadence: s('cadence') as KpiCreate['cadence'], key: s('key'), unit: s('unit'), description: s('description'),
          baseline: s('baseline') === undefined ? undefined : number(s('baseline')!, '--baseline'),
          ...(s('target') === undefined ? {} : parseTarget(s('target')!)),
          targetPeriod: s('period') as KpiCreate['targetPeriod'], pairedKpi: s('pair'),
          category: o.business ? 'business' : undefined, measures: o.activity ? 'activity' : undefined,
        };
        const k = await c.createKpi(input);
        if (o.json) return printJson(k);
        process.stdout.write(`Added KPI ${k.key} (${k.name}) to zone ${k.zone.key}${k.targetKind ? `, target ${targetText(k)}` : ''}\n`);
        return undefined;
      }));

  kpi.command('record <kpi> <value>')
    .description('record a measurement (idempotent: the same instant and value again changes nothing)')
    .option('--at <instant>', 'when it was measured: YYYY-MM-DD or ISO 8601 (default: now)')
    .option('--json', 'JSON output')
    .action(async (ref: string, value: string, o: { at?: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const r = await c.recordKpi(ref, [{ measuredAt: o.at ?? new Date().toISOString(), value: number(value, 'value') }]);
        if (o.json) return printJson(r);
        const k = await c.getKpi(r.kpi.key);
        process.stdout.write(`${r.kpi.key}: ${r.message} Status: ${STATUS_LABEL[k.status.status]} — ${k.status.rule}\n`);
        return undefined;
      }));

  kpi.command('import <file>')
    .description('record measurements from a CSV file with the columns kpi,measured_at,value (one transaction)')
    .option('--json', 'JSON output')
    .action(async (file: string, o: { json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const r = await c.importKpiCsv(await readFile(file, 'utf8'));
        if (o.json) return printJson(r);
        process.stdout.write(`${r.rows} rows: ${r.message}\n`);
        return undefined;
      }));
  return kpi;
}
