/**
 * Review board records: sessions, their generated agenda (kept as of generation), decisions and
 * action items. The facts an agenda is built from are read in board-facts.ts.
 */
import type { AgendaKind, AgendaOwner, AgendaPoint, AgendaRecordType, AgendaZone, FactValue } from '../domain/board-agenda.ts';
import type { BoardSessionStatus } from '../domain/board-sessions.ts';
import { isUuid } from '../domain/ids.ts';
import type { Queryable } from './db.ts';
import { dateOnly, iso, isoOrNull } from './rows.ts';
import { updateById } from './update-by-id.ts';

type Ts = Date | string;

/** Figures as of a session, for the next agenda to compare with. */
export interface SessionSnapshot {
  debt: Record<string, { name: string; email: string; debt: number }>;
  kpis: Record<string, string>;
}

export interface BoardSessionRecord {
  id: string;
  scheduledOn: string;
  cadenceDays: number;
  status: BoardSessionStatus;
  attendees: string[];
  notes: string;
  agendaSince: string | null;
  agendaGeneratedAt: string | null;
  snapshot: SessionSnapshot | null;
  heldAt: string | null;
  closedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  counts: { agenda: number; decisions: number; actions: number; openActions: number };
}

interface SessionRow {
  id: string; scheduled_on: Ts; cadence_days: number; status: BoardSessionStatus; attendees: string[]; notes: string;
  agenda_since: Ts | null; agenda_generated_at: Ts | null; snapshot: SessionSnapshot | null; held_at: Ts | null;
  closed_at: Ts | null; created_by: string; created_at: Ts; updated_at: Ts;
  agenda_count: number; decision_count: number; action_count: number; open_action_count: number;
}

const SESSION_SELECT = `SELECT s.*,
    (SELECT count(*)::int FROM board_agenda_items a WHERE a.session_id = s.id) AS agenda_count,
    (SELECT count(*)::int FROM board_decisions d WHERE d.session_id = s.id) AS decision_count,
    (SELECT count(*)::int FROM board_action_items x WHERE x.session_id = s.id) AS action_count,
    (SELECT count(*)::int FROM board_action_items x WHERE x.session_id = s.id AND x.status = 'open') AS open_action_count
  FROM board_sessions s`;

const toSession = (r: SessionRow): BoardSessionRecord => ({
  id: r.id, scheduledOn: dateOnly(r.scheduled_on)!, cadenceDays: r.cadence_days, status: r.status, attendees: r.attendees,
  notes: r.notes, agendaSince: isoOrNull(r.agenda_since), agendaGeneratedAt: isoOrNull(r.agenda_generated_at),
  snapshot: r.snapshot, heldAt: isoOrNull(r.held_at), closedAt: isoOrNull(r.closed_at), createdBy: r.created_by,
  createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  counts: { agenda: r.agenda_count, decisions: r.decision_count, actions: r.action_count, openActions: r.open_action_count },
});

/** A session by id, or by its date (YYYY-MM-DD). */
export async function findSession(q: Queryable, orgId: string, ref: string, forUpdate = false): Promise<BoardSessionRecord | null> {
  const byId = isUuid(ref);
  if (!byId && !/^\d{4}-\d{2}-\d{2}$/.test(ref)) return null;
  const [row] = await q.query<SessionRow>(
    `${SESSION_SELECT} WHERE s.org_id = $1 AND ${byId ? 's.id = $2::uuid' : 's.scheduled_on = $2::date'}${forUpdate ? ' FOR UPDATE OF s' : ''}`,
    [orgId, ref]);
  return row ? toSession(row) : null;
}

/** Sessions, latest date first. */
export async function listSessions(q: Queryable, orgId: string, limit: number): Promise<BoardSessionRecord[]> {
  const rows = await q.query<SessionRow>(`${SESSION_SELECT} WHERE s.org_id = $1 ORDER BY s.scheduled_on DESC LIMIT $2`, [orgId, limit]);
  return rows.map(toSession);
}

/** The session before `scheduledOn` that met (held or closed), if any: the start of the next agenda's period. */
export async function previousHeldSession(q: Queryable, orgId: string, scheduledOn: string): Promise<BoardSessionRecord | null> {
  const [row] = await q.query<SessionRow>(
    `${SESSION_SELECT} WHERE s.org_id = $1 AND s.scheduled_on < $2::date AND s.status <> 'planned'
      ORDER BY s.scheduled_on DESC LIMIT 1`, [orgId, scheduledOn]);
  return row ? toSession(row) : null;
}

export async function latestSessionDate(q: Queryable, orgId: string): Promise<string | null> {
  const [row] = await q.query<{ d: Ts | null }>('SELECT max(scheduled_on) AS d FROM board_sessions WHERE org_id = $1', [orgId]);
  return dateOnly(row?.d ?? null);
}

