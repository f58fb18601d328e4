/**
 * The demo organization seeded on first start: products, zones across all tiers, owners,
 * deputies, a few handoffs, and one person of each role. Written through the services, so
 * the audit trail holds every step, like a real set-up.
 */
import type { OrgRecord } from '../store/orgs.ts';
import type { Role } from '../domain/roles.ts';
import { systemActor } from './actor.ts';
import { seedDemoRemediation } from './demo-seed-remediation.ts';
import { seedDemoTriage } from './demo-seed-triage.ts';
import type { Db } from '../store/db.ts';
import type { FindingService } from './findings.ts';
import type { OrgService } from './orgs.ts';
import type { UserService } from './users.ts';
import type { ZoneImportService } from './zone-import.ts';
import type { ZoneService } from './zones.ts';

export const DEMO_ORG = { slug: 'demo', name: 'Northwind AI (demo)' };
export const DEMO_PASSWORD = 'keel-demo-password';
export const DEMO_ADMIN = { email: 'admin@northwind.example', name: 'Avery Admin' };

const PEOPLE: { email: string; name: string; role: Role }[] = [
  { email: 'dana.reyes@northwind.example', name: 'Dana Reyes', role: 'lead' },
  { email: 'sam.okafor@northwind.example', name: 'Sam Okafor', role: 'lead' },
  { email: 'mei.lin@northwind.example', name: 'Mei Lin', role: 'lead' },
  { email: 'jordan.blake@northwind.example', name: 'Jordan Blake', role: 'lead' },
  { email: 'riley.chen@northwind.example', name: 'Riley Chen', role: 'contributor' },
  { email: 'noor.haddad@northwind.example', name: 'Noor Haddad', role: 'reviewer' },
  { email: 'exec.viewer@northwind.example', name: 'Kim Exec', role: 'viewer' },
];

const ZONES_YAML = `
products:
  - key: assistant
    name: Northwind Assistant
    description: The consumer chat assistant on web and mobile
    zones:
      - { key: assistant-self-harm, name: Self-harm and crisis replies, tier: tier1, buckets: [user_wellbeing], owner: dana.reyes@northwind.example, deputy: mei.lin@northwind.example, description: "How the assistant responds to users in crisis" }
      - { key: assistant-prompt-injection, name: Prompt injection via browsing, tier: tier1, buckets: [systemic_integrity, data_stewardship], owner: sam.okafor@northwind.example, description: "Instructions hidden in fetched pages and files" }
      - { key: assistant-minors, name: Interactions with minors, tier: tier1, buckets: [user_wellbeing], owner: dana.reyes@northwind.example, deputy: jordan.blake@northwind.example }
      - { key: assistant-medical, name: Medical advice, tier: tier2, buckets: [user_wellbeing], owner: mei.lin@northwind.example }
      - { key: assistant-memory, name: Long-term memory, tier: tier2, buckets: [data_stewardship], owner: sam.okafor@northwind.example }
  - key: search
    name: Northwind Search
    description: AI answers on top of web search
    zones:
      - { key: search-misinformation, name: Election misinformation, tier: tier1, buckets: [systemic_integrity], owner: jordan.blake@northwind.example, deputy: sam.okafor@northwind.example }
      - { key: search-citations, name: Citation faithfulness, tier: tier3, buckets: [systemic_integrity], owner: jordan.blake@northwind.example }
      - { key: search-ads, name: Sponsored answers disclosure, tier: tier3, buckets: [user_wellbeing, systemic_integrity], owner: mei.lin@northwind.example }
  - key: agents
    name: Northwind Agents
    description: Agents that act in users' accounts
    zones:
      - { key: agents-payments, name: Payments actions, tier: tier1, buckets: [data_stewardship, user_wellbeing], owner: sam.okafor@northwind.example, deputy: dana.reyes@northwind.example }
      - { key: agents-pii, name: Personal data in tool calls, tier: tier2, buckets: [data_stewardship], owner: mei.lin@northwind.example }
      - { key: agents-scheduling, name: Calendar and email actions, tier: tier4, buckets: [data_stewardship], owner: jordan.blake@northwind.example }
`;

export interface DemoDeps {
  db: Db;
  findings: FindingService;
  orgs: OrgService;
  users: UserService;
  zoneImport: ZoneImportService;
  zones: ZoneService;
}

/** Seeds the demo organization unless any organization exists. Returns it when it seeded. */
export async function seedDemo(s: DemoDeps): Promise<OrgRecord | null> {
  if ((await s.orgs.list()).length > 0) return null;
  const org = await s.orgs.create({ ...DEMO_ORG, admin: { ...DEMO_ADMIN, password: DEMO_PASSWORD } });
  const actor = systemActor(org.id, 'demo-seed');
  const ids = new Map<string, string>();
  for (const p of PEOPLE) {
    const m = await s.users.add(actor, { ...p, password: DEMO_PASSWORD });
    ids.set(p.email, m.id);
  }
  await s.zoneImport.importZones(actor, ZONES_YAML, 'yaml');
  await s.zones.handoff(actor, 'assistant-medical', {
    toUserId: ids.get('dana.reyes@northwind.example')!,
    reason: 'Mei moves to the agents launch for Q3; Dana takes medical advice with the wellbeing portfolio',
  });
  await s.zones.handoff(actor, 'assistant-medical', {
    toUserId: ids.get('mei.lin@northwind.example')!,
    reason: 'Agents launch slipped to Q4; Mei takes medical advice back',
  });
  await seedDemoRemediation(s, actor, ids);
  await seedDemoTriage(s.findings, actor);
  return org;
}
