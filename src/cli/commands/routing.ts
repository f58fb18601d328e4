/** `keel routing …`: the rules that send findings of zone-less runs to zones. */
import { Command, Option } from 'commander';
import type { WithClient } from '../main.ts';
import { formatOf, printJson, printRows } from '../output.ts';

export function routingCommands(withClient: WithClient): Command {
  const routing = new Command('routing').description('routing rules: which zone takes the findings of a run imported without --zone');

  routing.command('list')
    .description('rules in the order they are tried (first match wins)')
    .option('--json', 'JSON output').option('--csv', 'CSV output')
    .action(async (opts: { json?: boolean; csv?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        printRows(await c.listRoutingRules(), [
          { header: '#', value: (r) => r.position },
          { header: 'field', value: (r) => r.field },
          { header: 'pattern', value: (r) => r.pattern },
          { header: 'tool', value: (r) => r.format ?? 'any' },
          { header: 'zone', value: (r) => r.zone.key },
          { header: 'id', value: (r) => r.id },
        ], formatOf(opts));
      }));

  routing.command('add')
    .description('add a rule: findings whose field matches the glob (* and ?) go to the zone')
    .addOption(new Option('--field <field>').choices(['target', 'rule', 'location']).makeOptionMandatory())
    .requiredOption('--pattern <glob>', 'e.g. openai:gpt-* or src/search/*')
    .requiredOption('--zone <zone>', 'zone key')
    .addOption(new Option('--tool <format>', 'only for runs of this format').choices(['promptfoo', 'garak', 'sarif', 'generic', 'inspect']))
    .option('--position <n>', 'where to insert it (1 = first); default last')
    .option('--json', 'JSON output')
    .action(async (o: { field: 'target' | 'rule' | 'location'; pattern: string; zone: string; tool?: 'sarif'; position?: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const r = await c.addRoutingRule({
          field: o.field, pattern: o.pattern, zone: o.zone, format: o.tool, position: o.position ? Number(o.position) : undefined,
        });
        if (o.json) return printJson(r);
        process.stdout.write(`Rule ${r.position}: ${r.field} ~ ${r.pattern} → ${r.zone.key}\n`);
        return undefined;
      }));

  routing.command('remove <id>')
    .description('remove a rule')
    .action(async (id: string, _o: unknown, cmd: Command) =>
      withClient(cmd, async (c) => {
        await c.removeRoutingRule(id);
        process.stdout.write('Removed\n');
      }));
  return routing;
}
