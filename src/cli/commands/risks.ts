/** `keel risks …`: the residual risk register — list, show, approve, expire, export. */
import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import type { WithClient } from '../main.ts';
import { formatOf, printJson, printRows } from '../output.ts';

type Opts = Record<string, string | boolean | undefined>;

/** The list filters as the API takes them. */
const filterOf = (o: Opts) => ({
  zone: o.zone as string | undefined, status: o.status as string | undefined, residualSeverity: o.severity as string | undefined,
  expiringWithinDays: o.expiring as string | undefined,
});

const withFilters = (c: Command) => c
  .option('--zone <zone>', 'zone key')
  .option('--status <list>', 'comma-separated: draft,approved,expired,revoked')
  .option('--severity <list>', 'residual severity, comma-separated')
  .option('--expiring <days>', 'live entries expiring within this many days');

export function riskCommands(withClient: WithClient): Command {
  const risks = new Command('risks').description('the residual risk register: list, show, approve, expire, export');

  withFilters(risks.command('list').description('risk acceptances, soonest expiry first'))
    .option('--limit <n>', 'how many', '100').option('--offset <n>', 'skip this many', '0')
    .option('--json', 'JSON output').option('--csv', 'CSV output')
    .action(async (o: Opts, cmd: Command) => withClient(cmd, async (c) => {
      const page = await c.listRisks({ ...filterOf(o), limit: o.limit as string, offset: o.offset as string });
      printRows(page.items, [
        { header: 'key', value: (r) => r.key },
        { header: 'status', value: (r) => r.status },
        { header: 'residual', value: (r) => r.residualSeverity ?? '—' },
        { header: 'zone', value: (r) => r.zone?.key ?? '' },
        { header: 'title', value: (r) => (r.title.length > 50 ? `${r.title.slice(0, 49)}…` : r.title) },
        { header: 'expires', value: (r) => `${r.expiresOn}${r.status === 'draft' || r.status === 'approved' ? ` (${r.daysToExpiry} d)` : ''}` },
        { header: 'findings', value: (r) => r.findingCount },
        { header: 'needs', value: (r) => r.approval.missing.map((m) => m.capacity).join(', ') },
      ], formatOf({ json: o.json === true, csv: o.csv === true }), page);
    }));

  risks.command('show <risk>')
    .description('one acceptance (RISK-12 or its id): what is accepted, signatures given and needed, findings')
    .option('--json', 'JSON output')
    .action(async (ref: string, o: { json?: boolean }, cmd: Command) => withClient(cmd, async (c) => {
      const r = await c.getRisk(ref);
      if (o.json) return printJson(r);
      const line = (label: string, v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? [] : [`  ${label.padEnd(14)}${v}`]);
      const exposure = [r.exposure.text, r.exposure.amount !== null ? `${r.exposure.amount} ${r.exposure.unit ?? ''}` : ''].filter(Boolean).join(' · ');
      process.stdout.write([
        `${r.key}  ${r.title}`,
        ...line('status', r.status), ...line('zone', r.zone ? `${r.zone.name} (${r.zone.key}), owner ${r.zone.ownerName}` : 'not set'),
        ...line('residual', r.residualSeverity ?? 'not set'), ...line('exposure', exposure),
        ...line('review on', r.reviewOn), ...line('expires on', `${r.expiresOn} (${r.daysToExpiry} days)`),
        ...line('justification', r.justification), ...line('controls', r.compensatingControls),
        ...line('signed', r.approval.signed.map((s) => `${s.name ?? s.signer} as ${s.capacity}, ${s.signedAt.slice(0, 10)}`).join('; ')),
        ...line('still needed', r.approval.missing.map((m) => m.who).join(' and ')),
        ...line('needs first', r.approvalBlockers.map((b) => b.message).join('; ')),
        ...line('revoked', r.revokeReason), ...line('lapsed', r.lapsedFindings === null ? null : `${r.lapsedFindings} finding(s) back to triage`),
        ...(r.findings.length ? ['', `Findings (${r.findingCount}):`, ...r.findings.map((f) => `  ${f.id}  ${f.severity.padEnd(9)}${f.triage.padEnd(15)}${f.title}`)] : []),
        '',
      ].join('\n'));
      return undefined;
    }));

  risks.command('approve <risk>')
    .description('sign an acceptance: as its zone owner, or as an admin when the residual severity is critical')
    .option('--json', 'JSON output')
    .action(async (ref: string, o: { json?: boolean }, cmd: Command) => withClient(cmd, async (c) => {
      const r = await c.approveRisk(ref);
      if (o.json) return printJson(r);
      process.stdout.write(r.status === 'approved' ? `${r.key} is approved\n`
        : `${r.key} signed; still needed: ${r.approval.missing.map((m) => m.who).join(' and ')}\n`);
      return undefined;
    }));

  risks.command('expire')
    .description('lapse every acceptance whose expiry date has come: its findings go back to triage and the owner\'s queue')
    .option('--json', 'JSON output')
    .action(async (o: { json?: boolean }, cmd: Command) => withClient(cmd, async (c) => {
      const r = await c.expireRisks();
      if (o.json) return printJson(r);
      process.stdout.write(r.expired.length === 0 ? 'Nothing to expire\n'
        : `${r.expired.map((e) => `${e.key} expired (${e.findingsReopened} finding(s) reopened)`).join('\n')}\n`);
      return undefined;
    }));

  withFilters(risks.command('export').description('the register as CSV (to stdout, or --out file)'))
    .option('--out <file>', 'write to this file')
    .action(async (o: Opts, cmd: Command) => withClient(cmd, async (c) => {
      const text = await c.risksCsv(filterOf(o));
      if (typeof o.out === 'string') {
        await writeFile(o.out, text);
        process.stderr.write(`Wrote ${text.split('\n').filter(Boolean).length - 1} acceptance(s) to ${o.out}\n`);
      } else process.stdout.write(text);
    }));

  return risks;
}
