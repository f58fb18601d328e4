/** `keel debt`: safety debt per item, zone and owner; `keel debt escalate` applies the escalation rule. */
import { Command } from 'commander';
import type { WithClient } from '../main.ts';
import { printJson, printRows } from '../output.ts';

export function debtCommands(withClient: WithClient): Command {
  const debt = new Command('debt')
    .description('safety debt of open items past their SLA (effort × interest per sprint overdue)')
    .option('--zone <zone>', 'zone key')
    .option('--owner <email>', 'accountable owner (email)')
    .option('--json', 'JSON output')
    .action(async (o: { zone?: string; owner?: string; json?: boolean }, cmd: Command) => withClient(cmd, async (c) => {
      const r = await c.debt({ zone: o.zone, owner: o.owner });
      if (o.json) return printJson(r);
      printRows(r.items, [
        { header: 'item', value: (i) => `REM-${i.number}` },
        { header: 'title', value: (i) => (i.title.length > 50 ? `${i.title.slice(0, 49)}…` : i.title) },
        { header: 'zone', value: (i) => i.zone.key },
        { header: 'owner', value: (i) => i.owner.email },
        { header: 'effort', value: (i) => i.effort },
        { header: 'sprints overdue', value: (i) => i.sprintsOverdue },
        { header: 'factor', value: (i) => Math.round(i.factor * 1000) / 1000 },
        { header: 'debt', value: (i) => i.debt },
        { header: 'escalated', value: (i) => (i.escalatedAt ? i.escalatedAt.slice(0, 10) : '') },
      ], 'table');
      const lines = [
        `Total safety debt: ${r.total}`,
        ...r.zones.map((z) => `  zone ${z.zone.key}: ${z.debt}${z.overThreshold ? ` (above the threshold of ${r.rules.zoneDebtThreshold})` : ''}`),
        ...r.owners.map((x) => `  owner ${x.owner.email}: ${x.debt}`), '',
      ];
      process.stdout.write(lines.join('\n'));
      return undefined;
    }));

  debt.command('escalate')
    .description('escalate open items overdue for too long or in a zone over its debt threshold')
    .option('--json', 'JSON output')
    .action(async (o: { json?: boolean }, cmd: Command) => withClient(cmd, async (c) => {
      const r = await c.escalate();
      if (o.json) return printJson(r);
      if (r.escalated.length === 0) process.stdout.write('Nothing to escalate\n');
      for (const i of r.escalated) process.stdout.write(`Escalated REM-${i.number} ${i.title}: ${i.reason}\n`);
      return undefined;
    }));
  return debt;
}
