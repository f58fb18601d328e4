/** `keel orgs …`: organizations on the local database (an operator task). */
import { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { openKeel } from '../../composition.ts';
import { formatOf, printRows } from '../output.ts';

export function orgCommands(): Command {
  const orgs = new Command('orgs').description('organizations (local database only)');
  orgs.command('list')
    .description('list organizations')
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean }) => {
      const keel = await openKeel(loadConfig());
      try {
        const list = await keel.services.orgs.list();
        printRows(list, [{ header: 'slug', value: (o) => o.slug }, { header: 'name', value: (o) => o.name }], formatOf(opts));
      } finally {
        await keel.close();
      }
    });
  orgs.command('create <slug> <name>')
    .description('create an organization with its first admin')
    .requiredOption('--admin-email <email>', 'email of the first admin')
    .requiredOption('--admin-name <name>', 'name of the first admin')
    .option('--admin-password <password>', 'password of the first admin (or env KEEL_ADMIN_PASSWORD)')
    .action(async (slug: string, name: string, opts: { adminEmail: string; adminName: string; adminPassword?: string }) => {
      const keel = await openKeel(loadConfig());
      try {
        const org = await keel.services.orgs.create({
          slug, name,
          admin: { email: opts.adminEmail, name: opts.adminName, password: opts.adminPassword ?? process.env.KEEL_ADMIN_PASSWORD },
        });
        process.stdout.write(`Created ${org.name} (${org.slug}) with admin ${opts.adminEmail}\n`);
      } finally {
        await keel.close();
      }
    });
  return orgs;
}
