/** Zone use cases: list, read, create, edit, archive, and hand off ownership. */
import { ConflictError, InputError, NotFoundError } from '../domain/errors.ts';
import { authorize, authorizeOnZone, OWNER_ROLES } from '../domain/roles.ts';
import { normalizeBuckets, requireReason, slugify, type Bucket, type Tier } from '../domain/zones.ts';
import type { Db, Queryable } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { insertHandoff, listHandoffs, type HandoffRecord } from '../store/handoffs.ts';
import { findProduct } from '../store/products.ts';
import { sqlState, UNIQUE_VIOLATION } from '../store/rows.ts';
import { findMember } from '../store/users.ts';
import * as zonesRepo from '../store/zones.ts';
import type { ZoneFilter, ZoneRecord } from '../store/zones.ts';
import type { Actor } from './actor.ts';
import { SequenceCache } from './read-cache.ts';

export interface ZoneInput {
  product: string;
  key?: string | undefined;
  name: string;
  description?: string | undefined;
  tier: Tier;
  buckets: Bucket[];
  ownerId?: string | undefined;
  deputyId?: string | null | undefined;
}

export type ZonePatch = Partial<Omit<ZoneInput, 'key' | 'ownerId'>>;

export interface HandoffInput {
  toUserId: string;
  reason: string;
  /** Keep the current deputy (default) unless the new owner is that deputy. */
  keepDeputy?: boolean | undefined;
}

/** A zone as the outside sees it: the record plus what the caller may do with it. */
export interface ZoneView extends ZoneRecord {
  permissions: { edit: boolean; handoff: boolean; archive: boolean };
}

