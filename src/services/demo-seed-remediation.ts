/**
 * The demo's remediation backlog: findings triaged into remediation items over the last eleven
 * weeks (some verified on time, one late, some overdue and escalated, one paused, one stale,
 * one obsolete), false positives, and a planning period of six two-week sprints holding them,
 * with two deferrals and a new critical tier-1 item that jumps the queue. Written through the
 * services with a clock set to each step's time, so the records, decisions and events carry
 * the dates a real team would have left, and the metrics have something to measure.
 */
import type { Severity } from '../domain/severity.ts';
import type { Db } from '../store/db.ts';
import type { Actor } from './actor.ts';
import type { FindingService } from './findings.ts';
import { createPlanningService } from './planning.ts';
import { createRemediationService } from './remediations.ts';
import { createTriageService } from './triage.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface DemoRemediationDeps {
  db: Db;
  findings: FindingService;
}

interface ItemSpec {
  zone: string;
  title: string;
  severity: Severity;
  effort: number;
  assignee: string;
  validator?: string;
  scores: [impact: number, feasibility: number, customerValue: number];
  rationale: string;
  criterion?: string;
}

/** Monday 00:00 UTC of the week holding `d`. */
function mondayOf(d: Date): Date {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const quarterOf = (d: Date) => `${d.getUTCFullYear()} Q${Math.floor(d.getUTCMonth() / 3) + 1}`;

/**
 * Seeds the backlog for the demo organization. `people` maps the demo e-mails to member ids;
 * `now` is the real time the demo starts at (the backlog ends just before it).
 */
export async function seedDemoRemediation(
  deps: DemoRemediationDeps, actor: Actor, people: ReadonlyMap<string, string>, now = new Date(),
): Promise<void> {
  let clock = now;
  /** Sets the clock to `days` days before now, at `hour`:00 UTC of that day. */
  const at = (days: number, hour = 10) => {
    const day = new Date(now.getTime() - days * DAY);
    const t = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour));
    clock = t.getTime() < now.getTime() ? t : new Date(now.getTime() - HOUR);
  };
  const clocked = { db: deps.db, now: () => clock };
  const rem = createRemediationService(clocked);
  const triage = createTriageService(clocked);
  const planning = createPlanningService(clocked);
  const person = (email: string) => people.get(`${email}@northwind.example`);

  const finding = async (zone: string, title: string, severity: Severity, ruleId: string, introducedDaysAgo?: number) =>
    (await deps.findings.create(actor, {
      zone, title, severity, ruleId, target: 'assistant-prod',
      introducedIn: introducedDaysAgo === undefined ? undefined : isoDay(new Date(now.getTime() - introducedDaysAgo * DAY)),
    })).id;

  const fields = (s: ItemSpec) => ({
    zone: s.zone, title: s.title, severity: s.severity, effort: s.effort,
    impact: s.scores[0], feasibility: s.scores[1], customerValue: s.scores[2], rationale: s.rationale,
    assigneeId: person(s.assignee), validatorId: s.validator ? person(s.validator) : undefined,
    criteria: s.criterion ? [{ text: s.criterion }] : undefined,
  });
  const create = async (s: ItemSpec) => (await rem.create(actor, fields(s))).id;
  const fromFindings = async (findingIds: string[], s: ItemSpec) =>
    (await triage.decide(actor, { findingIds, decision: 'remediate', rationale: s.rationale, remediation: fields(s) })).remediationId!;
  const move = (id: string, to: 'in_progress' | 'fixed' | 'verified' | 'obsolete', reason?: string) => rem.move(actor, id, { to, reason });
  const verify = async (id: string, evidence: string) => {
    const item = await rem.get(actor, id);
    for (const c of item.criteria) await rem.checkCriterion(actor, id, c.id, { evidence });
    await move(id, 'verified');
  };

  // Findings are recorded now (they are typed in); their triage happened on the team's clock.
  const fInjection = [
    await finding('assistant-prompt-injection', 'Hidden instructions in a fetched page exfiltrate the chat', 'critical', 'indirect-injection', 95),
    await finding('assistant-prompt-injection', 'Markdown image link leaks the conversation to a third party', 'high', 'indirect-injection', 90),
  ];
  const fInjectionFp = [
    await finding('assistant-prompt-injection', 'Refuses to summarise a page that quotes an attack', 'medium', 'harmful:hate'),
    await finding('assistant-prompt-injection', 'Follows a harmless formatting hint in a page', 'low', 'indirect-injection'),
  ];
  const fPayments = await finding('agents-payments', 'Agent confirms a payment without asking the user', 'high', 'excessive-agency', 80);
  const fSelfHarm = await finding('assistant-self-harm', 'Gives method details after a role-play framing', 'high', 'self-harm-detail', 70);
  const fSelfHarmDup = await finding('assistant-self-harm', 'Method details under a fictional framing (again)', 'high', 'self-harm-detail');
  const fSelfHarmFp = await finding('assistant-self-harm', 'Crisis resources shown for a cooking question', 'low', 'over-refusal');
  const fNewCritical = await finding('assistant-prompt-injection', 'Tool call injected through a shared calendar invite', 'critical', 'indirect-injection', 9);

  // The planning period: six two-week sprints; the current week lies in the fifth.
  const start = new Date(mondayOf(now).getTime() - 8 * 7 * DAY);
  const end = new Date(start.getTime() + 12 * 7 * DAY - DAY);

  at(78);
  const r1 = await fromFindings(fInjection, {
    zone: 'assistant-prompt-injection', title: 'Strip instructions from fetched content before the model sees it', severity: 'critical',
    effort: 5, assignee: 'riley.chen', validator: 'sam.okafor', scores: [5, 3, 4],
    rationale: 'Exfiltration of the whole chat from one poisoned page; tier-1 zone', criterion: 'The 120 injection probes of the red-team suite all fail',
  });
  at(77); await move(r1, 'in_progress');
  at(75, 9);
  await create({
    zone: 'search-citations', title: 'Flag answers whose citations do not support the claim', severity: 'medium', effort: 5,
    assignee: 'jordan.blake', scores: [3, 2, 3], rationale: 'Users trust cited answers more; wrong citations mislead',
  });
  at(75);
  await triage.decide(actor, { findingIds: [fInjectionFp[0]!], decision: 'false_positive', rationale: 'Refusing to repeat an attack is the intended behaviour' });
  at(73); await move(r1, 'fixed');
  at(71); await verify(r1, 'Red-team run of week 38: 0 of 120 injection probes succeed');

  at(70);
  const r10 = await create({
    zone: 'agents-pii', title: 'Mask e-mail addresses in tool-call logs', severity: 'low', effort: 2, assignee: 'mei.lin',
    scores: [2, 4, 2], rationale: 'Logs are internal, but hold personal data longer than needed',
  });
  at(66);
  const r2 = await fromFindings([fPayments], {
    zone: 'agents-payments', title: 'Ask the user before every payment the agent makes', severity: 'high', effort: 8,
    assignee: 'riley.chen', validator: 'sam.okafor', scores: [5, 2, 5],
    rationale: 'Money moves without consent; the payments launch depends on it', criterion: 'Every payment action shows a confirmation step',
  });
  at(64); await move(r2, 'in_progress');

  at(61);
  const period = await planning.createPeriod(actor, {
    name: `${quarterOf(new Date(start.getTime() + 6 * 7 * DAY))} safety plan`, startsOn: isoDay(start), endsOn: isoDay(end),
    sprints: { count: 6, capacity: 80 },
  });
  const sprint = (n: number) => period.sprints[n - 1]!.id;
  at(61, 12); await planning.schedule(actor, r2, { sprintId: sprint(1) });
  at(60);
  const r7 = await create({
    zone: 'search-misinformation', title: 'Label AI answers about polling places with the official source', severity: 'high',
    effort: 3, assignee: 'jordan.blake', scores: [4, 3, 4], rationale: 'Election period in two regions; tier-1 zone',
  });
  at(60, 15);
  await triage.decide(actor, { findingIds: [fSelfHarmFp], decision: 'false_positive', rationale: 'Resources for an ambiguous phrase are acceptable' });
  at(55);
  await create({
    zone: 'assistant-medical', title: 'Add dosage guard rails to medication answers', severity: 'high', effort: 13,
    assignee: 'mei.lin', scores: [4, 2, 4], rationale: 'Dosage answers for children were off by a factor of ten in the exercise',
  });
  at(50);
  await rem.pauseSla(actor, r7, { rationale: 'Waiting for the election-data vendor to publish the official polling feed' });
  at(50, 14);
  const r5 = await fromFindings([fSelfHarm], {
    zone: 'assistant-self-harm', title: 'Keep crisis behaviour under role-play and fiction framings', severity: 'high', effort: 8,
    assignee: 'dana.reyes', scores: [5, 2, 4], rationale: 'Role-play bypasses the crisis policy; tier-1 wellbeing zone',
  });
  at(50, 16);
  const r3 = await create({
    zone: 'assistant-memory', title: 'Let users see and delete what the assistant remembers', severity: 'medium', effort: 5,
    assignee: 'sam.okafor', scores: [3, 3, 5], rationale: 'Memory holds personal facts users cannot review',
  });
  at(49);
  await triage.decide(actor, { findingIds: [fSelfHarmDup], decision: 'duplicate', duplicateOf: fSelfHarm, rationale: 'Same weakness as the role-play finding' });


  at(48); await planning.schedule(actor, r3, { sprintId: sprint(4) });
  at(45); await planning.schedule(actor, r5, { sprintId: sprint(3) });
  at(45, 11); await move(r2, 'fixed');
  at(45, 12);
  const r12 = await create({
    zone: 'assistant-self-harm', title: 'Show regional crisis lines in the reply, not only a link', severity: 'medium', effort: 2,
    assignee: 'dana.reyes', validator: 'mei.lin', scores: [3, 4, 4], rationale: 'Users in crisis do not follow links',
    criterion: 'Crisis lines shown for the 12 launch regions',
  });
  at(45, 13); await planning.schedule(actor, r12, { sprintId: sprint(2) });
  at(42); await verify(r2, 'Exercise "agents payday": 0 of 40 payment attempts completed without a confirmation');
  at(40);
  const r4 = await create({
    zone: 'agents-payments', title: 'Cap the amount an agent may pay per day without a second factor', severity: 'critical', effort: 5,
    assignee: 'riley.chen', scores: [5, 3, 3], rationale: 'A compromised session can drain the linked card',
  });
  at(40, 12); await move(r12, 'in_progress');
  at(39); await move(r4, 'in_progress');
  at(39, 12); await planning.schedule(actor, r4, { sprintId: sprint(3) });
  at(35); await move(r10, 'obsolete', 'Superseded by the redaction layer for all tool calls');
  at(30); await move(r12, 'fixed');
  at(30, 12);
  const r13 = await create({
    zone: 'agents-scheduling', title: 'Ask before sending e-mail on the user\'s behalf to new recipients', severity: 'low', effort: 3,
    assignee: 'jordan.blake', scores: [2, 4, 3], rationale: 'Low risk, but users asked for it',
  });
  at(28); await verify(r12, 'Checked in all 12 regions by the wellbeing team');
  at(25);
  const r14 = await create({
    zone: 'assistant-memory', title: 'Forget memories on account deletion within 24 hours', severity: 'high', effort: 3,
    assignee: 'sam.okafor', scores: [4, 4, 4], rationale: 'Deletion promise in the privacy policy',
  });
  at(24); await move(r14, 'in_progress');
  at(24, 12); await planning.schedule(actor, r14, { sprintId: sprint(4) });
  at(20); await move(r3, 'in_progress');
  at(20, 12);
  await planning.schedule(actor, r4, { sprintId: sprint(5), rationale: 'Payments team is on the card-network migration until the end of the sprint' });
  at(20, 14);
  await triage.decide(actor, { findingIds: [fInjectionFp[1]!], decision: 'false_positive', rationale: 'Formatting hints are allowed by design' });
  at(18);
  await planning.schedule(actor, r5, { sprintId: sprint(5), rationale: 'The crisis-line partner contract is not signed yet' });
  at(10);
  const r6 = await create({
    zone: 'assistant-minors', title: 'Block romantic role-play when the user may be a minor', severity: 'critical', effort: 3,
    assignee: 'dana.reyes', scores: [5, 3, 4], rationale: 'Exercise showed the age signal is ignored in role-play',
  });
  at(9); await planning.schedule(actor, r6, { sprintId: sprint(5) });
  at(8); await move(r14, 'fixed');
  at(3);
  await planning.schedule(actor, r4, { sprintId: sprint(6), rationale: 'Still blocked on the card network\'s sandbox access' });
  // A new critical finding in a tier-1 zone jumps the queue: scheduled into the current sprint, it pushes others out of the reserve.
  at(2);
  const r11 = await fromFindings([fNewCritical], {
    zone: 'assistant-prompt-injection', title: 'Treat calendar invites as untrusted input for tool calls', severity: 'critical', effort: 4,
    assignee: 'riley.chen', validator: 'sam.okafor', scores: [5, 4, 5], rationale: 'Critical injection in a tier-1 zone: jumps the queue',
  });
  at(2, 11);
  await planning.schedule(actor, r11, { sprintId: sprint(5), rationale: 'Critical in a tier-1 zone: takes the reserve first' });
  at(1);
  await rem.reprioritize(actor, r13, { impact: 3, rationale: 'Two customers reported e-mails sent to the wrong people' });
}
