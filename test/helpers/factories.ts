/** Builds records for tests through the services, as a user would. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { createServices, type Services } from '../../src/composition.ts';
import type { Role } from '../../src/domain/roles.ts';
import { systemActor, userActor, type Actor } from '../../src/services/actor.ts';
import type { Db } from '../../src/store/db.ts';
import { createTestDb, type TestDb } from './test-db.ts';

export const PASSWORD = 'correct-horse-battery';

export interface World {
  services: Services;
  orgId: string;
  slug: string;
  system: Actor;
  /** One member per role, plus a second lead. */
  people: Record<Role | 'lead2', { id: string; email: string; actor: Actor }>;
  productKey: string;
}

const uid = () => randomBytes(4).toString('hex');

/** A fresh organization with one member of each role and a product. */
export async function makeWorld(db: Db): Promise<World> {
  const services = createServices(db);
  const slug = `org-${uid()}`;
  const adminEmail = `admin-${slug}@example.com`;
  const org = await services.orgs.create({ slug, name: `Org ${slug}`, admin: { email: adminEmail, name: 'Ada Admin', password: PASSWORD } });
  const system = systemActor(org.id, 'test');
  const admin = (await services.users.list(system)).find((m) => m.email === adminEmail)!;
  const people = { admin: { id: admin.id, email: adminEmail, actor: userActor(org.id, admin.id, 'admin') } } as World['people'];
  const roles: [Role | 'lead2', Role, string][] = [
    ['lead', 'lead', 'Lee Lead'], ['lead2', 'lead', 'Lou Second'], ['contributor', 'contributor', 'Cy Contributor'],
    ['reviewer', 'reviewer', 'Rae Reviewer'], ['viewer', 'viewer', 'Vi Viewer'],
  ];
  for (const [name, role, full] of roles) {
    const email = `${name}-${slug}@example.com`;
    const m = await services.users.add(system, { email, name: full, role, password: PASSWORD });
    people[name] = { id: m.id, email, actor: userActor(org.id, m.id, role) };
  }
  const product = await services.products.create(system, { key: `prod-${uid()}`, name: 'Assistant' });
  return { services, orgId: org.id, slug, system, people, productKey: product.key };
}

export async function makeZone(w: World, ownerId: string, extra: { tier?: 'tier1' | 'tier2' | 'tier3' | 'tier4'; deputyId?: string; name?: string } = {}) {
  return w.services.zones.create(w.system, {
    product: w.productKey, name: extra.name ?? `Zone ${uid()}`, tier: extra.tier ?? 'tier2', buckets: ['user_wellbeing'],
    ownerId, deputyId: extra.deputyId,
  });
}

/**
 * The usual set-up of a test file: a fresh database with one organization (see makeWorld),
 * dropped after the file. Read `.t` and `.w` inside tests.
 */
export function useWorld(): { readonly t: TestDb; readonly w: World } {
  const ctx = {} as { t: TestDb; w: World };
  beforeAll(async () => {
    ctx.t = await createTestDb();
    ctx.w = await makeWorld(ctx.t.db);
  });
  afterAll(async () => ctx.t.drop());
  return ctx;
}
