/**
 * Seeds the benchmark organization through the services (never SQL): an org with its admin,
 * leads, and the zones from one generated CSV imported in one transaction; then a personal
 * API token for the admin. Closes the database, releasing a PGlite data-directory lock.
 */
import { openKeel } from '../src/composition.ts';
import { loadConfig } from '../src/config.ts';
import { systemActor, userActor } from '../src/services/actor.ts';

export interface SeedOptions {
  zones: number;
  leads: number;
  products: number;
}

export interface SeedResult {
  orgId: string;
  token: string;
  zones: number;
  seconds: { open: number; leads: number; zones: number; total: number };
}

const ADMIN = { email: 'bench-admin@example.com', name: 'Bench Admin', password: 'bench-password-1234' };
const ADJECTIVES = ['Adversarial', 'Biased', 'Covert', 'Delegated', 'Emergent', 'Forged', 'Graphic', 'Hidden', 'Injected',
  'Jailbroken', 'Leaked', 'Misleading', 'Nested', 'Obfuscated', 'Persuasive', 'Quoted', 'Recursive', 'Spoofed', 'Toxic',
  'Unsafe', 'Viral', 'Weaponized'];
const NOUNS = ['prompts', 'replies', 'tool calls', 'memories', 'uploads', 'summaries', 'translations', 'citations',
  'code suggestions', 'search results', 'images', 'voice turns', 'agent plans', 'plugins', 'retrievals'];
const BUCKET_SETS = ['user_wellbeing', 'systemic_integrity', 'data_stewardship', 'user_wellbeing;data_stewardship',
  'systemic_integrity;user_wellbeing'];

const leadEmail = (i: number) => `lead-${String(i).padStart(3, '0')}@example.com`;

/** A deterministic CSV of `n` zones over `products` products, owned by the `leads` leads. */
export function zonesCsv(n: number, products: number, leads: number): string {
  const lines = ['product_key,product_name,zone_key,zone_name,description,tier,buckets,owner_email,deputy_email'];
  for (let i = 0; i < n; i++) {
    // A multiplicative permutation, so names are not created in sorted order.
    const j = (i * 7919) % n;
    const name = `${ADJECTIVES[j % ADJECTIVES.length]} ${NOUNS[Math.floor(j / ADJECTIVES.length) % NOUNS.length]} ${j}`;
    const p = i % products;
    const owner = i % leads;
    const deputy = i % 2 === 0 ? leadEmail((owner + 1) % leads) : '';
    const description = `Benchmark zone ${j}: what the assistant does with ${name.toLowerCase()}, and who answers for it.`;
    lines.push([`product-${p}`, `Product ${p}`, `zone-${i}`, name, `"${description}"`, `tier${(i % 4) + 1}`,
      `"${BUCKET_SETS[i % BUCKET_SETS.length]}"`, leadEmail(owner), deputy].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Seeds the database named by `env` (DATABASE_URL or KEEL_DATA_DIR); it must be empty. */
export async function seedBenchOrg(env: Record<string, string>, opts: SeedOptions): Promise<SeedResult> {
  const t0 = performance.now();
  const keel = await openKeel(loadConfig({ ...env, KEEL_LOG_LEVEL: 'silent' }));
  try {
    const tOpen = performance.now();
    const org = await keel.services.orgs.create({ slug: 'bench', name: 'Bench Corp', admin: ADMIN });
    const system = systemActor(org.id, 'bench');
    for (let i = 0; i < opts.leads; i++) {
      await keel.services.users.add(system, { email: leadEmail(i), name: `Lead ${i}`, role: 'lead' });
    }
    const tLeads = performance.now();
    const summary = await keel.services.zoneImport.importZones(system, zonesCsv(opts.zones, opts.products, opts.leads), 'csv');
    if (summary.zonesCreated !== opts.zones) {
      throw new Error(`the seed import created ${summary.zonesCreated} zones, expected ${opts.zones}`);
    }
    const tZones = performance.now();
    const admin = (await keel.services.users.list(system)).find((m) => m.email === ADMIN.email);
    if (!admin) throw new Error('the bench admin is missing after creating the organization');
    const { token } = await keel.services.auth.createApiToken(userActor(org.id, admin.id, 'admin'), 'bench');
    const tEnd = performance.now();
    return {
      orgId: org.id, token, zones: summary.zonesCreated,
      seconds: {
        open: (tOpen - t0) / 1000, leads: (tLeads - tOpen) / 1000, zones: (tZones - tLeads) / 1000, total: (tEnd - t0) / 1000,
      },
    };
  } finally {
    await keel.close();
  }
}
