/** `keel triage …`: the queue of findings waiting for a decision, and one decision on many findings. */
import { Command, Option } from 'commander';
import type { TriageDecide } from '../../contracts/triage.ts';
import type { WithClient } from '../main.ts';
import { formatOf, printJson, printRows } from '../output.ts';

const DECISIONS = { remediate: 'remediate', duplicate: 'duplicate', 'false-positive': 'false_positive', 'accept-risk': 'accept_risk' } as const;
type DecisionWord = keyof typeof DECISIONS;

const int = (v: string | undefined) => (v === undefined ? undefined : Number(v));

export function triageCommands(withClient: WithClient): Command {
  const triage = new Command('triage').description('triage: the queue of new and regressed findings, and decisions on them');

  triage.command('queue')
    .description('findings waiting for triage in the zones you own: tier-1 critical first, then severity, tier, oldest')
    .option('--zone <zone>', 'only this zone')
    .option('--all', 'every zone, not only yours')
    .option('--limit <n>', 'how many', '100')
    .option('--offset <n>', 'skip this many', '0')
    .option('--json', 'JSON output').option('--csv', 'CSV output')
    .action(async (o: { zone?: string; all?: boolean; limit: string; offset: string; json?: boolean; csv?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const page = await c.triageQueue({ zone: o.zone, all: o.all, limit: Number(o.limit), offset: Number(o.offset) });
        printRows(page.items, [
          { header: 'id', value: (f) => f.id },
          { header: 'severity', value: (f) => f.severity },
          { header: 'tier', value: (f) => f.zoneTier },
          { header: 'zone', value: (f) => f.zone?.key ?? '' },
          { header: 'title', value: (f) => (f.title.length > 60 ? `${f.title.slice(0, 59)}…` : f.title) },
          { header: 'state', value: (f) => (f.regressed && f.triage !== 'untriaged' ? `regressed (was ${f.triage})` : f.triage) },
          { header: 'first seen', value: (f) => f.firstSeenAt.slice(0, 10) },
        ], formatOf(o), page);
        if (!o.json && !o.csv && page.total > page.items.length) {
          process.stderr.write(`${page.items.length} of ${page.total} findings waiting; use --offset/--limit for more\n`);
        }
      }));

  triage.command('decide <finding-id...>')
    .description('one decision on one or many findings, with its rationale')
    .addOption(new Option('--decision <decision>').choices(Object.keys(DECISIONS)).makeOptionMandatory())
    .requiredOption('--rationale <text>', 'why (kept with each finding and in the audit trail)')
    .option('--remediation <item>', 'remediate: into this existing item (REM-12 or its id)')
    .option('--title <text>', 'remediate: into a new item with this title (with --zone, --impact, --feasibility, --value)')
    .option('--zone <zone>', 'remediate: the new item\'s zone')
    .option('--impact <1-5>', 'remediate: the new item\'s impact')
    .option('--feasibility <1-5>', 'remediate: the new item\'s feasibility (5 = easy)')
    .option('--value <1-5>', 'remediate: the new item\'s customer value')
    .option('--duplicate-of <finding-id>', 'duplicate: the finding these duplicate')
    .option('--expires <date>', 'accept-risk: when the acceptance expires (YYYY-MM-DD, in the future)')
    .option('--justification <text>', 'accept-risk: the business justification')
    .option('--controls <text>', 'accept-risk: compensating controls')
    .option('--json', 'JSON output')
    .action(async (ids: string[], o: Record<string, string | boolean | undefined>, cmd: Command) =>
      withClient(cmd, async (c) => {
        const s = (k: string) => o[k] as string | undefined;
        const decision = DECISIONS[s('decision') as DecisionWord];
        const input: TriageDecide = { findingIds: ids, decision, rationale: s('rationale') ?? '' };
        if (decision === 'remediate') {
          if (s('title')) {
            input.remediation = {
              zone: s('zone') ?? '', title: s('title')!, impact: int(s('impact')) ?? Number.NaN, feasibility: int(s('feasibility')) ?? Number.NaN,
              customerValue: int(s('value')) ?? Number.NaN, rationale: s('rationale') ?? '',
            };
          } else {
            input.remediationId = s('remediation');
          }
        }
        if (decision === 'duplicate') input.duplicateOf = s('duplicateOf');
        if (decision === 'accept_risk') {
          input.acceptance = { justification: s('justification') ?? '', compensatingControls: s('controls'), expiresOn: s('expires') ?? '' };
        }
        const r = await c.triageDecide(input);
        if (o.json) return printJson(r);
        const extra = r.remediationId ? ` (remediation item ${r.remediationId})` : r.riskAcceptanceId ? ` (risk acceptance draft ${r.riskAcceptanceId})` : '';
        process.stdout.write(`Decided ${r.decided} finding${r.decided === 1 ? '' : 's'}: ${s('decision')}${extra}\n`);
        return undefined;
      }));
  return triage;
}
