/** `keel launch …` (list, plan) and `keel prd list`; the gate itself is `keel gate check` (gate.ts). */
import { Command } from 'commander';
import type { WithClient } from '../main.ts';
import { formatOf, printJson, printRows } from '../output.ts';

export function launchCommands(withClient: WithClient): Command {
  const launch = new Command('launch').description('planned launches and their decisions');
  launch.command('list')
    .description('launches, latest planned date first')
    .option('--zone <zone>', 'zone key')
    .option('--json', 'JSON output').option('--csv', 'CSV output')
    .action(async (opts: { zone?: string; json?: boolean; csv?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        printRows(await c.listLaunches({ zone: opts.zone }), [
          { header: 'id', value: (l) => l.id },
          { header: 'zone', value: (l) => l.zone.key },
          { header: 'name', value: (l) => l.name },
          { header: 'planned', value: (l) => l.plannedOn },
          { header: 'status', value: (l) => `${l.status}${l.override ? ' (OVERRIDE)' : ''}` },
          { header: 'PRD', value: (l) => (l.prd ? l.prd.status : '') },
        ], formatOf(opts));
      }));
  launch.command('create <name>')
    .description('plan a launch in a zone')
    .requiredOption('--zone <zone>', 'zone key')
    .requiredOption('--date <date>', 'planned date, YYYY-MM-DD')
    .option('--prd <id>', 'the PRD reviewed for it')
    .option('--premortem <id>', 'its pre-mortem')
    .option('--json', 'JSON output')
    .action(async (name: string, o: { zone: string; date: string; prd?: string; premortem?: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const l = await c.createLaunch({ zone: o.zone, name, plannedOn: o.date, prdId: o.prd, premortemId: o.premortem });
        if (o.json) return printJson(l);
        process.stdout.write(`Planned launch ${l.id}: ${l.name} in zone ${l.zone.key} on ${l.plannedOn}\n`);
        return undefined;
      }));
  return launch;
}

export function prdCommands(withClient: WithClient): Command {
  const prd = new Command('prd').description('PRD reviews');
  prd.command('list')
    .description('PRDs with their review status')
    .option('--zone <zone>', 'zone key')
    .option('--json', 'JSON output').option('--csv', 'CSV output')
    .action(async (opts: { zone?: string; json?: boolean; csv?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        printRows(await c.listPrds({ zone: opts.zone }), [
          { header: 'id', value: (p) => p.id },
          { header: 'zone', value: (p) => p.zone.key },
          { header: 'title', value: (p) => p.title },
          { header: 'status', value: (p) => p.status },
          { header: 'failure modes', value: (p) => p.failureModeCount },
        ], formatOf(opts));
      }));
  return prd;
}
