/**
 * The review board over a scripted fortnight: a session is held, then over 14 days a critical
 * finding, a regression, an overdue item, a KPI status change, an acceptance expiring in 20
 * days and a launch awaiting its decision come up; the next agenda lists exactly those, per owner.
 * Findings and imports are stamped by the real clock, so the fortnight starts now; the services
 * that take a clock (board, remediations, KPIs, risk register, launches, debt) follow the script.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError, NotAllowedError } from '../../src/domain/errors.ts';
import { createBoardService } from '../../src/services/board.ts';
import { createKpiService } from '../../src/services/kpis.ts';
import { createLaunchService } from '../../src/services/launches.ts';
import { createRemediationService } from '../../src/services/remediations.ts';
import { createRiskRegisterService } from '../../src/services/risk-register.ts';
import { createRunImportService } from '../../src/services/run-import.ts';
import { makeZone, useWorld } from '../helpers/factories.ts';
import { file, linesImporter } from '../helpers/lines-importer.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';

const DAY = 86_400_000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dateOf = (d: Date) => d.toISOString().slice(0, 10);

describe(`review board (${TEST_ENGINE})`, () => {
  const ctx = useWorld();
  let clock = new Date();
  const clockFn = () => clock;
  const board = () => createBoardService({ db: ctx.t.db, now: clockFn });

  it('generates the next agenda, per owner, from what happened in a scripted fortnight', async () => {
    const { people, services } = ctx.w;
    const db = ctx.t.db;
    const imports = createRunImportService({ db, resolveImporter: () => linesImporter });
    const rem = createRemediationService({ db, now: clockFn });
    const kpis = createKpiService({ db, now: clockFn });
    const risks = createRiskRegisterService({ db, now: clockFn });
    const launches = createLaunchService({ db, now: clockFn });

    const chat = await makeZone(ctx.w, people.lead.id, { tier: 'tier1', name: 'Crisis replies' });
    const pay = await makeZone(ctx.w, people.lead2.id, { tier: 'tier2', name: 'Payments agent' });
    const imp = (name: string, ...fps: string[]) => imports.importRun(people.contributor.actor, { zone: chat.key, fileName: name, source: file(...fps) });

    // History before the first session: findings imported and one fixed (verified after two clean runs).
    await services.findings.create(people.contributor.actor, { zone: chat.key, title: 'Old critical gap', severity: 'critical' });
    await imp('day-0a.jsonl', 'a', 'b');
    await imp('day-0b.jsonl', 'b');
    await imp('day-0c.jsonl', 'b', 'c');
    const start = new Date();
    // An item created a month ago (critical, tier 1: due in 7 days), overdue since.
    clock = new Date(start.getTime() - 30 * DAY);
    const late = await rem.create(people.lead.actor, { zone: chat.key, title: 'Crisis number missing', severity: 'critical', impact: 5, feasibility: 4, customerValue: 5, rationale: 'users in crisis' });
    // A KPI on track: lower is better, 5 a year at most, one measurement of 4.
    clock = new Date(start.getTime() - 2 * 3_600_000);
    const kpi = await kpis.create(people.lead.actor, {
      zone: chat.key, name: 'Missed crisis referrals', direction: 'lower', kind: 'outcome', cadence: 'monthly', baseline: 10,
      targetKind: 'absolute', targetValue: 5, targetPeriod: 'year',
    });
    clock = start;
    await kpis.record(people.lead.actor, kpi.key, [{ measuredAt: new Date(start.getTime() - 3_600_000).toISOString(), value: 4 }]);

    // Day 0: the first session is held; it records figures and an action for Lou.
    await pause(5);
    clock = new Date();
    const t0 = clock;
    await pause(5);
    const first = await board().schedule(people.admin.actor, { attendees: ['Ada Admin', 'Lee Lead', 'Lou Second'] });
    expect(first.scheduledOn).toBe(dateOf(t0));
    await board().addAction(people.admin.actor, first.id, { text: 'Write the payments runbook', ownerId: people.lead2.id, dueOn: dateOf(new Date(t0.getTime() + 10 * DAY)) });
    const held = await board().hold(people.admin.actor, first.id);
    expect(held).toMatchObject({ status: 'held', heldAt: t0.toISOString() });

    // Day 1: a critical finding, and a medium one (not board material).
    clock = new Date(t0.getTime() + 1 * DAY);
    const critical = await services.findings.create(people.contributor.actor, { zone: chat.key, title: 'Crisis line omitted in Spanish', severity: 'critical' });
    await services.findings.create(people.contributor.actor, { zone: chat.key, title: 'Tone too formal', severity: 'medium' });
    // Day 2: an item that will be overdue by day 14.
    clock = new Date(t0.getTime() + 2 * DAY);
    const overdue = await rem.create(people.lead.actor, { zone: chat.key, title: 'Translate crisis replies', severity: 'critical', impact: 4, feasibility: 4, customerValue: 4, rationale: 'Spanish users' });
    // Day 3: two acceptances of the payments zone, one expiring in 20 days from day 14, one in 45.
    clock = new Date(t0.getTime() + 3 * DAY);
    const soon = await risks.create(people.lead2.actor, {
      zone: pay.key, title: 'Refund prompt may leak order ids', justification: 'Masked downstream', residualSeverity: 'medium',
      reviewOn: dateOf(new Date(t0.getTime() + 20 * DAY)), expiresOn: dateOf(new Date(t0.getTime() + 34 * DAY)),
    });
    await risks.approve(people.lead2.actor, soon.id);
    const later = await risks.create(people.lead2.actor, {
      zone: pay.key, title: 'Slow fraud check', justification: 'Monitored hourly', residualSeverity: 'low',
      reviewOn: dateOf(new Date(t0.getTime() + 30 * DAY)), expiresOn: dateOf(new Date(t0.getTime() + 59 * DAY)),
    });
    await risks.approve(people.lead2.actor, later.id);
    // Day 5: a launch awaits its decision; another one is paused (decided).
    clock = new Date(t0.getTime() + 5 * DAY);
    const launch = await launches.create(people.lead2.actor, { zone: pay.key, name: 'Refunds by chat', plannedOn: dateOf(new Date(t0.getTime() + 21 * DAY)) });
    const paused = await launches.create(people.lead2.actor, { zone: pay.key, name: 'Crypto refunds', plannedOn: dateOf(new Date(t0.getTime() + 28 * DAY)) });
    await launches.decide(people.lead2.actor, paused.id, { decision: 'pause', rationale: 'not before the fraud check' });
    // Day 8: the fixed finding is back (a regression).
    clock = new Date(t0.getTime() + 8 * DAY);
    await imp('day-8.jsonl', 'a', 'b', 'c');
    // Day 12: the KPI goes off track; the next session is planned on the cadence.
    clock = new Date(t0.getTime() + 12 * DAY);
    await kpis.record(people.lead.actor, kpi.key, [{ measuredAt: new Date(t0.getTime() + 12 * DAY).toISOString(), value: 20 }]);
    const second = await board().schedule(people.admin.actor, {});
    expect(second.scheduledOn).toBe(dateOf(new Date(t0.getTime() + 14 * DAY)));
    expect((await board().next(people.viewer.actor))).toMatchObject({ cadenceDays: 14, nextOn: second.scheduledOn, planned: { id: second.id } });

    // Day 14: the agenda.
    clock = new Date(t0.getTime() + 14 * DAY);
    const s2 = await board().generateAgenda(people.lead.actor, second.id);
    expect(s2.agendaSince).toBe(t0.toISOString());
    const [findingA] = await db.query<{ id: string }>(`SELECT id FROM findings WHERE zone_id = $1 AND rule_id = 'a'`, [chat.id]);
    const agenda = s2.agenda.map((g) => ({
      owner: g.owner?.email ?? null,
      points: g.points.map((p) => ({ kind: p.kind, record: p.recordKey ?? p.recordId, title: p.title, summary: p.summary })),
    }));
    expect(agenda).toEqual([
      {
        owner: people.lead.email,
        points: [
          { kind: 'kpi_status', record: chat.key, title: 'Missed crisis referrals', summary: 'KPI moved from on track to off track' },
          { kind: 'finding_new', record: critical.id, title: 'Crisis line omitted in Spanish', summary: 'New critical finding' },
          { kind: 'finding_regressed', record: findingA!.id, title: 'Finding a', summary: 'Regressed high finding: fixed before, seen again in run day-8.jsonl' },
          { kind: 'remediation_escalated', record: late.key, title: 'Crisis number missing', summary: `${late.key} escalated: overdue for 3 sprints (more than the 2 the policy allows)` },
          { kind: 'remediation_overdue', record: overdue.key, title: 'Translate crisis replies', summary: `${overdue.key} overdue since ${dateOf(new Date(t0.getTime() + 9 * DAY))} (1 sprint(s), debt 1.25)` },
          { kind: 'debt_change', record: people.lead.id, title: 'Safety debt', summary: 'Safety debt 1.56 → 3.2 (+1.64)' },
        ],
      },
      {
        owner: people.lead2.email,
        points: [
          { kind: 'acceptance_expiring', record: soon.key, title: 'Refund prompt may leak order ids', summary: `Risk acceptance expires on ${dateOf(new Date(t0.getTime() + 34 * DAY))} (in 20 days)` },
          { kind: 'launch_pending', record: launch.id, title: 'Refunds by chat', summary: `Launch planned for ${dateOf(new Date(t0.getTime() + 21 * DAY))} awaits its go / pause decision` },
          { kind: 'action_open', record: held.actions[0]!.id, title: 'Write the payments runbook', summary: `Board action from ${first.scheduledOn} still open, due ${dateOf(new Date(t0.getTime() + 10 * DAY))} (overdue)` },
        ],
      },
    ]);
    expect(s2.counts.agenda).toBe(9);
    // The agenda is kept as generated: a finding after it does not change it until regenerated.
    await services.findings.create(people.contributor.actor, { zone: pay.key, title: 'Refund to wrong card', severity: 'high' });
    expect((await board().get(people.viewer.actor, second.scheduledOn)).counts.agenda).toBe(9);
    const events = await services.audit.recent(ctx.w.system, 30);
    expect(events.find((e) => e.action === 'board.agenda_generated' && e.entityId === second.id)?.after).toMatchObject({ points: 9 });
  });

  it('records decisions and action items; each action lands in its owner\'s queue and is tracked to done', async () => {
    const { people, services } = ctx.w;
    clock = new Date('2031-06-02T09:00:00.000Z');
    const s = await board().schedule(people.lead.actor, { scheduledOn: '2031-06-02' });
    await expect(board().schedule(people.lead.actor, { scheduledOn: '2031-06-02' })).rejects.toBeInstanceOf(ConflictError);
    await expect(board().schedule(people.viewer.actor, {})).rejects.toBeInstanceOf(NotAllowedError);
    await expect(board().decide(people.contributor.actor, s.id, { text: 'Pause it', rationale: 'risky' })).rejects.toThrow('A contributor may not schedule review board sessions');
    await expect(board().decide(people.lead.actor, s.id, { text: 'Pause it', rationale: 'no' })).rejects.toMatchObject({ issues: [{ field: 'rationale' }] });
    await expect(board().addAction(people.lead.actor, s.id, { text: 'Call legal', ownerId: people.lead2.id, dueOn: '2031-05-01' }))
      .rejects.toMatchObject({ issues: [{ field: 'dueOn', message: 'the due date is in the past' }] });

    const after = await board().decide(people.lead.actor, s.id, {
      text: 'Pause the <b>refund</b> launch', rationale: 'Fraud check [not ready](http://x)',
      actions: [{ text: 'Ship the fraud check', ownerId: people.contributor.id, dueOn: '2031-06-16' }],
    });
    expect(after.decisions).toMatchObject([{ position: 1, text: 'Pause the <b>refund</b> launch', decidedBy: people.lead.actor.label }]);
    expect(after.actions).toMatchObject([{ position: 1, text: 'Ship the fraud check', owner: { id: people.contributor.id }, dueOn: '2031-06-16', status: 'open', overdue: false, decisionId: after.decisions[0]!.id }]);
    const queue = await services.queue.list(people.contributor.actor);
    expect(queue.items[0]).toMatchObject({ kind: 'board.action', boardAction: { id: after.actions[0]!.id, sessionId: s.id, dueOn: '2031-06-16', status: 'open' } });
    expect(queue.items[0]!.message).toBe('Review board action for you: "Ship the fraud check", due 2031-06-16 (session of 2031-06-02)');

    const actionId = after.actions[0]!.id;
    await expect(board().completeAction(people.lead2.actor, actionId)).rejects.toThrow('Only Cy Contributor, who owns this action item, or an admin may mark it done');
    clock = new Date('2031-06-20T09:00:00.000Z');
    expect((await board().actions(people.contributor.actor, { owner: 'me', status: 'open' })).map((a) => [a.id, a.overdue])).toEqual([[actionId, true]]);
    const done = await board().completeAction(people.contributor.actor, actionId, { note: 'merged #123' });
    expect(done).toMatchObject({ status: 'done', doneAt: clock.toISOString(), doneNote: 'merged #123', overdue: false });
    await expect(board().completeAction(people.contributor.actor, actionId)).rejects.toThrow('The action item was marked done on 2031-06-20');

    await board().update(people.lead.actor, s.id, { notes: 'Decided to pause.\n# not a heading', attendees: ['Lee', 'Legal <counsel>'] });
    const closed = await board().close(people.lead.actor, s.id);
    expect(closed).toMatchObject({ status: 'closed', closedAt: clock.toISOString(), heldAt: clock.toISOString() });
    await expect(board().decide(people.lead.actor, s.id, { text: 'One more', rationale: 'late idea' })).rejects.toThrow(/session is closed/);
    await expect(board().generateAgenda(people.lead.actor, s.id)).rejects.toBeInstanceOf(ConflictError);

    const { markdown, fileName } = await board().minutes(people.viewer.actor, '2031-06-02');
    expect(fileName).toBe('board-minutes-2031-06-02.md');
    expect(markdown).toContain('Attendees: Lee, Legal \\<counsel\\>');
    expect(markdown).toContain('Decided to pause.  \n\\# not a heading');
    expect(markdown).toContain('1. Pause the \\<b\\>refund\\</b\\> launch  \n   Rationale: Fraud check \\[not ready\\]\\(http://x\\)');
    expect(markdown).toContain('| 1 | Ship the fraud check | Cy Contributor (contributor-');
    expect(markdown).toContain('| 2031-06-16 | done |');
    expect(markdown).not.toMatch(/<b>|\]\(http/);
  });
});
