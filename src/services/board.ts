/**
 * The safety review board: sessions on the policy's cadence, the agenda Keel generates for each
 * (kept as of its generation), holding and closing a session. Decisions, action items and the
 * minutes are in board-records.ts; this factory puts them together.
 */
import { describePoint, groupByOwner, type AgendaPoint } from '../domain/board-agenda.ts';
import { checkSessionMove, nextSessionDate } from '../domain/board-sessions.ts';
import { isCalendarDate, utcDate } from '../domain/calendar-date.ts';
import { ConflictError, InputError } from '../domain/errors.ts';
import { authorize, can } from '../domain/roles.ts';
import {
  findSession, insertSession, latestSessionDate, listAgenda, listActions, listDecisions, listSessions, replaceAgenda, updateSession,
  type BoardSessionRecord,
} from '../store/board.ts';
import type { Db, Queryable } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { UNIQUE_VIOLATION, sqlState } from '../store/rows.ts';
import type { Actor } from './actor.ts';
import { agendaPeriod, gatherAgenda, takeSnapshot } from './board-agenda.ts';
import { createBoardRecordOps } from './board-records.ts';
import { actionView, loadSession, sessionView, type BoardSession, type BoardSessionDetail } from './board-views.ts';
import { policyOf } from './policy.ts';
import { fieldChanges } from '../domain/field-changes.ts';

export interface BoardNext {
  cadenceDays: number;
  /** The date the next session falls on by the cadence. */
  nextOn: string;
  /** A session already planned (the earliest), if any. */
  planned: BoardSession | null;
  latest: BoardSession | null;
}

interface PreparedAgenda { since: Date; points: AgendaPoint[] }

export interface SessionInput { scheduledOn?: string | undefined; attendees?: string[] | undefined }
export interface SessionPatch { scheduledOn?: string | undefined; attendees?: string[] | undefined; notes?: string | undefined }


function cleanAttendees(list: readonly string[]): string[] {
  const out = [...new Set(list.map((a) => a.trim()).filter((a) => a !== ''))];
  if (out.some((a) => a.length > 200)) throw InputError.field('attendees', 'a name or e-mail is at most 200 characters');
  if (out.length > 100) throw InputError.field('attendees', 'at most 100 attendees');
  return out;
}

function checkDate(field: string, value: string): string {
  if (!isCalendarDate(value)) throw InputError.field(field, 'a date is YYYY-MM-DD, a real day');
  return value;
}