export async function insertSession(
  q: Queryable, orgId: string, s: { scheduledOn: string; cadenceDays: number; attendees: string[]; createdBy: string; at: string },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO board_sessions (org_id, scheduled_on, cadence_days, attendees, created_by, created_at, updated_at)
     VALUES ($1, $2::date, $3, $4::text[], $5, $6, $6) RETURNING id`,
    [orgId, s.scheduledOn, s.cadenceDays, s.attendees, s.createdBy, s.at]);
  return row!.id;
}

export interface SessionSet {
  scheduledOn?: string; attendees?: string[]; notes?: string; status?: BoardSessionStatus; heldAt?: string; closedAt?: string;
  snapshot?: SessionSnapshot; agendaSince?: string | null; agendaGeneratedAt?: string;
}

const SESSION_COLUMNS: Record<keyof SessionSet, string> = {
  scheduledOn: 'scheduled_on', attendees: 'attendees', notes: 'notes', status: 'status', heldAt: 'held_at', closedAt: 'closed_at',
  snapshot: 'snapshot', agendaSince: 'agenda_since', agendaGeneratedAt: 'agenda_generated_at',
};

export async function updateSession(q: Queryable, orgId: string, id: string, set: SessionSet, at: string): Promise<void> {
  await updateById(q, {
    table: 'board_sessions', columns: SESSION_COLUMNS,
    casts: { snapshot: '::jsonb', attendees: '::text[]' }, encode: { snapshot: (v) => JSON.stringify(v) },
  }, orgId, id, set, at);
}

export interface StoredAgendaPoint extends AgendaPoint { id: string; position: number }

interface AgendaRow {
  id: string; position: number; kind: AgendaKind; owner_id: string | null; owner_name: string | null; owner_email: string | null;
  record_type: AgendaRecordType; record_id: string | null; record_key: string | null; title: string; zone: AgendaZone | null;
  facts: Record<string, FactValue>;
}

/** Replaces a session's agenda with freshly generated points, in their order. */
export async function replaceAgenda(q: Queryable, orgId: string, sessionId: string, points: readonly AgendaPoint[]): Promise<void> {
  await q.query('DELETE FROM board_agenda_items WHERE org_id = $1 AND session_id = $2', [orgId, sessionId]);
  if (points.length === 0) return;
  await q.query(
    `INSERT INTO board_agenda_items (org_id, session_id, position, kind, owner_id, owner_name, owner_email, record_type, record_id,
                                     record_key, title, zone, facts)
     SELECT $1, $2, x.position, x.kind, x.owner_id, x.owner_name, x.owner_email, x.record_type, x.record_id, x.record_key, x.title,
            x.zone, x.facts
       FROM jsonb_to_recordset($3::jsonb) AS x(position int, kind text, owner_id uuid, owner_name text, owner_email text,
            record_type text, record_id uuid, record_key text, title text, zone jsonb, facts jsonb)`,
    [orgId, sessionId, JSON.stringify(points.map((p, i) => ({
      position: i + 1, kind: p.kind, owner_id: p.owner?.id ?? null, owner_name: p.owner?.name ?? null, owner_email: p.owner?.email ?? null,
      record_type: p.recordType, record_id: p.recordId, record_key: p.recordKey, title: p.title, zone: p.zone, facts: p.facts,
    })))]);
}

export async function listAgenda(q: Queryable, orgId: string, sessionId: string): Promise<StoredAgendaPoint[]> {
  const rows = await q.query<AgendaRow>(
    'SELECT * FROM board_agenda_items WHERE org_id = $1 AND session_id = $2 ORDER BY position', [orgId, sessionId]);
  return rows.map((r) => ({
    id: r.id, position: r.position, kind: r.kind,
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '', email: r.owner_email ?? '' } satisfies AgendaOwner : null,
    recordType: r.record_type, recordId: r.record_id, recordKey: r.record_key, title: r.title, zone: r.zone, facts: r.facts,
  }));
}

export interface LinkedRecord { type: string; id: string; key: string | null }

export interface BoardDecisionRecord {
  id: string; sessionId: string; position: number; text: string; rationale: string; record: LinkedRecord | null;
  decidedBy: string; createdAt: string;
}

interface DecisionRow {
  id: string; session_id: string; position: number; text: string; rationale: string; record_type: string | null;
  record_id: string | null; record_key: string | null; decided_by: string; created_at: Ts;
}

const linked = (type: string | null, id: string | null, key: string | null): LinkedRecord | null =>
  type && id ? { type, id, key } : null;

export async function insertDecision(
  q: Queryable, orgId: string, d: { sessionId: string; text: string; rationale: string; record: LinkedRecord | null; decidedBy: string; at: string },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO board_decisions (org_id, session_id, position, text, rationale, record_type, record_id, record_key, decided_by, created_at)
     SELECT $1, $2, coalesce(max(position), 0) + 1, $3, $4, $5, $6, $7, $8, $9 FROM board_decisions WHERE session_id = $2
     RETURNING id`,
    [orgId, d.sessionId, d.text, d.rationale, d.record?.type ?? null, d.record?.id ?? null, d.record?.key ?? null, d.decidedBy, d.at]);
  return row!.id;
}

