/**
 * Bulk set-up: creates or updates products, zones and owners from a CSV or YAML file in one
 * transaction. Every problem names the line and column; if there is any, nothing is written.
 * Unknown owner or deputy emails become accounts (role lead, no password until an admin sets
 * one); changing the owner of an existing zone is a handoff and needs handoff_reason.
 */
import type { Issue } from '../domain/errors.ts';
import { authorize, OWNER_ROLES } from '../domain/roles.ts';
import { parseZoneFile, fileError, type ZoneFileFormat, type ZoneFileRow } from '../importers/zones-file.ts';

export { detectZoneFileFormat, type ZoneFileFormat } from '../importers/zones-file.ts';
import type { Db, Queryable } from '../store/db.ts';
import { appendEvents, type NewEvent } from '../store/events.ts';
import { insertHandoff } from '../store/handoffs.ts';
import { refreshStatistics } from '../store/maintenance.ts';
import { insertProduct, listProducts, updateProduct, type ProductRecord } from '../store/products.ts';
import * as usersRepo from '../store/users.ts';
import { findZone, insertZone, setZoneOwner, updateZone } from '../store/zones.ts';
import type { Actor } from './actor.ts';
import { snapshot } from './zones.ts';

export interface ZoneImportSummary {
  dryRun: boolean;
  rows: number;
  productsCreated: number;
  productsUpdated: number;
  zonesCreated: number;
  zonesUpdated: number;
  zonesUnchanged: number;
  handoffs: number;
  usersCreated: number;
  membersAdded: number;
}

const BULK_ROWS = 100;

/** Thrown inside the transaction to roll a dry run back after it has checked everything. */
class DryRunRollback extends Error {
  constructor(readonly summary: ZoneImportSummary) { super('dry run'); }
}

export function createZoneImportService(deps: { db: Db }) {
  const { db } = deps;

  return {
    async importZones(actor: Actor, text: string, format: ZoneFileFormat, options: { dryRun?: boolean } = {}): Promise<ZoneImportSummary> {
      authorize(actor.role, 'zone.import');
      const rows = parseZoneFile(text, format);
      const dryRun = options.dryRun ?? false;
      try {
        const summary = await db.transaction(async (tx) => {
          const s = await apply(tx, actor, rows, dryRun);
          if (dryRun) throw new DryRunRollback(s);
          return s;
        });
        // A bulk load leaves the planner's statistics behind (see store/maintenance.ts).
        if (summary.zonesCreated >= BULK_ROWS) await refreshStatistics(db);
        return summary;
      } catch (err) {
        if (err instanceof DryRunRollback) return err.summary;
        throw err;
      }
    },
  };
}

