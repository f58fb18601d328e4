/** `keel board`: the review board's next session, a session's agenda per owner, its minutes as Markdown. */
import { Command } from 'commander';
import type { BoardSessionDetail } from '../../contracts/board.ts';
import type { KeelClient } from '../client.ts';
import type { WithClient } from '../main.ts';
import { printJson } from '../output.ts';

/** A session id, its date, or "next" (the planned session). */
async function sessionRef(c: KeelClient, ref: string): Promise<string> {
  if (ref !== 'next') return ref;
  const next = await c.boardNext();
  if (!next.planned) throw new Error(`No session is planned; the next falls on ${next.nextOn}: run \`keel board schedule\``);
  return next.planned.id;
}

function printAgenda(s: BoardSessionDetail): void {
  const lines = [`Board session ${s.scheduledOn} (${s.status})`];
  if (s.agendaGeneratedAt === null) lines.push('No agenda generated yet.');
  else {
    lines.push(`Agenda for ${s.agendaSince?.slice(0, 10) ?? 'the start'} to ${s.agendaGeneratedAt.slice(0, 10)}: ${s.counts.agenda} point(s)`);
    if (s.agenda.length === 0) lines.push('Nothing came up for the board in this period.');
  }
  for (const g of s.agenda) {
    lines.push('', g.owner ? `${g.owner.name} <${g.owner.email}>` : 'No owner');
    for (const p of g.points) lines.push(`  - ${p.summary}: ${p.title}${p.zone ? ` [${p.zone.key}]` : ''}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function boardCommands(withClient: WithClient): Command {
  const board = new Command('board').description('the safety review board: sessions, agenda per owner, minutes');

  board.command('next')
    .description('when the next session falls (the policy\'s cadence) and whether it is planned')
    .option('--json', 'JSON output')
    .action(async (o: { json?: boolean }, cmd: Command) => withClient(cmd, async (c) => {
      const n = await c.boardNext();
      if (o.json) return printJson(n);
      const planned = n.planned ? `planned (${n.planned.id})` : 'not planned yet: run `keel board schedule`';
      const latest = n.latest ? `; latest session ${n.latest.scheduledOn} (${n.latest.status})` : '';
      process.stdout.write(`Next board session: ${n.nextOn}, ${planned}; every ${n.cadenceDays} days${latest}\n`);
      return undefined;
    }));

  board.command('schedule')
    .description('plan a session (default: the next date on the cadence)')
    .option('--on <date>', 'YYYY-MM-DD')
    .option('--attendee <name>', 'an attendee (repeat)', (v: string, all: string[]) => [...all, v], [] as string[])
    .action(async (o: { on?: string; attendee: string[] }, cmd: Command) => withClient(cmd, async (c) => {
      const s = await c.boardSchedule({ scheduledOn: o.on, attendees: o.attendee });
      process.stdout.write(`Planned the board session of ${s.scheduledOn} (${s.id})\n`);
    }));

  board.command('agenda <session>')
    .description('the agenda per owner of a session (id, YYYY-MM-DD or "next"); generated when it has none yet')
    .option('--regenerate', 'generate it anew for the period since the previous session')
    .option('--json', 'JSON output')
    .action(async (ref: string, o: { regenerate?: boolean; json?: boolean }, cmd: Command) => withClient(cmd, async (c) => {
      const id = await sessionRef(c, ref);
      let s = await c.boardSession(id);
      if (o.regenerate || (s.agendaGeneratedAt === null && s.status !== 'closed')) s = await c.boardGenerateAgenda(id);
      if (o.json) return printJson(s);
      printAgenda(s);
      return undefined;
    }));

  board.command('minutes <session>')
    .description('the minutes of a session as Markdown (id, YYYY-MM-DD or "next")')
    .action(async (ref: string, _o: unknown, cmd: Command) => withClient(cmd, async (c) => {
      process.stdout.write(await c.boardMinutes(await sessionRef(c, ref)));
    }));
  return board;
}
