/** `keel exercises …`: record and list red-team exercises. */
import { Command } from 'commander';
import type { WithClient } from '../main.ts';
import { formatOf, printJson, printRows } from '../output.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function exerciseCommands(withClient: WithClient): Command {
  const exercises = new Command('exercises').description('red-team exercises and the findings they produced');

  exercises.command('list')
    .description('list exercises, newest first')
    .option('--json', 'JSON output').option('--csv', 'CSV output')
    .action(async (opts: { json?: boolean; csv?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        printRows(await c.listExercises(), [
          { header: 'id', value: (e) => e.id },
          { header: 'name', value: (e) => e.name },
          { header: 'dates', value: (e) => `${e.startedOn} – ${e.endedOn ?? 'ongoing'}` },
          { header: 'zone', value: (e) => e.zone?.key ?? '' },
          { header: 'participants', value: (e) => e.participants.join(', ') },
          { header: 'findings', value: (e) => `${e.findingCounts.total} (${e.findingCounts.open} open)` },
        ], formatOf(opts));
      }));

  exercises.command('add <name>')
    .description('record a red-team exercise; add its findings with `keel findings add --exercise <id>`')
    .requiredOption('--participant <who>', 'a participant (repeatable)', collect)
    .requiredOption('--started <date>', 'start date, YYYY-MM-DD')
    .option('--ended <date>', 'end date, YYYY-MM-DD')
    .option('--scope <text>', 'what was in scope')
    .option('--zone <zone>', 'the zone its findings go to')
    .option('--json', 'JSON output')
    .action(async (name: string, o: { participant: string[]; started: string; ended?: string; scope?: string; zone?: string; json?: boolean }, cmd: Command) =>
      withClient(cmd, async (c) => {
        const e = await c.addExercise({ name, participants: o.participant, startedOn: o.started, endedOn: o.ended, scope: o.scope, zone: o.zone });
        if (o.json) return printJson(e);
        process.stdout.write(`Recorded exercise ${e.id}: ${e.name}\n`);
        return undefined;
      }));
  return exercises;
}