export function createZoneService(deps: { db: Db }) {
  const { db } = deps;
  // The zone list is the most read page of the product: pages are cached per filter until
  // the organization changes (see read-cache.ts).
  // Bounded to 50,000 zones held in all (about 35 MB of pages).
  const pages = new SequenceCache<{ items: ZoneRecord[]; total: number }>(db, (page) => page.items.length, 50_000);

  function view(actor: Actor, zone: ZoneRecord): ZoneView {
    const own = actor.userId !== null && zone.owner.id === actor.userId;
    const allowed = (ownAction: Parameters<typeof authorizeOnZone>[2], anyAction: Parameters<typeof authorizeOnZone>[3]) => {
      try { authorizeOnZone(actor.role, own, ownAction, anyAction); return true; } catch { return false; }
    };
    return {
      ...zone,
      permissions: {
        edit: allowed('zone.update_own', 'zone.update_any'),
        handoff: allowed('zone.handoff_own', 'zone.handoff_any'),
        archive: allowed('zone.archive', 'zone.archive'),
      },
    };
  }

  async function load(q: Queryable, actor: Actor, ref: string, forUpdate = false): Promise<ZoneRecord> {
    const zone = await zonesRepo.findZone(q, actor.orgId, ref, forUpdate);
    if (!zone) throw new NotFoundError('Zone', ref);
    return zone;
  }

  /** An owner must be an active lead or admin of the organization. */
  async function requireOwner(q: Queryable, actor: Actor, userId: string, field: string): Promise<void> {
    const m = await findMember(q, actor.orgId, userId);
    if (!m) throw InputError.field(field, `user ${userId} is not a member of this organization`);
    if (m.status !== 'active') throw InputError.field(field, `${m.name} is deactivated and cannot own a zone`);
    if (!OWNER_ROLES.includes(m.role)) {
      throw InputError.field(field, `${m.name} is a ${m.role}; a zone's owner must be a lead or an admin`);
    }
  }

  async function requireDeputy(q: Queryable, actor: Actor, userId: string, ownerId: string): Promise<void> {
    if (userId === ownerId) throw InputError.field('deputyId', 'the deputy must be someone other than the owner');
    const m = await findMember(q, actor.orgId, userId);
    if (!m) throw InputError.field('deputyId', `user ${userId} is not a member of this organization`);
    if (m.status !== 'active') throw InputError.field('deputyId', `${m.name} is deactivated and cannot be a deputy`);
  }

  async function productId(q: Queryable, actor: Actor, ref: string): Promise<string> {
    const p = await findProduct(q, actor.orgId, ref);
    if (!p) throw InputError.field('product', `no product ${JSON.stringify(ref)} in this organization`);
    return p.id;
  }

  function keyTaken(err: unknown, key: string): never {
    if (sqlState(err) === UNIQUE_VIOLATION) {
      throw InputError.field('key', `another zone already uses the key ${JSON.stringify(key)}`);
    }
    throw err;
  }

  return {
    async list(actor: Actor, filter: Omit<ZoneFilter, 'productId'> & { product?: string | undefined }) {
      authorize(actor.role, 'org.read');
      return pages.get(actor, JSON.stringify(filter), async () => {
        let productIdFilter: string | undefined;
        if (filter.product) {
          const p = await findProduct(db, actor.orgId, filter.product);
          if (!p) return { items: [], total: 0 };
          productIdFilter = p.id;
        }
        return zonesRepo.listZones(db, actor.orgId, { ...filter, productId: productIdFilter });
      });
    },

    async get(actor: Actor, ref: string): Promise<ZoneView> {
      authorize(actor.role, 'org.read');
      return view(actor, await load(db, actor, ref));
    },

    async create(actor: Actor, input: ZoneInput): Promise<ZoneView> {
      authorize(actor.role, 'zone.create');
      const ownerId = input.ownerId ?? actor.userId;
      if (!ownerId) throw InputError.field('ownerId', 'a zone needs an owner');
      if (ownerId !== actor.userId) authorize(actor.role, 'zone.create_for_other');
      const key = input.key ?? slugify(`${input.product}-${input.name}`);
      if (!key) throw InputError.field('key', 'could not derive a key from the name; give one');
      const buckets = normalizeBuckets(input.buckets);
      return db.transaction(async (tx) => {
        await requireOwner(tx, actor, ownerId, 'ownerId');
        if (input.deputyId) await requireDeputy(tx, actor, input.deputyId, ownerId);
        const write = {
          productId: await productId(tx, actor, input.product), key, name: input.name.trim(),
          description: input.description?.trim() ?? '', tier: input.tier, buckets, ownerId, deputyId: input.deputyId ?? null,
        };
        const id = await zonesRepo.insertZone(tx, actor.orgId, write).catch((err: unknown) => keyTaken(err, key));
        const at = new Date();
        await insertHandoff(tx, {
          orgId: actor.orgId, zoneId: id, fromUserId: null, toUserId: ownerId, reason: 'Zone created', actor: actor.label,
          at: at.toISOString(),
        });
        const zone = await load(tx, actor, id);
        await appendEvents(tx, actor.orgId, [
          { actor: actor.label, action: 'zone.created', entityType: 'zone', entityId: id, after: snapshot(zone) },
        ], at);
        return view(actor, zone);
      });
    },

    async update(actor: Actor, ref: string, patch: ZonePatch): Promise<ZoneView> {
      return db.transaction(async (tx) => {
        const before = await load(tx, actor, ref, true);
        authorizeOnZone(actor.role, before.owner.id === actor.userId, 'zone.update_own', 'zone.update_any');
        const deputyId = patch.deputyId === undefined ? before.deputy?.id ?? null : patch.deputyId;
        if (deputyId && deputyId !== before.deputy?.id) await requireDeputy(tx, actor, deputyId, before.owner.id);
        await zonesRepo.updateZone(tx, actor.orgId, before.id, {
          productId: patch.product ? await productId(tx, actor, patch.product) : before.product.id,
          name: patch.name?.trim() ?? before.name,
          description: patch.description?.trim() ?? before.description,
          tier: patch.tier ?? before.tier,
          buckets: patch.buckets ? normalizeBuckets(patch.buckets) : before.buckets,
          deputyId,
        });
        const after = await load(tx, actor, before.id);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'zone.updated', entityType: 'zone', entityId: before.id,
          before: snapshot(before), after: snapshot(after),
        }]);
        return view(actor, after);
      });
    },

    async setArchived(actor: Actor, ref: string, archived: boolean): Promise<ZoneView> {
      authorize(actor.role, 'zone.archive');
      return db.transaction(async (tx) => {
        const before = await load(tx, actor, ref, true);
        if ((before.archivedAt !== null) === archived) return view(actor, before);
        if (!archived) await requireOwner(tx, actor, before.owner.id, 'ownerId');
        await zonesRepo.setZoneArchived(tx, actor.orgId, before.id, archived);
        const after = await load(tx, actor, before.id);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: archived ? 'zone.archived' : 'zone.restored', entityType: 'zone', entityId: before.id,
          before: snapshot(before), after: snapshot(after),
        }]);
        return view(actor, after);
      });
    },

    async handoff(actor: Actor, ref: string, input: HandoffInput): Promise<ZoneView> {
      const reason = requireReason(input.reason);
      return db.transaction(async (tx) => {
        const before = await load(tx, actor, ref, true);
        authorizeOnZone(actor.role, before.owner.id === actor.userId, 'zone.handoff_own', 'zone.handoff_any');
        if (before.archivedAt) throw new ConflictError(`Zone ${before.name} is archived; restore it before handing it off`);
        if (input.toUserId === before.owner.id) {
          throw InputError.field('toUserId', `${before.owner.name} already owns ${before.name}`);
        }
        await requireOwner(tx, actor, input.toUserId, 'toUserId');
        const clearDeputy = input.keepDeputy === false || before.deputy?.id === input.toUserId;
        await zonesRepo.setZoneOwner(tx, actor.orgId, before.id, input.toUserId, clearDeputy);
        const at = new Date();
        await insertHandoff(tx, {
          orgId: actor.orgId, zoneId: before.id, fromUserId: before.owner.id, toUserId: input.toUserId, reason,
          actor: actor.label, at: at.toISOString(),
        });
        const after = await load(tx, actor, before.id);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'zone.handed_off', entityType: 'zone', entityId: before.id,
          before: { zone: before.key, ownerId: before.owner.id, owner: before.owner.email, deputyId: before.deputy?.id ?? null },
          after: { zone: after.key, ownerId: after.owner.id, owner: after.owner.email, deputyId: after.deputy?.id ?? null, reason },
        }], at);
        return view(actor, after);
      });
    },

    async handoffs(actor: Actor, ref: string): Promise<HandoffRecord[]> {
      authorize(actor.role, 'org.read');
      const zone = await load(db, actor, ref);
      return listHandoffs(db, actor.orgId, zone.id);
    },
  };
}

export type ZoneService = ReturnType<typeof createZoneService>;

/** What the audit trail keeps of a zone: its own fields, with people by id and email. */
export function snapshot(z: ZoneRecord) {
  return {
    key: z.key, name: z.name, description: z.description, tier: z.tier, buckets: z.buckets,
    product: z.product.key, ownerId: z.owner.id, owner: z.owner.email,
    deputyId: z.deputy?.id ?? null, deputy: z.deputy?.email ?? null, archived: z.archivedAt !== null,
  };
}