export async function listDecisions(q: Queryable, orgId: string, sessionId: string): Promise<BoardDecisionRecord[]> {
  const rows = await q.query<DecisionRow>(
    'SELECT * FROM board_decisions WHERE org_id = $1 AND session_id = $2 ORDER BY position', [orgId, sessionId]);
  return rows.map((r) => ({
    id: r.id, sessionId: r.session_id, position: r.position, text: r.text, rationale: r.rationale,
    record: linked(r.record_type, r.record_id, r.record_key), decidedBy: r.decided_by, createdAt: iso(r.created_at),
  }));
}

export interface BoardActionRecord {
  id: string; sessionId: string; sessionOn: string; decisionId: string | null; position: number; text: string;
  owner: AgendaOwner; dueOn: string; status: 'open' | 'done'; record: LinkedRecord | null;
  doneAt: string | null; doneBy: string | null; doneNote: string | null; createdBy: string; createdAt: string;
}

interface ActionRow {
  id: string; session_id: string; session_on: Ts; decision_id: string | null; position: number; text: string; owner_id: string;
  owner_name: string; owner_email: string; due_on: Ts; status: 'open' | 'done'; record_type: string | null; record_id: string | null;
  record_key: string | null; done_at: Ts | null; done_by: string | null; done_note: string | null; created_by: string; created_at: Ts;
}

const ACTION_SELECT = `SELECT x.*, s.scheduled_on AS session_on, u.name AS owner_name, u.email AS owner_email
  FROM board_action_items x JOIN board_sessions s ON s.id = x.session_id JOIN users u ON u.id = x.owner_id`;

const toAction = (r: ActionRow): BoardActionRecord => ({
  id: r.id, sessionId: r.session_id, sessionOn: dateOnly(r.session_on)!, decisionId: r.decision_id, position: r.position,
  text: r.text, owner: { id: r.owner_id, name: r.owner_name, email: r.owner_email }, dueOn: dateOnly(r.due_on)!, status: r.status,
  record: linked(r.record_type, r.record_id, r.record_key), doneAt: isoOrNull(r.done_at), doneBy: r.done_by, doneNote: r.done_note,
  createdBy: r.created_by, createdAt: iso(r.created_at),
});

export async function insertAction(
  q: Queryable, orgId: string,
  a: { sessionId: string; decisionId: string | null; text: string; ownerId: string; dueOn: string; record: LinkedRecord | null; createdBy: string; at: string },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO board_action_items (org_id, session_id, decision_id, position, text, owner_id, due_on, record_type, record_id,
                                     record_key, created_by, created_at)
     SELECT $1, $2, $3, coalesce(max(position), 0) + 1, $4, $5, $6::date, $7, $8, $9, $10, $11
       FROM board_action_items WHERE session_id = $2
     RETURNING id`,
    [orgId, a.sessionId, a.decisionId, a.text, a.ownerId, a.dueOn, a.record?.type ?? null, a.record?.id ?? null, a.record?.key ?? null,
      a.createdBy, a.at]);
  return row!.id;
}

export async function findAction(q: Queryable, orgId: string, id: string, forUpdate = false): Promise<BoardActionRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await q.query<ActionRow>(`${ACTION_SELECT} WHERE x.org_id = $1 AND x.id = $2${forUpdate ? ' FOR UPDATE OF x' : ''}`, [orgId, id]);
  return row ? toAction(row) : null;
}

export interface ActionFilter { sessionId?: string | undefined; ownerId?: string | undefined; status?: 'open' | 'done' | undefined; notSessionId?: string | undefined }

export async function listActions(q: Queryable, orgId: string, f: ActionFilter): Promise<BoardActionRecord[]> {
  const rows = await q.query<ActionRow>(
    `${ACTION_SELECT} WHERE x.org_id = $1 AND ($2::uuid IS NULL OR x.session_id = $2) AND ($3::uuid IS NULL OR x.owner_id = $3)
        AND ($4::text IS NULL OR x.status = $4) AND ($5::uuid IS NULL OR x.session_id <> $5)
      ORDER BY ${f.sessionId ? 'x.position' : 'x.due_on, s.scheduled_on, x.position'}`,
    [orgId, f.sessionId ?? null, f.ownerId ?? null, f.status ?? null, f.notSessionId ?? null]);
  return rows.map(toAction);
}

export async function completeAction(q: Queryable, orgId: string, id: string, by: string, note: string | null, at: string): Promise<void> {
  await q.query(
    `UPDATE board_action_items SET status = 'done', done_at = $3, done_by = $4, done_note = $5 WHERE org_id = $1 AND id = $2`,
    [orgId, id, at, by, note]);
}

/** Puts a board action in its owner's queue. */
export async function queueAction(q: Queryable, orgId: string, userId: string, actionId: string, at: string): Promise<void> {
  await q.query(
    `INSERT INTO queue_items (org_id, user_id, kind, board_action_id, created_at) VALUES ($1, $2, 'board.action', $3, $4)`,
    [orgId, userId, actionId, at]);
}

/** The organization's name, for the minutes' header. */
export async function orgName(q: Queryable, orgId: string): Promise<string> {
  const [row] = await q.query<{ name: string }>('SELECT name FROM orgs WHERE id = $1', [orgId]);
  return row?.name ?? '';
}
