/** Red-team exercise use cases: record one (participants, scope, dates, zone), list, read, edit. */
import { InputError, NotFoundError } from '../domain/errors.ts';
import { authorize } from '../domain/roles.ts';
import type { Db } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import * as repo from '../store/exercises.ts';
import type { ExerciseRecord, ExerciseWrite } from '../store/exercises.ts';
import type { Actor } from './actor.ts';
import { resolveZone } from './zone-ref.ts';

export interface ExerciseInput {
  name: string;
  scope?: string | undefined;
  participants: string[];
  startedOn: string;
  endedOn?: string | null | undefined;
  zone?: string | undefined;
}

export type ExercisePatchInput = Partial<Omit<ExerciseInput, 'zone'>> & { zone?: string | null | undefined };

function checked(e: ExerciseWrite): ExerciseWrite {
  const participants = [...new Set(e.participants.map((p) => p.trim()).filter(Boolean))];
  if (participants.length === 0) throw InputError.field('participants', 'name at least one participant');
  if (!e.name.trim()) throw InputError.field('name', 'an exercise needs a name');
  if (e.endedOn && e.endedOn < e.startedOn) throw InputError.field('endedOn', `ends (${e.endedOn}) before it starts (${e.startedOn})`);
  for (const [field, d] of [['startedOn', e.startedOn], ['endedOn', e.endedOn]] as const) {
    if (d && Number.isNaN(Date.parse(`${d}T00:00:00Z`))) throw InputError.field(field, `${d} is not a date`);
  }
  return { ...e, name: e.name.trim(), scope: e.scope.trim(), participants };
}

const auditOf = (e: ExerciseWrite) => ({ ...e });

export function createExerciseService(deps: { db: Db }) {
  const { db } = deps;
  async function get(actor: Actor, id: string): Promise<ExerciseRecord> {
    const e = await repo.findExercise(db, actor.orgId, id);
    if (!e) throw new NotFoundError('Exercise', id);
    return e;
  }
  return {
    async list(actor: Actor): Promise<ExerciseRecord[]> {
      authorize(actor.role, 'org.read');
      return repo.listExercises(db, actor.orgId);
    },

    async get(actor: Actor, id: string): Promise<ExerciseRecord> {
      authorize(actor.role, 'org.read');
      return get(actor, id);
    },

    async create(actor: Actor, input: ExerciseInput): Promise<ExerciseRecord> {
      authorize(actor.role, 'exercise.manage');
      const zoneId = input.zone ? (await resolveZone(db, actor.orgId, input.zone, 'zone')).id : null;
      const write = checked({
        name: input.name, scope: input.scope ?? '', participants: input.participants, startedOn: input.startedOn,
        endedOn: input.endedOn ?? null, zoneId,
      });
      const id = await db.transaction(async (tx) => {
        const at = new Date().toISOString();
        const newId = await repo.insertExercise(tx, actor.orgId, write, actor.label, at);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'exercise.created', entityType: 'exercise', entityId: newId, after: auditOf(write),
        }], new Date(at));
        return newId;
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, patch: ExercisePatchInput): Promise<ExerciseRecord> {
      authorize(actor.role, 'exercise.manage');
      const { zone, ...rest } = patch;
      const zoneId = zone === undefined ? undefined : zone === null ? null : (await resolveZone(db, actor.orgId, zone, 'zone')).id;
      await db.transaction(async (tx) => {
        const before = await repo.findExercise(tx, actor.orgId, id);
        if (!before) throw new NotFoundError('Exercise', id);
        const old: ExerciseWrite = {
          name: before.name, scope: before.scope, participants: before.participants, startedOn: before.startedOn,
          endedOn: before.endedOn, zoneId: before.zone?.id ?? null,
        };
        const next = checked({
          ...old, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
          ...(zoneId === undefined ? {} : { zoneId }),
        } as ExerciseWrite);
        await repo.updateExercise(tx, actor.orgId, id, next);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'exercise.updated', entityType: 'exercise', entityId: id, before: auditOf(old), after: auditOf(next),
        }]);
      });
      return get(actor, id);
    },
  };
}

export type ExerciseService = ReturnType<typeof createExerciseService>;
