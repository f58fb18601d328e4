/** `keel tokens create`: a personal API token for the API and `keel --server`. */
import { Command } from 'commander';
import type { WithClient } from '../main.ts';

export function tokenCommands(withClient: WithClient): Command {
  const tokens = new Command('tokens').description('personal API tokens');
  tokens.command('create <name>')
    .description('create an API token (printed once; only its hash is stored)')
    .option('--as <email>', 'on the local database: the person the token belongs to')
    .option('--expires-in-days <n>', 'expiry in days (default: never)')
    .action(async (name: string, opts: { as?: string; expiresInDays?: string }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const t = await c.createToken(name, opts.expiresInDays ? Number(opts.expiresInDays) : undefined, opts.as);
        process.stderr.write(`API token "${t.name}" created. It is shown once; store it now:\n`);
        process.stdout.write(`${t.token}\n`);
      }));
  return tokens;
}
