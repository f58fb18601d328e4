/** `keel plan …`: planning periods, the plan of one (safety reserve vs used, warnings), scheduling items into sprints. */
import { Command } from 'commander';
import type { PeriodPlan } from '../../contracts/planning.ts';
import type { WithClient } from '../main.ts';
import { printJson, printRows } from '../output.ts';

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A sprint of the plan by position (1, 2…), name or id. */
function sprintOf(plan: PeriodPlan, ref: string) {
  const s = plan.sprints.find((x) => String(x.position) === ref || x.name.toLowerCase() === ref.toLowerCase() || x.id === ref);
  if (!s) throw new Error(`Period ${plan.period.name} has no sprint ${JSON.stringify(ref)}; it has ${plan.sprints.map((x) => `${x.position} (${x.name})`).join(', ')}`);
  return s;
}

function printPlan(plan: PeriodPlan): void {
  const out: string[] = [
    `${plan.period.name}  ${plan.period.startsOn} … ${plan.period.endsOn}  safety share ${Math.round(plan.period.safetyShare * 1000) / 10}%`,
    ...plan.warnings.map((w) => `  ! ${w.message}`),
  ];
  for (const s of plan.sprints) {
    out.push('', `${s.position}. ${s.name}  ${s.startsOn} … ${s.endsOn}  capacity ${s.capacity}  reserve ${s.reserve}  used ${s.used}`);
    for (const w of s.warnings) out.push(`  ! ${w.message}`);
    for (const i of s.items) {
      const flags = [i.withinReserve ? '' : 'beyond reserve', i.overdue ? 'overdue' : '', i.escalated ? 'escalated' : ''].filter(Boolean).join(', ');
      out.push(`  REM-${String(i.number).padEnd(5)} ${String(i.priority).padStart(5)}  ${i.severity.padEnd(8)} effort ${String(i.effort).padEnd(4)} ${cut(i.title, 50)}${flags ? `  (${flags})` : ''}`);
    }
  }
  out.push('', `Unscheduled open items: ${plan.unscheduled.total}`,
    ...plan.unscheduled.items.map((i) => `  REM-${String(i.number).padEnd(5)} ${String(i.priority).padStart(5)}  ${i.severity.padEnd(8)} ${cut(i.title, 60)}`), '');
  process.stdout.write(out.join('\n'));
}

export function planCommands(withClient: WithClient): Command {
  const plan = new Command('plan').description('planning periods and sprints: list, show, create, schedule');

  plan.command('list')
    .description('planning periods, the latest first')
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean }, cmd: Command) => withClient(cmd, async (c) => {
      const periods = await c.listPeriods();
      printRows(periods, [
        { header: 'name', value: (p) => p.name },
        { header: 'from', value: (p) => p.startsOn },
        { header: 'to', value: (p) => p.endsOn },
        { header: 'sprints', value: (p) => p.sprintCount },
        { header: 'capacity', value: (p) => p.capacity },
        { header: 'safety share', value: (p) => `${Math.round(p.safetyShare * 1000) / 10}%` },
      ], opts.json ? 'json' : 'table');
    }));

  plan.command('show <period>')
    .description('the plan of a period (name or id): per sprint the safety reserve, effort used, items and warnings')
    .option('--json', 'JSON output')
    .action(async (period: string, opts: { json?: boolean }, cmd: Command) => withClient(cmd, async (c) => {
      const p = await c.getPlan(period);
      if (opts.json) printJson(p);
      else printPlan(p);
    }));

  plan.command('create <name>')
    .description('create a planning period split into equal sprints')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .requiredOption('--sprints <n>', 'number of sprints')
    .requiredOption('--capacity <points>', 'team capacity of each sprint, in effort points')
    .option('--safety-share <share>', "share of capacity reserved for safety work, e.g. 0.15 (default: the organization's)")
    .option('--json', 'JSON output')
    .action(async (name: string, o: { from: string; to: string; sprints: string; capacity: string; safetyShare?: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const p = await c.createPeriod({
          name, startsOn: o.from, endsOn: o.to, safetyShare: o.safetyShare === undefined ? undefined : Number(o.safetyShare),
          sprints: { count: Number(o.sprints), capacity: Number(o.capacity) },
        });
        if (o.json) return printJson(p);
        process.stdout.write(`Created ${p.name}: ${p.sprintCount} sprints, ${p.capacity} capacity, ${Math.round(p.safetyShare * 1000) / 10}% reserved for safety work\n`);
        return undefined;
      }));

  plan.command('schedule <item>')
    .description('schedule a remediation item (id or REM-n) into a sprint; moving it later is a deferral and needs --rationale')
    .requiredOption('--period <period>', 'period name or id')
    .option('--sprint <sprint>', 'sprint position, name or id')
    .option('--unschedule', 'take the item out of its sprint (a deferral)')
    .option('--rationale <text>', 'why (required for a deferral)')
    .option('--json', 'JSON output')
    .action(async (item: string, o: { period: string; sprint?: string; unschedule?: boolean; rationale?: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        if (!o.sprint && !o.unschedule) throw new Error('give --sprint <sprint>, or --unschedule');
        const sprintId = o.unschedule ? null : sprintOf(await c.getPlan(o.period), o.sprint!).id;
        const r = await c.schedule(item, { sprintId, rationale: o.rationale });
        if (o.json) return printJson(r);
        const where = r.sprint ? `${r.sprint.name} (reserve ${r.sprint.reserve}, used ${r.sprint.used})` : 'no sprint';
        process.stdout.write(`REM-${r.item.number}: ${r.decision} → ${where}\n`);
        for (const d of r.displaced) process.stdout.write(`  displaced from the safety reserve: REM-${d.number} ${d.title}\n`);
        return undefined;
      }));
  return plan;
}
