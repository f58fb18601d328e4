/** `keel remediations …`: list, show, create, move along the status flow, check criteria off. */
import { Command, Option } from 'commander';
import type { RemediationStatus } from '../../contracts/remediations.ts';
import { SEVERITIES } from '../../domain/severity.ts';
import type { WithClient } from '../main.ts';
import { formatOf, printJson, printRows } from '../output.ts';
import { userIds } from '../user-ref.ts';

const STATUSES: RemediationStatus[] = ['planned', 'in_progress', 'fixed', 'verified', 'obsolete', 'reopened'];
const collect = (value: string, previous: string[] = []) => [...previous, value];
const hours = (h: number) => (Math.abs(h) >= 48 ? `${Math.round(h / 24)} d` : `${Math.round(h)} h`);

export function remediationCommands(withClient: WithClient): Command {
  const rem = new Command('remediations').description('remediation items: list, show, create, move, check criteria');

  rem.command('list')
    .description('remediation items, by priority then due date')
    .option('--zone <zone>', 'zone key')
    .option('--status <list>', `comma-separated: ${STATUSES.join(',')}`)
    .option('--assignee <email|id>', 'assigned to this person (an email, a user id, or "me")')
    .option('--overdue', 'only items past their SLA')
    .option('--q <text>', 'text in the title or description')
    .option('--limit <n>', 'how many', '100')
    .option('--offset <n>', 'skip this many', '0')
    .option('--json', 'JSON output').option('--csv', 'CSV output')
    .action(async (opts: Record<string, string | boolean | undefined>, cmd: Command) =>
      withClient(cmd, async (c) => {
        const { json, csv, overdue, assignee, ...rest } = opts;
        const page = await c.listRemediations({
          ...(rest as Record<string, string>), assignee: await userIds(c)('--assignee', assignee as string | undefined), overdue: overdue ? 'true' : undefined,
        });
        printRows(page.items, [
          { header: 'key', value: (r) => r.key },
          { header: 'priority', value: (r) => r.priority },
          { header: 'severity', value: (r) => r.severity },
          { header: 'status', value: (r) => r.status },
          { header: 'zone', value: (r) => r.zone.key },
          { header: 'title', value: (r) => (r.title.length > 50 ? `${r.title.slice(0, 49)}…` : r.title) },
          { header: 'due', value: (r) => `${r.dueAt.slice(0, 10)}${r.sla.overdue ? ' OVERDUE' : ''}${r.sla.paused ? ' (paused)' : ''}` },
          { header: 'assignee', value: (r) => r.assignee?.name ?? '' },
        ], formatOf({ json: json === true, csv: csv === true }), page);
        if (!json && !csv && page.total > page.items.length) {
          process.stderr.write(`${page.items.length} of ${page.total} items; use --offset/--limit for more\n`);
        }
      }));

  rem.command('show <item>')
    .description('one item (REM-12 or its id): scores, SLA, findings, criteria, milestones, decisions')
    .option('--json', 'JSON output')
    .action(async (ref: string, opts: { json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const r = await c.getRemediation(ref);
        if (opts.json) return printJson(r);
        const line = (label: string, value: string | number | null | undefined) =>
          (value === null || value === undefined || value === '' ? [] : [`  ${label.padEnd(14)}${value}`]);
        const sla = r.sla.overdue ? `overdue by ${hours(-r.sla.timeLeftHours)}` : `${hours(r.sla.timeLeftHours)} left`;
        process.stdout.write([
          `${r.key}  ${r.title}`,
          ...line('status', r.status), ...line('zone', `${r.zone.name} (${r.zone.key}, ${r.zone.tier}), owner ${r.zone.ownerName}`),
          ...line('priority', `${r.priority} (severity ${r.severity}, impact ${r.impact}, feasibility ${r.feasibility}, value ${r.customerValue})`),
          ...line('rationale', r.rationale),
          ...line('due', `${r.dueAt} · ${sla}${r.sla.paused ? ' · clock paused' : ''}`),
          ...line('stage', r.stage), ...line('effort', r.effort),
          ...line('assignee', r.assignee?.name), ...line('validator', r.validator?.name), ...line('monitor', r.monitor?.name),
          ...line('PRD', r.prdUrl), ...line('ADR', r.adrUrl),
          ...line('system', r.systemElement ? `${r.systemElement}${r.systemElementKind ? ` (${r.systemElementKind})` : ''}` : null),
          ...(r.description ? ['', r.description] : []),
          ...(r.criteria.length ? ['', 'Acceptance criteria:', ...r.criteria.map((k) =>
            `  ${k.metAt ? '[x]' : '[ ]'} ${k.position}. ${k.text}${k.threshold ? ` (${k.metric ?? 'threshold'}: ${k.threshold})` : ''}${k.evidence ? ` — ${k.evidence}` : ''}`)] : []),
          ...(r.milestones.length ? ['', 'Milestones:', ...r.milestones.map((m) => `  ${m.stage.padEnd(13)}${m.status}${m.targetDate ? `, target ${m.targetDate}` : ''}${m.successMetric ? ` — ${m.successMetric}` : ''}`)] : []),
          ...(r.findings.length ? ['', `Findings (${r.findingCount}):`, ...r.findings.map((f) => `  ${f.id}  ${f.severity.padEnd(9)}${f.status.padEnd(17)}${f.title}`)] : []),
          '', 'Decisions:', ...r.decisions.map((d) => `  ${d.at.slice(0, 16).replace('T', ' ')}  ${d.kind.padEnd(11)}${d.rationale}  (${d.actorName ?? d.actor})`),
          '',
        ].join('\n'));
        return undefined;
      }));

  rem.command('create')
    .description('create a remediation item (zone owner or admin), optionally from findings')
    .requiredOption('--zone <zone>', 'zone key')
    .requiredOption('--title <text>', 'what will be fixed')
    .requiredOption('--impact <1-5>', 'impact')
    .requiredOption('--feasibility <1-5>', 'feasibility (5 = easy to fix)')
    .requiredOption('--value <1-5>', 'customer value')
    .requiredOption('--rationale <text>', 'why this priority')
    .addOption(new Option('--severity <severity>', 'default: the worst of the linked findings').choices([...SEVERITIES]))
    .option('--description <text>', 'what and why')
    .option('--effort <points>', 'effort in points (default 1)')
    .option('--finding <id>', 'a finding it remediates (repeatable)', collect)
    .option('--criterion <text>', 'an acceptance criterion (repeatable)', collect)
    .option('--assignee <email|id>', 'who builds the fix')
    .option('--validator <email|id>', 'who confirms the fix')
    .option('--json', 'JSON output')
    .action(async (o: Record<string, string | string[] | boolean | undefined>, cmd: Command) =>
      withClient(cmd, async (c) => {
        const s = (k: string) => o[k] as string | undefined;
        const userIdOf = userIds(c);
        const r = await c.createRemediation({
          zone: s('zone')!, title: s('title')!, impact: Number(s('impact')), feasibility: Number(s('feasibility')),
          customerValue: Number(s('value')), rationale: s('rationale')!, severity: s('severity') as never, description: s('description'),
          effort: s('effort') === undefined ? undefined : Number(s('effort')), findingIds: o.finding as string[] | undefined,
          criteria: (o.criterion as string[] | undefined)?.map((text) => ({ text })),
          assigneeId: await userIdOf('--assignee', s('assignee')), validatorId: await userIdOf('--validator', s('validator')),
        });
        if (o.json) return printJson(r);
        process.stdout.write(`Created ${r.key} (priority ${r.priority}, due ${r.dueAt.slice(0, 10)}) in zone ${r.zone.key}\n`);
        return undefined;
      }));

  rem.command('move <item> <status>')
    .description(`move an item along its status flow: ${STATUSES.join(', ')}`)
    .option('--reason <text>', 'required for obsolete, reopened, and fixed → in_progress')
    .option('--json', 'JSON output')
    .action(async (ref: string, to: string, o: { reason?: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const r = await c.moveRemediation(ref, { to: to as RemediationStatus, reason: o.reason });
        if (o.json) return printJson(r);
        process.stdout.write(`${r.key} is now ${r.status}\n`);
        return undefined;
      }));

  rem.command('check <item> <criterion>')
    .description('check an acceptance criterion off (its number or id), as the validator')
    .requiredOption('--evidence <text>', 'what shows it is met')
    .option('--json', 'JSON output')
    .action(async (ref: string, criterion: string, o: { evidence: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        let id = criterion;
        if (/^\d+$/.test(criterion)) {
          const found = (await c.getRemediation(ref)).criteria.find((k) => k.position === Number(criterion));
          if (!found) throw new Error(`${ref} has no acceptance criterion number ${criterion}`);
          id = found.id;
        }
        const r = await c.checkCriterion(ref, id, o.evidence);
        if (o.json) return printJson(r);
        const met = r.criteria.filter((k) => k.metAt).length;
        process.stdout.write(`Checked off; ${met} of ${r.criteria.length} criteria of ${r.key} are met\n`);
        return undefined;
      }));
  return rem;
}
