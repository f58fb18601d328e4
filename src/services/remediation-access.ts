/** Who the caller is to a remediation item, and the people an item may name. */
import { InputError, NotAllowedError, NotFoundError } from '../domain/errors.ts';
import { canManage, type RemediationParty } from '../domain/remediation-status.ts';
import { authorizeOnZone, type Role } from '../domain/roles.ts';
import type { Queryable } from '../store/db.ts';
import { findRemediation, type RemediationRecord, type RemediationZone } from '../store/remediations.ts';
import type { ZoneRecord } from '../store/zones.ts';
import { findMember } from '../store/users.ts';
import type { Actor } from './actor.ts';

/** A zone as remediation items carry it. */
export function itemZone(z: ZoneRecord): RemediationZone {
  return { id: z.id, key: z.key, name: z.name, tier: z.tier, ownerId: z.owner.id, ownerName: z.owner.name, deputyId: z.deputy?.id ?? null };
}

export function partyOf(actor: Actor, item: Pick<RemediationRecord, 'zone' | 'assignee' | 'validator'>): RemediationParty {
  const me = actor.userId;
  return {
    role: actor.role,
    zoneOwner: me !== null && (item.zone.ownerId === me || item.zone.deputyId === me),
    assignee: me !== null && item.assignee?.id === me,
    validator: me !== null && item.validator?.id === me,
  };
}

/** Admins anywhere; leads in zones they own or deputize. Says why not, otherwise. */
export function authorizeManage(actor: Actor, item: Pick<RemediationRecord, 'zone' | 'assignee' | 'validator'>): void {
  const p = partyOf(actor, item);
  if (canManage(p)) return;
  authorizeOnZone(actor.role, p.zoneOwner, 'remediation.manage_own', 'remediation.manage_any');
  throw new NotAllowedError('You may not change this remediation item');
}

export async function loadItem(q: Queryable, actor: Actor, ref: string, forUpdate = false): Promise<RemediationRecord> {
  const item = await findRemediation(q, actor.orgId, ref, forUpdate);
  if (!item) throw new NotFoundError('Remediation item', ref);
  return item;
}

export type PersonField = 'assigneeId' | 'validatorId' | 'monitorId' | 'retirerId';

/** Building or validating a fix is work: readers (reviewers, viewers) cannot be named for it. */
const WORKERS: readonly Role[] = ['admin', 'lead', 'contributor'];
const WORK_FIELDS: readonly PersonField[] = ['assigneeId', 'validatorId'];

/** Each named person must be an active member; assignee and validator must be able to do the work. */
export async function requirePeople(q: Queryable, orgId: string, people: Partial<Record<PersonField, string | null | undefined>>): Promise<void> {
  for (const [field, id] of Object.entries(people) as [PersonField, string | null | undefined][]) {
    if (!id) continue;
    const m = /^[0-9a-f-]{36}$/i.test(id) ? await findMember(q, orgId, id) : null;
    if (!m) throw InputError.field(field, `user ${id} is not a member of this organization`);
    if (m.status !== 'active') throw InputError.field(field, `${m.name} is deactivated`);
    if (WORK_FIELDS.includes(field) && !WORKERS.includes(m.role)) {
      throw InputError.field(field, `${m.name} is a ${m.role} and only reads; name an admin, lead or contributor`);
    }
  }
}

/** A written rationale of at least three characters, trimmed. */
export function requireRationale(text: string | null | undefined, field = 'rationale'): string {
  const t = (text ?? '').trim();
  if (t.length < 3) throw InputError.field(field, 'write down why (at least 3 characters): it stays in the item\'s history');
  return t;
}
