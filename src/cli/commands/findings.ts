/** `keel findings …`: list with filters, show one with its evidence and history, add one by hand. */
import { Command, Option } from 'commander';
import { SEVERITIES } from '../../domain/severity.ts';
import type { WithClient } from '../main.ts';
import { formatOf, printJson, printRows } from '../output.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function findingCommands(withClient: WithClient): Command {
  const findings = new Command('findings').description('findings: list, show, add by hand');

  findings.command('list')
    .description('list findings, most severe first')
    .option('--zone <zone>', 'zone key')
    .option('--severity <list>', `comma-separated: ${SEVERITIES.join(',')}`)
    .option('--status <list>', 'comma-separated: open,fixed_unverified,verified')
    .option('--tool <format>', 'promptfoo, garak, sarif, generic, inspect or manual')
    .option('--category <id>', 'e.g. owasp-llm:LLM01 or cwe:79')
    .option('--q <text>', 'text in the title, description, rule, target or location')
    .option('--regressed', 'only findings that came back after a fix')
    .option('--unrouted', 'only findings no zone took')
    .option('--exercise <id>', 'only findings of this red-team exercise')
    .option('--limit <n>', 'how many', '100')
    .option('--offset <n>', 'skip this many', '0')
    .option('--json', 'JSON output').option('--csv', 'CSV output')
    .action(async (opts: Record<string, string | boolean | undefined>, cmd: Command) =>
      withClient(cmd, async (c) => {
        const { json, csv, regressed, unrouted, ...rest } = opts;
        const page = await c.listFindings({
          ...(rest as Record<string, string>), regressed: regressed ? 'true' : undefined, unrouted: unrouted ? 'true' : undefined,
        });
        printRows(page.items, [
          { header: 'id', value: (f) => f.id },
          { header: 'severity', value: (f) => f.severity },
          { header: 'title', value: (f) => f.title.length > 70 ? `${f.title.slice(0, 69)}…` : f.title },
          { header: 'zone', value: (f) => f.zone?.key ?? '(unrouted)' },
          { header: 'tool', value: (f) => f.format },
          { header: 'status', value: (f) => `${f.status}${f.regressed ? ' (regressed)' : ''}` },
          { header: 'last seen', value: (f) => f.lastSeenAt.slice(0, 10) },
        ], formatOf({ json: json === true, csv: csv === true }), page);
        if (!json && !csv && page.total > page.items.length) {
          process.stderr.write(`${page.items.length} of ${page.total} findings; use --offset/--limit for more\n`);
        }
      }));

  findings.command('show <id>')
    .description('one finding: hypothesis, evidence and the runs that saw it')
    .option('--json', 'JSON output')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const f = await c.getFinding(id);
        if (opts.json) return printJson(f);
        const line = (label: string, value: string | number | null | undefined) =>
          (value === null || value === undefined || value === '' ? [] : [`  ${label.padEnd(16)}${value}`]);
        process.stdout.write([
          `${f.title}`,
          ...line('severity', f.severity), ...line('status', `${f.status}${f.regressed ? `, regressed ${f.regressionCount}×` : ''}`),
          ...line('zone', f.zone ? `${f.zone.name} (${f.zone.key})` : '(unrouted)'),
          ...line('tool / rule', `${f.format} / ${f.ruleId}`), ...line('target', f.target), ...line('location', f.location),
          ...line('categories', f.categories.join(', ')),
          ...line('failed', f.counts ? `${f.counts.failed} of ${f.counts.total}` : null),
          ...line('first seen', f.firstSeenAt), ...line('last seen', f.lastSeenAt),
          ...line('introduced in', f.introducedIn), ...line('time to detect', f.timeToDetectDays === null ? null : `${f.timeToDetectDays} days`),
          ...line('user scenario', f.userScenario), ...line('threat model', f.threatModel), ...line('system boundary', f.systemBoundary),
          ...line('exercise', f.exercise?.name),
          '', ...(f.description ? [f.description, ''] : []),
          ...f.evidence.flatMap((e, i) => [`Evidence ${i + 1}${e.label ? ` (${e.label})` : ''}:`,
            ...line('prompt', e.prompt), ...line('response', e.response), ...line('reason', e.reason), ...line('score', e.score),
            ...line('location', e.location), ...line('snippet', e.snippet)]),
          ...(f.history.length ? ['', 'Runs:', ...f.history.map((h) => `  ${h.importedAt.slice(0, 16).replace('T', ' ')}  ${h.outcome.padEnd(15)} ${h.fileName}`)] : []),
          '',
        ].join('\n'));
        return undefined;
      }));

  findings.command('add')
    .description('add a finding by hand (e.g. from a manual red-team exercise)')
    .requiredOption('--title <text>', 'what is wrong, in one line')
    .addOption(new Option('--severity <severity>').choices([...SEVERITIES]).makeOptionMandatory())
    .option('--zone <zone>', 'zone key; without one it waits in the unrouted queue (or goes to the exercise\'s zone)')
    .option('--description <text>', 'what happens and why it matters')
    .option('--rule <id>', 'what kind of weakness (e.g. a plugin id)')
    .option('--target <target>', 'the system under test')
    .option('--location <where>', 'file, endpoint or screen')
    .option('--mitigation <text>', 'how it could be fixed')
    .option('--category <id>', 'a category id (repeatable), e.g. owasp-llm:LLM01', collect)
    .option('--prompt <text>', 'evidence: what was sent')
    .option('--response <text>', 'evidence: what came back')
    .option('--reason <text>', 'evidence: why it is a failure')
    .option('--user-scenario <text>', 'the user scenario in which it hurts someone')
    .option('--threat-model <text>', 'who exploits it and how')
    .option('--system-boundary <text>', 'which system boundary it crosses')
    .option('--introduced-in <release>', 'release or date (YYYY-MM-DD) in which it was introduced')
    .option('--exercise <id>', 'the red-team exercise that produced it')
    .option('--json', 'JSON output')
    .action(async (o: Record<string, string | string[] | boolean | undefined>, cmd: Command) =>
      withClient(cmd, async (c) => {
        const s = (k: string) => o[k] as string | undefined;
        const evidence = s('prompt') || s('response') || s('reason')
          ? [{ prompt: s('prompt'), response: s('response'), reason: s('reason') }] : [];
        const f = await c.addFinding({
          title: s('title')!, severity: s('severity') as never, zone: s('zone'), description: s('description'), ruleId: s('rule'),
          target: s('target'), location: s('location'), mitigation: s('mitigation'), categories: (o.category as string[] | undefined) ?? [],
          evidence, userScenario: s('userScenario'), threatModel: s('threatModel'), systemBoundary: s('systemBoundary'),
          introducedIn: s('introducedIn'), exerciseId: s('exercise'),
        });
        if (o.json) return printJson(f);
        process.stdout.write(`Added finding ${f.id} (${f.severity}) to ${f.zone ? `zone ${f.zone.key}` : 'the unrouted queue'}\n`);
        return undefined;
      }));
  return findings;
}
