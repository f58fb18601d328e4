/** The `keel` command. */
import { Command, CommanderError } from 'commander';
import { loadConfig } from '../config.ts';
import type { KeelClient } from './client.ts';
import { auditCommands } from './commands/audit.ts';
import { exerciseCommands } from './commands/exercises.ts';
import { findingCommands } from './commands/findings.ts';
import { metricsCommand } from './commands/metrics.ts';
import { importCommand } from './commands/import.ts';
import { routingCommands } from './commands/routing.ts';
import { planCommands } from './commands/plan.ts';
import { debtCommands } from './commands/debt.ts';
import { triageCommands } from './commands/triage.ts';
import { remediationCommands } from './commands/remediations.ts';
import { boardCommands } from './commands/board.ts';
import { riskCommands } from './commands/risks.ts';
import { kpiCommands } from './commands/kpi.ts';
import { gateCommands } from './commands/gate.ts';
import { launchCommands, prdCommands } from './commands/launches.ts';
import { orgCommands } from './commands/orgs.ts';
import { serveCommand, migrateCommand } from './commands/serve.ts';
import { tokenCommands } from './commands/tokens.ts';
import { userCommands } from './commands/users.ts';
import { zoneCommands } from './commands/zones.ts';
import { openLocalClient } from './local-client.ts';
import { EXIT, reportError } from './output.ts';
import { remoteClient } from './remote-client.ts';

export interface GlobalOptions { server?: string; token?: string; org?: string }

/** Runs `fn` with a client for the global options, and closes it after. */
export type WithClient = <T>(cmd: Command, fn: (client: KeelClient) => Promise<T>) => Promise<T>;

export async function main(argv: string[]): Promise<number> {
  const program = new Command('keel')
    .description('Keel: owned, measurable safety outcomes')
    .option('--server <url>', 'a Keel server to work against (default: the local embedded database); env KEEL_SERVER')
    .option('--token <token>', 'personal API token for --server; env KEEL_TOKEN')
    .option('--org <slug>', 'organization, on the local database when there are several; env KEEL_ORG')
    .showHelpAfterError()
    .exitOverride();

  const withClient: WithClient = async (cmd, fn) => {
    const g = cmd.optsWithGlobals<GlobalOptions>();
    const server = g.server ?? process.env.KEEL_SERVER;
    const token = g.token ?? process.env.KEEL_TOKEN;
    let client: KeelClient;
    if (server) {
      if (!token) throw new Error('--server needs an API token: --token <token> or KEEL_TOKEN (create one in the web app under Account)');
      client = remoteClient(server, token);
    } else {
      client = await openLocalClient(loadConfig(), g.org ?? process.env.KEEL_ORG);
    }
    try {
      return await fn(client);
    } finally {
      await client.close();
    }
  };

  let exitCode: number = EXIT.ok;
  const setExit = (code: number) => { exitCode = code; };
  program.addCommand(serveCommand());
  program.addCommand(migrateCommand());
  program.addCommand(orgCommands());
  program.addCommand(userCommands(withClient));
  program.addCommand(zoneCommands(withClient));
  program.addCommand(importCommand(withClient));
  program.addCommand(findingCommands(withClient));
  program.addCommand(metricsCommand(withClient));
  program.addCommand(exerciseCommands(withClient));
  program.addCommand(routingCommands(withClient));
  program.addCommand(planCommands(withClient));
  program.addCommand(debtCommands(withClient));
  program.addCommand(triageCommands(withClient));
  program.addCommand(remediationCommands(withClient));
  program.addCommand(riskCommands(withClient));
  program.addCommand(kpiCommands(withClient));
  program.addCommand(boardCommands(withClient));
  program.addCommand(auditCommands(withClient, setExit));
  program.addCommand(gateCommands(withClient, setExit));
  program.addCommand(launchCommands(withClient));
  program.addCommand(prdCommands(withClient));
  program.addCommand(tokenCommands(withClient));
  for (const c of program.commands) c.exitOverride();

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    return reportError(err);
  }
}
