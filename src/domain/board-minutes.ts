/**
 * A board session's minutes as Markdown. Every piece of user text is escaped so that it reads
 * as the words typed: no link, image, HTML tag, code span, emphasis or heading can be injected.
 */
import { describePoint, groupByOwner, type AgendaPoint } from './board-agenda.ts';

/** Characters with meaning in Markdown (CommonMark lets any ASCII punctuation be backslash-escaped). */
const SPECIAL = /[\\`*_{}[\]()<>#+!|~&]/g;

/**
 * User text as literal Markdown inline text: special characters backslash-escaped, a leading
 * list marker or heading defused, line breaks kept as hard breaks inside the same paragraph.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n')
    .map((line) => line.trim().replace(SPECIAL, (c) => `\\${c}`).replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-=])/, '\\$1'))
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('  \n');
}

export interface MinutesDecision { position: number; text: string; rationale: string; recordKey: string | null; decidedBy: string }
export interface MinutesAction {
  position: number; text: string; ownerName: string; ownerEmail: string; dueOn: string; status: 'open' | 'done'; recordKey: string | null;
}

export interface MinutesInput {
  orgName: string;
  scheduledOn: string;
  status: string;
  attendees: readonly string[];
  notes: string;
  agendaSince: string | null;
  agendaGeneratedAt: string | null;
  agenda: readonly AgendaPoint[];
  decisions: readonly MinutesDecision[];
  actions: readonly MinutesAction[];
}

const e = escapeMarkdown;

export function minutesMarkdown(m: MinutesInput): string {
  const out: string[] = [];
  out.push(`# Safety review board — ${m.scheduledOn}`, '');
  out.push(`Organization: ${e(m.orgName)}  `, `Status: ${m.status}  `);
  out.push(`Attendees: ${m.attendees.length ? m.attendees.map(e).join(', ') : 'none recorded'}`, '');
  out.push('## Summary', '', m.notes.trim() ? e(m.notes) : '_No summary written._', '');
  out.push('## Agenda', '');
  if (m.agendaGeneratedAt === null) out.push('_No agenda was generated._', '');
  else {
    out.push(`Covering ${m.agendaSince ? m.agendaSince.slice(0, 10) : 'the start'} to ${m.agendaGeneratedAt.slice(0, 10)}.`, '');
    if (m.agenda.length === 0) out.push('_Nothing came up for the board in this period._', '');
    for (const g of groupByOwner(m.agenda)) {
      out.push(`### ${g.owner ? `${e(g.owner.name)} (${e(g.owner.email)})` : 'No owner'}`, '');
      for (const p of g.points) {
        const where = p.zone ? ` — zone ${e(p.zone.name)}` : '';
        out.push(`- ${e(describePoint(p))}: ${e(p.title)}${where}`);
      }
      out.push('');
    }
  }
  out.push('## Decisions', '');
  if (m.decisions.length === 0) out.push('_No decisions recorded._', '');
  for (const d of m.decisions) {
    out.push(`${d.position}. ${e(d.text)}${d.recordKey ? ` (${e(d.recordKey)})` : ''}  `, `   Rationale: ${e(d.rationale)}`);
  }
  if (m.decisions.length) out.push('');
  out.push('## Action items', '');
  if (m.actions.length === 0) out.push('_No action items._', '');
  else {
    out.push('| # | Action | Owner | Due | Status |', '|---|---|---|---|---|');
    for (const a of m.actions) {
      const text = `${e(a.text)}${a.recordKey ? ` (${e(a.recordKey)})` : ''}`.replace(/ {2}\n/g, ' ');
      out.push(`| ${a.position} | ${text} | ${e(a.ownerName)} (${e(a.ownerEmail)}) | ${a.dueOn} | ${a.status} |`);
    }
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
