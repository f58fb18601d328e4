/**
 * What a board session records: decisions (with their rationale, optionally about one agenda
 * point) and action items (an owner and a due date each; tracked open → done and put in the
 * owner's queue), and the minutes as Markdown.
 */
import { checkRecording } from '../domain/board-sessions.ts';
import { minutesMarkdown } from '../domain/board-minutes.ts';
import { isCalendarDate } from '../domain/calendar-date.ts';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '../domain/errors.ts';
import { authorize } from '../domain/roles.ts';
import {
  completeAction, findAction, insertAction, insertDecision, listActions, listAgenda, listDecisions, orgName, queueAction,
  type LinkedRecord,
} from '../store/board.ts';
import type { Db, Queryable } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { findMember } from '../store/users.ts';
import type { Actor } from './actor.ts';
import { actionView, loadSession, type BoardActionView, type BoardSessionDetail } from './board-views.ts';

export interface ActionInput {
  text: string;
  ownerId: string;
  dueOn: string;
  /** The agenda point the action is about, if any. */
  agendaItemId?: string | undefined;
}

export interface DecisionInput {
  text: string;
  rationale: string;
  agendaItemId?: string | undefined;
  /** Action items that follow from the decision. */
  actions?: ActionInput[] | undefined;
}

const MIN = 3;

function requireText(field: string, value: string, max = 2000): string {
  const t = value.trim();
  if (t.length < MIN) throw InputError.field(field, `write at least ${MIN} characters`);
  if (t.length > max) throw InputError.field(field, `at most ${max} characters`);
  return t;
}

/** The record an agenda point of this session is about. */
async function recordOf(q: Queryable, actor: Actor, sessionId: string, agendaItemId: string | undefined, field: string): Promise<LinkedRecord | null> {
  if (!agendaItemId) return null;
  const point = (await listAgenda(q, actor.orgId, sessionId)).find((p) => p.id === agendaItemId);
  if (!point) throw InputError.field(field, 'no such point on this session\'s agenda');
  return point.recordId ? { type: point.recordType, id: point.recordId, key: point.recordKey ?? point.title.slice(0, 80) } : null;
}