export function createBoardService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function get(actor: Actor, ref: string): Promise<BoardSessionDetail> {
    authorize(actor.role, 'org.read');
    const s = await loadSession(db, actor, ref);
    const at = now();
    const points = (await listAgenda(db, actor.orgId, s.id)).map((p) => ({ ...p, summary: describePoint(p) }));
    return {
      ...sessionView(s),
      agenda: groupByOwner(points),
      decisions: await listDecisions(db, actor.orgId, s.id),
      actions: (await listActions(db, actor.orgId, { sessionId: s.id })).map((a) => actionView(a, at)),
      permissions: { canManage: can(actor.role, 'board.manage') },
    };
  }

  /**
   * Gathers a session's agenda. Read outside the writing transaction: the debt read runs its own
   * escalation, and the embedded engine serves one transaction at a time.
   */
  async function prepareAgenda(actor: Actor, s: BoardSessionRecord, at: Date): Promise<PreparedAgenda> {
    const period = await agendaPeriod(db, actor.orgId, s, at);
    return { since: period.since, points: await gatherAgenda(db, actor, s, period) };
  }

  /** Writes a prepared agenda into the session, with its event (inside the caller's transaction). */
  async function storeAgenda(tx: Queryable, actor: Actor, sessionId: string, agenda: PreparedAgenda, at: Date): Promise<void> {
    const { since, points } = agenda;
    await replaceAgenda(tx, actor.orgId, sessionId, points);
    await updateSession(tx, actor.orgId, sessionId, { agendaSince: since.toISOString(), agendaGeneratedAt: at.toISOString() }, at.toISOString());
    const byKind: Record<string, number> = {};
    for (const p of points) byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
    await appendEvents(tx, actor.orgId, [{
      actor: actor.label, action: 'board.agenda_generated', entityType: 'board_session', entityId: sessionId,
      after: { since: since.toISOString(), at: at.toISOString(), points: points.length, byKind },
    }], at);
  }

  async function move(actor: Actor, ref: string, to: 'held' | 'closed'): Promise<BoardSessionDetail> {
    authorize(actor.role, 'board.manage');
    const at = now();
    // Figures as of the session, read before the transaction (the debt read may escalate items itself).
    const current = await loadSession(db, actor, ref);
    checkSessionMove(current.status, to);
    const snapshot = await takeSnapshot(db, actor, at);
    const agenda = current.agendaGeneratedAt === null ? await prepareAgenda(actor, current, at) : null;
    const id = await db.transaction(async (tx) => {
      const s = await loadSession(tx, actor, ref, true);
      checkSessionMove(s.status, to);
      if (s.agendaGeneratedAt === null && agenda) await storeAgenda(tx, actor, s.id, agenda, at);
      const when = at.toISOString();
      const heldAt = s.heldAt ?? when;
      await updateSession(tx, actor.orgId, s.id, {
        status: to, heldAt, closedAt: to === 'closed' ? when : undefined, snapshot: s.snapshot ?? snapshot,
      }, when);
      await appendEvents(tx, actor.orgId, [{
        actor: actor.label, action: to === 'held' ? 'board.session_held' : 'board.session_closed', entityType: 'board_session',
        entityId: s.id, before: { status: s.status }, after: { status: to, heldAt, ...(to === 'closed' ? { closedAt: when } : {}) },
      }], at);
      return s.id;
    });
    return get(actor, id);
  }

  return {
    get,

    async list(actor: Actor, limit = 50): Promise<BoardSession[]> {
      authorize(actor.role, 'org.read');
      return (await listSessions(db, actor.orgId, limit)).map(sessionView);
    },

    /** When the next session falls by the cadence, and the session already planned for it. */
    async next(actor: Actor): Promise<BoardNext> {
      authorize(actor.role, 'org.read');
      const { boardCadenceDays } = await policyOf(db, actor.orgId);
      const sessions = await listSessions(db, actor.orgId, 200);
      const planned = sessions.filter((s) => s.status === 'planned').at(-1) ?? null;
      const met = sessions.find((s) => s.status !== 'planned') ?? null;
      const nextOn = planned?.scheduledOn ?? nextSessionDate(met?.scheduledOn ?? null, boardCadenceDays, utcDate(now()));
      return { cadenceDays: boardCadenceDays, nextOn, planned: planned ? sessionView(planned) : null, latest: sessions[0] ? sessionView(sessions[0]) : null };
    },

    /** Plans a session: on the given date, or on the next date of the cadence. */
    async schedule(actor: Actor, input: SessionInput): Promise<BoardSessionDetail> {
      authorize(actor.role, 'board.manage');
      const at = now();
      const id = await db.transaction(async (tx) => {
        const { boardCadenceDays } = await policyOf(tx, actor.orgId);
        const scheduledOn = input.scheduledOn !== undefined ? checkDate('scheduledOn', input.scheduledOn)
          : nextSessionDate(await latestSessionDate(tx, actor.orgId), boardCadenceDays, utcDate(at));
        if (await findSession(tx, actor.orgId, scheduledOn)) {
          throw new ConflictError(`scheduledOn: there is a session on ${scheduledOn} already`, [{ field: 'scheduledOn', message: 'a session on this date exists' }]);
        }
        const attendees = cleanAttendees(input.attendees ?? []);
        let sid: string;
        try {
          sid = await insertSession(tx, actor.orgId, { scheduledOn, cadenceDays: boardCadenceDays, attendees, createdBy: actor.label, at: at.toISOString() });
        } catch (err) {
          if (sqlState(err) === UNIQUE_VIOLATION) throw new ConflictError(`scheduledOn: there is a session on ${scheduledOn} already`);
          throw err;
        }
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'board.session_scheduled', entityType: 'board_session', entityId: sid,
          after: { scheduledOn, cadenceDays: boardCadenceDays, attendees },
        }], at);
        return sid;
      });
      return get(actor, id);
    },

    /** Edits the date (while planned), the attendees or the summary (until closed). */
    async update(actor: Actor, ref: string, patch: SessionPatch): Promise<BoardSessionDetail> {
      authorize(actor.role, 'board.manage');
      const at = now();
      const id = await db.transaction(async (tx) => {
        const s = await loadSession(tx, actor, ref, true);
        if (s.status === 'closed') throw new ConflictError('The session is closed: its minutes are final');
        const next = {
          scheduledOn: patch.scheduledOn === undefined ? undefined : checkDate('scheduledOn', patch.scheduledOn),
          attendees: patch.attendees === undefined ? undefined : cleanAttendees(patch.attendees),
          notes: patch.notes === undefined ? undefined : patch.notes.trim(),
        };
        if (next.notes !== undefined && next.notes.length > 50_000) throw InputError.field('notes', 'the summary is at most 50,000 characters');
        if (next.scheduledOn !== undefined && next.scheduledOn !== s.scheduledOn) {
          if (s.status !== 'planned') throw InputError.field('scheduledOn', 'only a planned session can move to another date');
          if (await findSession(tx, actor.orgId, next.scheduledOn)) throw new ConflictError(`scheduledOn: there is a session on ${next.scheduledOn} already`);
        }
        const current: Record<string, unknown> = { scheduledOn: s.scheduledOn, attendees: s.attendees, notes: s.notes };
        const changes = fieldChanges(current, next);
        if (!changes) return s.id;
        const { before, after } = changes;
        await updateSession(tx, actor.orgId, s.id, next, at.toISOString());
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'board.session_updated', entityType: 'board_session', entityId: s.id, before, after,
        }], at);
        return s.id;
      });
      return get(actor, id);
    },

    /** Generates the agenda anew for the period since the previous session; refused once closed. */
    async generateAgenda(actor: Actor, ref: string): Promise<BoardSessionDetail> {
      authorize(actor.role, 'board.manage');
      const at = now();
      const closed = () => new ConflictError('The session is closed: its agenda is kept as it was');
      const current = await loadSession(db, actor, ref);
      if (current.status === 'closed') throw closed();
      const agenda = await prepareAgenda(actor, current, at);
      const id = await db.transaction(async (tx) => {
        const s = await loadSession(tx, actor, ref, true);
        if (s.status === 'closed') throw closed();
        await storeAgenda(tx, actor, s.id, agenda, at);
        return s.id;
      });
      return get(actor, id);
    },

    /** The session met: its figures are recorded for the next agenda to compare with. */
    hold: (actor: Actor, ref: string) => move(actor, ref, 'held'),
    /** The minutes are final: no more decisions or action items. */
    close: (actor: Actor, ref: string) => move(actor, ref, 'closed'),

    ...createBoardRecordOps({ db, now }, get),
  };
}

export type BoardService = ReturnType<typeof createBoardService>;
export type { AgendaPointView, BoardActionView, BoardSession, BoardSessionDetail } from './board-views.ts';
export type { ActionInput, DecisionInput } from './board-records.ts';
