/** `keel users …`: members and roles. */
import { Command, Option } from 'commander';
import { ROLES, type Role } from '../../domain/roles.ts';
import type { WithClient } from '../main.ts';
import { formatOf, printRows, type Format } from '../output.ts';
import type { Member } from '../../contracts/users.ts';

const roleOption = () => new Option('--role <role>', 'role').choices(ROLES as unknown as string[]);

function printMembers(members: Member[], format: Format) {
  printRows(members, [
    { header: 'email', value: (m) => m.email },
    { header: 'name', value: (m) => m.name },
    { header: 'role', value: (m) => m.role },
    { header: 'status', value: (m) => m.status },
    { header: 'zones owned', value: (m) => m.zonesOwned },
    { header: 'can sign in', value: (m) => (m.hasPassword ? 'yes' : 'no (no password)') },
  ], format);
}

export function userCommands(withClient: WithClient): Command {
  const users = new Command('users').description('members of the organization and their roles');

  users.command('list')
    .description('list members')
    .addOption(roleOption())
    .addOption(new Option('--status <status>').choices(['active', 'deactivated']))
    .option('--json', 'JSON output').option('--csv', 'CSV output')
    .action(async (opts: { role?: Role; status?: 'active' | 'deactivated'; json?: boolean; csv?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => printMembers(await c.listUsers({ role: opts.role, status: opts.status }), formatOf(opts))));

  users.command('add <email>')
    .description('add a member (creates the account if the email is new)')
    .requiredOption('--name <name>', 'full name')
    .addOption(roleOption().makeOptionMandatory())
    .option('--password <password>', 'initial password (or env KEEL_NEW_PASSWORD); without one they cannot sign in yet')
    .action(async (email: string, opts: { name: string; role: Role; password?: string }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const m = await c.addUser({ email, name: opts.name, role: opts.role, password: opts.password ?? process.env.KEEL_NEW_PASSWORD });
        process.stdout.write(`Added ${m.name} <${m.email}> as ${m.role}\n`);
      }));

  users.command('set-role <email> <role>')
    .description('change a member\'s role (refused if it would leave their zones without a lead)')
    .action(async (email: string, role: string, _opts: unknown, cmd: Command) =>
      withClient(cmd, async (c) => {
        if (!(ROLES as readonly string[]).includes(role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
        const m = await c.updateUser(email, { role: role as Role });
        process.stdout.write(`${m.name} is now ${m.role}\n`);
      }));

  for (const [name, status, verb] of [['deactivate', 'deactivated', 'Deactivated'], ['reactivate', 'active', 'Reactivated']] as const) {
    users.command(`${name} <email>`)
      .description(name === 'deactivate' ? 'deactivate a member (refused while they own or deputize zones)' : 'reactivate a member')
      .action(async (email: string, _opts: unknown, cmd: Command) =>
        withClient(cmd, async (c) => {
          const m = await c.updateUser(email, { status });
          process.stdout.write(`${verb} ${m.name} <${m.email}>\n`);
        }));
  }

  users.command('remove <email>')
    .description('remove a member from the organization (refused while they own or deputize zones)')
    .action(async (email: string, _opts: unknown, cmd: Command) =>
      withClient(cmd, async (c) => {
        await c.removeUser(email);
        process.stdout.write(`Removed ${email}\n`);
      }));

  users.command('set-password <email>')
    .description('set a member\'s password (first sign-in or reset); reads KEEL_NEW_PASSWORD if --password is not given')
    .option('--password <password>', 'the new password')
    .action(async (email: string, opts: { password?: string }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const password = opts.password ?? process.env.KEEL_NEW_PASSWORD;
        if (!password) throw new Error('give --password or set KEEL_NEW_PASSWORD');
        await c.setPassword(email, password);
        process.stdout.write(`Password set for ${email}; their other sessions were signed out\n`);
      }));
  return users;
}