export function createBoardRecordOps(
  ops: { db: Db; now: () => Date },
  get: (actor: Actor, ref: string) => Promise<BoardSessionDetail>,
) {
  const { db, now } = ops;

  /** Records one action item and puts it in its owner's queue (inside the caller's transaction). */
  async function addActionIn(
    tx: Queryable, actor: Actor, sessionId: string, input: ActionInput, decisionId: string | null, field: string, at: Date,
  ): Promise<string> {
    const text = requireText(`${field}text`, input.text);
    if (!isCalendarDate(input.dueOn)) throw InputError.field(`${field}dueOn`, 'a due date is YYYY-MM-DD, a real day');
    if (input.dueOn < at.toISOString().slice(0, 10)) throw InputError.field(`${field}dueOn`, 'the due date is in the past');
    const owner = await findMember(tx, actor.orgId, input.ownerId);
    if (!owner) throw InputError.field(`${field}ownerId`, 'the owner must be a member of this organization');
    if (owner.status !== 'active') throw InputError.field(`${field}ownerId`, `${owner.name} is deactivated; choose an active member`);
    const record = await recordOf(tx, actor, sessionId, input.agendaItemId, `${field}agendaItemId`);
    const when = at.toISOString();
    const id = await insertAction(tx, actor.orgId, {
      sessionId, decisionId, text, ownerId: owner.id, dueOn: input.dueOn, record, createdBy: actor.label, at: when,
    });
    await queueAction(tx, actor.orgId, owner.id, id, when);
    await appendEvents(tx, actor.orgId, [{
      actor: actor.label, action: 'board.action_created', entityType: 'board_action', entityId: id,
      after: { sessionId, decisionId, text, ownerId: owner.id, dueOn: input.dueOn, record },
    }], at);
    return id;
  }

  return {
    /** Records a decision, and the action items that follow from it. */
    async decide(actor: Actor, ref: string, input: DecisionInput): Promise<BoardSessionDetail> {
      authorize(actor.role, 'board.manage');
      const at = now();
      const id = await db.transaction(async (tx) => {
        const s = await loadSession(tx, actor, ref, true);
        checkRecording(s.status);
        const text = requireText('text', input.text);
        const rationale = requireText('rationale', input.rationale, 5000);
        const record = await recordOf(tx, actor, s.id, input.agendaItemId, 'agendaItemId');
        const decisionId = await insertDecision(tx, actor.orgId, { sessionId: s.id, text, rationale, record, decidedBy: actor.label, at: at.toISOString() });
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'board.decision_recorded', entityType: 'board_session', entityId: s.id,
          after: { decisionId, text, rationale, record },
        }], at);
        for (const [i, a] of (input.actions ?? []).entries()) {
          await addActionIn(tx, actor, s.id, { ...a, agendaItemId: a.agendaItemId ?? input.agendaItemId }, decisionId, `actions.${i}.`, at);
        }
        return s.id;
      });
      return get(actor, id);
    },

    /** Records an action item on its own. */
    async addAction(actor: Actor, ref: string, input: ActionInput): Promise<BoardSessionDetail> {
      authorize(actor.role, 'board.manage');
      const at = now();
      const id = await db.transaction(async (tx) => {
        const s = await loadSession(tx, actor, ref, true);
        checkRecording(s.status);
        await addActionIn(tx, actor, s.id, input, null, '', at);
        return s.id;
      });
      return get(actor, id);
    },

    /** Marks an action item done: its owner, or an admin. */
    async completeAction(actor: Actor, actionId: string, input: { note?: string | undefined } = {}): Promise<BoardActionView> {
      authorize(actor.role, 'org.read');
      const at = now();
      return db.transaction(async (tx) => {
        const a = await findAction(tx, actor.orgId, actionId, true);
        if (!a) throw new NotFoundError('Board action item', actionId);
        if (a.owner.id !== actor.userId && actor.role !== 'admin') {
          throw new NotAllowedError(`Only ${a.owner.name}, who owns this action item, or an admin may mark it done`);
        }
        if (a.status === 'done') throw new ConflictError(`The action item was marked done on ${a.doneAt!.slice(0, 10)}`);
        const note = input.note?.trim() ? input.note.trim().slice(0, 5000) : null;
        await completeAction(tx, actor.orgId, a.id, actor.label, note, at.toISOString());
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'board.action_done', entityType: 'board_action', entityId: a.id,
          before: { status: 'open' }, after: { status: 'done', note },
        }], at);
        return actionView((await findAction(tx, actor.orgId, a.id))!, at);
      });
    },

    /** Action items across sessions: of one owner ("me" for the caller), open or done. */
    async actions(actor: Actor, input: { owner?: string | undefined; status?: 'open' | 'done' | undefined } = {}): Promise<BoardActionView[]> {
      authorize(actor.role, 'org.read');
      let ownerId = input.owner;
      if (ownerId === 'me') {
        if (!actor.userId) throw InputError.field('owner', '"me" needs a signed-in person');
        ownerId = actor.userId;
      }
      const at = now();
      return (await listActions(db, actor.orgId, { ownerId, status: input.status })).map((a) => actionView(a, at));
    },

    /** The minutes of a session as Markdown, user text escaped. */
    async minutes(actor: Actor, ref: string): Promise<{ fileName: string; markdown: string }> {
      authorize(actor.role, 'org.read');
      const s = await loadSession(db, actor, ref);
      const markdown = minutesMarkdown({
        orgName: await orgName(db, actor.orgId), scheduledOn: s.scheduledOn, status: s.status, attendees: s.attendees, notes: s.notes,
        agendaSince: s.agendaSince, agendaGeneratedAt: s.agendaGeneratedAt, agenda: await listAgenda(db, actor.orgId, s.id),
        decisions: (await listDecisions(db, actor.orgId, s.id)).map((d) => ({
          position: d.position, text: d.text, rationale: d.rationale, recordKey: d.record?.key ?? null, decidedBy: d.decidedBy,
        })),
        actions: (await listActions(db, actor.orgId, { sessionId: s.id })).map((a) => ({
          position: a.position, text: a.text, ownerName: a.owner.name, ownerEmail: a.owner.email, dueOn: a.dueOn, status: a.status,
          recordKey: a.record?.key ?? null,
        })),
      });
      return { fileName: `board-minutes-${s.scheduledOn}.md`, markdown };
    },
  };
}