async function apply(tx: Queryable, actor: Actor, rows: ZoneFileRow[], dryRun: boolean): Promise<ZoneImportSummary> {
  const s: ZoneImportSummary = {
    dryRun, rows: rows.length, productsCreated: 0, productsUpdated: 0, zonesCreated: 0, zonesUpdated: 0,
    zonesUnchanged: 0, handoffs: 0, usersCreated: 0, membersAdded: 0,
  };
  const issues: Issue[] = [];
  const events: NewEvent[] = [];
  const at = new Date();
  const products = new Map<string, ProductRecord>((await listProducts(tx, actor.orgId)).map((p) => [p.key, p]));
  const members = new Map((await usersRepo.listMembers(tx, actor.orgId)).map((m) => [m.email, m]));
  const updatedProducts = new Set<string>();
  // A person may appear as a deputy before the row that gives their name as an owner.
  const names = new Map(rows.filter((r) => r.ownerName).map((r) => [r.ownerEmail, r.ownerName!]));

  /** The member behind an email, creating the account and/or membership (as lead) when missing. */
  async function person(row: ZoneFileRow, email: string, column: string): Promise<string | null> {
    const known = members.get(email);
    if (known) {
      if (known.status !== 'active') {
        issues.push({ line: row.line, column, message: `${email} is deactivated in this organization` });
        return null;
      }
      if (column === 'owner_email' && !OWNER_ROLES.includes(known.role)) {
        issues.push({ line: row.line, column, message: `${email} is a ${known.role}; a zone's owner must be a lead or an admin` });
        return null;
      }
      return known.id;
    }
    let user = await usersRepo.findUserByEmail(tx, email);
    if (!user) {
      const created = await usersRepo.insertUser(tx, email, names.get(email) ?? nameFromEmail(email), null);
      user = { ...created, passwordHash: null };
      s.usersCreated += 1;
    }
    await usersRepo.insertMembership(tx, actor.orgId, user.id, 'lead');
    const m = (await usersRepo.findMember(tx, actor.orgId, user.id))!;
    members.set(email, m);
    s.membersAdded += 1;
    events.push({ actor: actor.label, action: 'member.added', entityType: 'user', entityId: m.id,
      after: { email: m.email, name: m.name, role: m.role, status: m.status, via: 'zone import' } });
    return m.id;
  }

  for (const row of rows) {
    let product = products.get(row.productKey);
    if (!product) {
      product = await insertProduct(tx, actor.orgId, {
        key: row.productKey, name: row.productName ?? row.productKey, description: row.productDescription ?? '',
      });
      products.set(product.key, product);
      s.productsCreated += 1;
      events.push({ actor: actor.label, action: 'product.created', entityType: 'product', entityId: product.id,
        after: { key: product.key, name: product.name, description: product.description } });
    } else if (!updatedProducts.has(product.key) &&
      ((row.productName && row.productName !== product.name) || (row.productDescription && row.productDescription !== product.description))) {
      const next = { name: row.productName ?? product.name, description: row.productDescription ?? product.description };
      await updateProduct(tx, actor.orgId, product.id, next);
      events.push({ actor: actor.label, action: 'product.updated', entityType: 'product', entityId: product.id,
        before: { key: product.key, name: product.name, description: product.description }, after: { key: product.key, ...next } });
      product = { ...product, ...next };
      products.set(product.key, product);
      updatedProducts.add(product.key);
      s.productsUpdated += 1;
    }

    const ownerId = await person(row, row.ownerEmail, 'owner_email');
    const deputyId = row.deputyEmail ? await person(row, row.deputyEmail, 'deputy_email') : null;
    if (!ownerId || (row.deputyEmail && !deputyId)) continue;

    const existing = await findZone(tx, actor.orgId, row.zoneKey, true);
    const keptDeputy = existing?.deputy && existing.deputy.id !== ownerId ? existing.deputy.id : null;
    const fields = {
      productId: product.id, name: row.zoneName, description: row.description ?? existing?.description ?? '',
      tier: row.tier, buckets: row.buckets, deputyId: row.deputyEmail === undefined ? keptDeputy : deputyId,
    };
    if (!existing) {
      const id = await insertZone(tx, actor.orgId, { ...fields, key: row.zoneKey, ownerId });
      await insertHandoff(tx, { orgId: actor.orgId, zoneId: id, fromUserId: null, toUserId: ownerId,
        reason: row.handoffReason ?? 'Zone created by import', actor: actor.label, at: at.toISOString() });
      const created = (await findZone(tx, actor.orgId, id))!;
      events.push({ actor: actor.label, action: 'zone.created', entityType: 'zone', entityId: id, after: snapshot(created) });
      s.zonesCreated += 1;
      continue;
    }
    if (existing.owner.id !== ownerId) {
      if (!row.handoffReason || row.handoffReason.trim().length < 3) {
        issues.push({ line: row.line, column: 'handoff_reason',
          message: `zone ${row.zoneKey} is owned by ${existing.owner.email}; giving it to ${row.ownerEmail} is a handoff and needs a reason` });
        continue;
      }
      await setZoneOwner(tx, actor.orgId, existing.id, ownerId, existing.deputy?.id === ownerId);
      await insertHandoff(tx, { orgId: actor.orgId, zoneId: existing.id, fromUserId: existing.owner.id, toUserId: ownerId,
        reason: row.handoffReason.trim(), actor: actor.label, at: at.toISOString() });
      events.push({ actor: actor.label, action: 'zone.handed_off', entityType: 'zone', entityId: existing.id,
        before: { zone: existing.key, ownerId: existing.owner.id, owner: existing.owner.email },
        after: { zone: existing.key, ownerId, owner: row.ownerEmail, reason: row.handoffReason.trim() } });
      s.handoffs += 1;
    }
    await updateZone(tx, actor.orgId, existing.id, fields);
    const after = (await findZone(tx, actor.orgId, existing.id))!;
    const [b, a] = [snapshot(existing), snapshot(after)];
    if (JSON.stringify({ ...b, ownerId: null, owner: null }) === JSON.stringify({ ...a, ownerId: null, owner: null })) {
      if (existing.owner.id === ownerId) s.zonesUnchanged += 1;
      continue;
    }
    events.push({ actor: actor.label, action: 'zone.updated', entityType: 'zone', entityId: existing.id, before: b, after: a });
    s.zonesUpdated += 1;
  }
  if (issues.length > 0) throw fileError(issues);
  await appendEvents(tx, actor.orgId, events, at);
  return s;
}

function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local.split(/[._-]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ') || email;
}

export type ZoneImportService = ReturnType<typeof createZoneImportService>;
