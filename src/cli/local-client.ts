/**
 * The CLI on the embedded database (or DATABASE_URL): calls the services directly, acting as
 * the local operator (admin rights, `system:cli` in the audit trail). Refuses, with the
 * server's URL, when a running server holds the PGlite data directory.
 */
import type { Config } from '../config.ts';
import { openKeel, type Keel } from '../composition.ts';
import { InputError, NotFoundError } from '../domain/errors.ts';
import { systemActor, userActor, type Actor } from '../services/actor.ts';
import { ownershipReportCsv } from '../services/ownership-report.ts';
import { ExerciseCreateSchema } from '../contracts/exercises.ts';
import { FindingCreateSchema, FindingListQuerySchema } from '../contracts/findings.ts';
import { RoutingRuleCreateSchema } from '../contracts/routing.ts';
import type { KeelClient } from './client.ts';
import { validated } from './validate.ts';

export async function openLocalClient(config: Config, orgSlug: string | undefined): Promise<KeelClient> {
  const keel = await openKeel(config);
  try {
    const actor = await operatorActor(keel, orgSlug);
    return localClient(keel, actor);
  } catch (err) {
    await keel.close();
    throw err;
  }
}

async function operatorActor(keel: Keel, orgSlug: string | undefined): Promise<Actor> {
  const orgs = await keel.services.orgs.list();
  if (orgSlug) {
    const org = orgs.find((o) => o.slug === orgSlug);
    if (!org) throw InputError.field('--org', `no organization ${JSON.stringify(orgSlug)}; there are: ${orgs.map((o) => o.slug).join(', ') || 'none'}`);
    return systemActor(org.id);
  }
  if (orgs.length === 1) return systemActor(orgs[0]!.id);
  if (orgs.length === 0) throw new InputError('There is no organization yet: run `keel serve --demo`, or `keel orgs create`');
  throw InputError.field('--org', `choose an organization: ${orgs.map((o) => o.slug).join(', ')}`);
}

function localClient(keel: Keel, actor: Actor): KeelClient {
  const s = keel.services;
  async function memberId(email: string): Promise<string> {
    const found = (await s.users.list(actor, { q: email })).find((m) => m.email === email.toLowerCase());
    if (!found) throw new NotFoundError('Member', email);
    return found.id;
  }
  return {
    where: keel.describe,
    async whoami() {
      const org = (await s.orgs.list()).find((o) => o.id === actor.orgId)!;
      return { operator: 'local operator (admin rights on the embedded database)', org: org.slug };
    },
    listZones: (f) => s.zones.list(actor, { ...f, tier: f.tier as never, bucket: f.bucket as never, ownerId: f.owner })
      .then((page) => ({ ...page, limit: f.limit, offset: f.offset })),
    getZone: (ref) => s.zones.get(actor, ref),
    zoneHandoffs: (ref) => s.zones.handoffs(actor, ref),
    handoff: async (ref, toEmail, reason) => s.zones.handoff(actor, ref, { toUserId: await memberId(toEmail), reason }),
    ownershipReport: () => s.ownership.report(actor),
    ownershipReportCsv: async () => ownershipReportCsv(await s.ownership.report(actor)),
    importZones: (text, format, dryRun) => s.zoneImport.importZones(actor, text, format, { dryRun }),
    listUsers: (f) => s.users.list(actor, f),
    addUser: (input) => s.users.add(actor, input),
    updateUser: async (email, patch) => s.users.update(actor, await memberId(email), patch),
    removeUser: async (email) => s.users.remove(actor, await memberId(email)),
    setPassword: async (email, password) => s.users.setPassword(actor, await memberId(email), password),
    async createToken(name, expiresInDays, asEmail) {
      if (!asEmail) throw InputError.field('--as', 'an API token belongs to a person: give --as <email>');
      const member = await s.users.get(actor, await memberId(asEmail));
      const created = await s.auth.createApiToken(userActor(actor.orgId, member.id, member.role), name, expiresInDays);
      return { token: created.token, name: created.record.name };
    },
    importRun: (file, options, onFindings) =>
      s.runs.importRun(actor, {
        zone: options.zone, format: options.format as never, introducedIn: options.introducedIn, fileName: file.name, source: file.source,
      }, (_bytes, findings) => onFindings?.(findings)),
    listFindings: async (query) => {
      const q = validated(FindingListQuerySchema, query);
      return { ...(await s.findings.list(actor, q)), limit: q.limit, offset: q.offset };
    },
    getFinding: (id) => s.findings.get(actor, id),
    addFinding: (input) => s.findings.create(actor, validated(FindingCreateSchema, input)),
    listExercises: () => s.exercises.list(actor),
    addExercise: (input) => s.exercises.create(actor, validated(ExerciseCreateSchema, input)),
    listRoutingRules: () => s.routing.list(actor),
    addRoutingRule: (input) => s.routing.create(actor, validated(RoutingRuleCreateSchema, input)),
    removeRoutingRule: (id) => s.routing.remove(actor, id),
    events: (entity, limit) => (entity ? s.audit.history(actor, entity.type, entity.id, limit) : s.audit.recent(actor, limit)),
    verifyAudit: (onProgress) => s.audit.verify(actor, onProgress),
    close: () => keel.close(),
  };
}
