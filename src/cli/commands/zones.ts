/** `keel zones …`: list, show, hand off, the ownership report, bulk import. */
import { readFile, stat } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { BUCKETS, TIERS } from '../../domain/zones.ts';
import { detectZoneFileFormat } from '../../services/zone-import.ts';
import type { WithClient } from '../main.ts';
import { formatOf, printJson, printRows } from '../output.ts';
import { withStatus } from '../progress.ts';

export function zoneCommands(withClient: WithClient): Command {
  const zones = new Command('zones').description('zones and their owners');

  zones.command('list')
    .description('list zones')
    .option('--product <key>', 'product key')
    .addOption(new Option('--tier <tier>').choices([...TIERS]))
    .addOption(new Option('--bucket <bucket>').choices([...BUCKETS]))
    .option('--q <text>', 'text search')
    .option('--limit <n>', 'how many', '200')
    .option('--offset <n>', 'skip this many', '0')
    .option('--json', 'JSON output').option('--csv', 'CSV output')
    .action(async (opts: { product?: string; tier?: string; bucket?: string; q?: string; limit: string; offset: string; json?: boolean; csv?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const page = await c.listZones({ ...opts, limit: Number(opts.limit), offset: Number(opts.offset) });
        printRows(page.items, [
          { header: 'key', value: (z) => z.key },
          { header: 'name', value: (z) => z.name },
          { header: 'product', value: (z) => z.product.key },
          { header: 'tier', value: (z) => z.tier },
          { header: 'buckets', value: (z) => z.buckets.join(' ') },
          { header: 'owner', value: (z) => `${z.owner.email}${z.owner.status === 'active' ? '' : ` (${z.owner.status})`}` },
          { header: 'deputy', value: (z) => z.deputy?.email ?? '' },
        ], formatOf(opts), page);
        if (formatOf(opts) === 'table' && page.total > page.items.length) {
          process.stderr.write(`${page.items.length} of ${page.total} zones; use --offset/--limit for more\n`);
        }
      }));

  zones.command('show <zone>')
    .description('one zone with its ownership history')
    .option('--json', 'JSON output')
    .action(async (ref: string, opts: { json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const [zone, handoffs] = await Promise.all([c.getZone(ref), c.zoneHandoffs(ref)]);
        if (opts.json) return printJson({ ...zone, handoffs });
        process.stdout.write([
          `${zone.name} (${zone.key})`,
          `  product:  ${zone.product.name}`,
          `  tier:     ${zone.tier}    buckets: ${zone.buckets.join(', ')}`,
          `  owner:    ${zone.owner.name} <${zone.owner.email}>${zone.owner.status === 'active' ? '' : ` [${zone.owner.status}]`}`,
          `  deputy:   ${zone.deputy ? `${zone.deputy.name} <${zone.deputy.email}>` : '(none)'}`,
          ...(zone.description ? [`  ${zone.description}`] : []),
          '',
          'Ownership history:',
          ...handoffs.map((h) => `  ${h.at.slice(0, 16).replace('T', ' ')}  ${h.from ? `${h.from.name} → ` : ''}${h.to.name}: ${h.reason}`),
          '',
        ].join('\n'));
        return undefined;
      }));

  zones.command('handoff <zone>')
    .description('hand a zone off to another lead')
    .requiredOption('--to <email>', 'the new owner')
    .requiredOption('--reason <text>', 'why (kept in the ownership history)')
    .action(async (ref: string, opts: { to: string; reason: string }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const z = await c.handoff(ref, opts.to, opts.reason);
        process.stdout.write(`${z.name} is now owned by ${z.owner.name} <${z.owner.email}>\n`);
      }));

  zones.command('report')
    .description('the ownership report: zones by tier, leads by load, zones at risk')
    .option('--json', 'JSON output').option('--csv', 'CSV output, one row per zone')
    .action(async (opts: { json?: boolean; csv?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        if (opts.csv) return void process.stdout.write(await c.ownershipReportCsv());
        const report = await c.ownershipReport();
        if (opts.json) return printJson(report);
        const t = report.totals;
        process.stdout.write(`${t.zones} zones (tier1 ${t.byTier.tier1}, tier2 ${t.byTier.tier2}, tier3 ${t.byTier.tier3}, tier4 ${t.byTier.tier4}), ${t.owners} owners, ${t.atRisk} at risk\n\nLeads by load\n`);
        printRows(report.leads, [
          { header: 'lead', value: (l) => `${l.user.name} <${l.user.email}>` },
          { header: 'zones', value: (l) => l.total },
          ...TIERS.map((tier) => ({ header: tier, value: (l: (typeof report.leads)[number]) => l.byTier[tier] })),
        ], 'table');
        const atRisk = (title: string, list: typeof report.ownerInactive) => {
          process.stdout.write(`\n${title}: ${list.length === 0 ? 'none' : ''}\n`);
          if (list.length > 0) {
            printRows(list, [
              { header: 'zone', value: (z) => z.key }, { header: 'tier', value: (z) => z.tier },
              { header: 'owner', value: (z) => `${z.owner.email} (${z.owner.status})` },
            ], 'table');
          }
        };
        atRisk('Zones whose owner is inactive or has left', report.ownerInactive);
        atRisk('Tier-1 zones without a deputy', report.tier1WithoutDeputy);
        process.stdout.write('\nZones by tier\n');
        printRows(report.zonesByTier.flatMap((g) => g.zones), [
          { header: 'tier', value: (z) => z.tier }, { header: 'zone', value: (z) => z.key },
          { header: 'product', value: (z) => z.product.key }, { header: 'owner', value: (z) => z.owner.email },
          { header: 'deputy', value: (z) => z.deputy?.email ?? '' },
        ], 'table');
        return undefined;
      }));

  zones.command('import <file>')
    .description('create or update products, zones and owners from a CSV or YAML file, in one transaction')
    .addOption(new Option('--format <format>', 'file format (default: from the file name)').choices(['csv', 'yaml']))
    .option('--dry-run', 'check the file and report what would change, writing nothing')
    .option('--json', 'JSON output')
    .action(async (file: string, opts: { format?: 'csv' | 'yaml'; dryRun?: boolean; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const size = (await stat(file)).size;
        const text = await readFile(file, 'utf8');
        const format = opts.format ?? detectZoneFileFormat(file, undefined);
        const s = await withStatus(`Importing ${file} (${(size / 1024).toFixed(1)} KiB, one transaction)`, opts.json === true,
          () => c.importZones(text, format, opts.dryRun ?? false));
        if (opts.json) return printJson(s);
        process.stdout.write(`${s.dryRun ? 'Dry run (nothing written): ' : ''}${s.rows} rows from ${file}\n`);
        printRows([s], [
          { header: 'products +', value: (x) => x.productsCreated }, { header: 'products ~', value: (x) => x.productsUpdated },
          { header: 'zones +', value: (x) => x.zonesCreated }, { header: 'zones ~', value: (x) => x.zonesUpdated },
          { header: 'unchanged', value: (x) => x.zonesUnchanged }, { header: 'handoffs', value: (x) => x.handoffs },
          { header: 'new people', value: (x) => x.membersAdded },
        ], 'table');
        if (s.membersAdded > 0 && !s.dryRun) {
          process.stdout.write(`${s.membersAdded} new members were added as leads without a password: set one with \`keel users set-password\`\n`);
        }
        return undefined;
      }));
  return zones;
}
