/** `keel audit …`: verify the hash chain, read the log. */
import { Command } from 'commander';
import type { WithClient } from '../main.ts';
import { EXIT, formatOf, printJson, printRows } from '../output.ts';
import { progressBar } from '../progress.ts';

export function auditCommands(withClient: WithClient, setExit: (code: number) => void): Command {
  const audit = new Command('audit').description('the audit trail');

  audit.command('verify')
    .description('recompute the hash chain of the organization; exits 10 if it was tampered with')
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const bar = progressBar('Verifying events', opts.json === true);
        const result = await c.verifyAudit((checked, total) => bar.update(checked, total));
        bar.stop();
        if (opts.json) printJson(result);
        else if (result.ok) process.stdout.write(`Audit trail intact: ${result.checked} events verified\n`);
        else process.stdout.write(`AUDIT TRAIL BROKEN at event #${result.break?.seq}: ${result.break?.message}\n(${result.checked} events before it verified)\n`);
        if (!result.ok) setExit(EXIT.verifyFailed);
      }));

  audit.command('log')
    .description('recent events, or one entity\'s history')
    .option('--zone <key>', 'history of one zone')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'JSON output').option('--csv', 'CSV output')
    .action(async (opts: { zone?: string; limit: string; json?: boolean; csv?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const entity = opts.zone ? { type: 'zone', id: (await c.getZone(opts.zone)).id } : null;
        const events = await c.events(entity, Number(opts.limit));
        printRows(events, [
          { header: '#', value: (e) => e.seq },
          { header: 'at', value: (e) => e.at.slice(0, 19).replace('T', ' ') },
          { header: 'actor', value: (e) => e.actorName ?? e.actor },
          { header: 'action', value: (e) => e.action },
          { header: 'entity', value: (e) => `${e.entityType}:${e.entityId.slice(0, 8)}` },
        ], formatOf(opts));
      }));
  return audit;
}
