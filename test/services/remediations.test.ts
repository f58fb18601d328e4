/** Remediation items: creation from findings, the status flow with its rules, criteria, milestones, SLA pauses, reopening on regression. */
import { describe, expect, it } from 'vitest';
import { ConflictError, InputError, NotAllowedError } from '../../src/domain/errors.ts';
import { createRemediationService } from '../../src/services/remediations.ts';
import { createRunImportService } from '../../src/services/run-import.ts';
import { makeZone, useWorld } from '../helpers/factories.ts';
import { linesImporter, textFile } from '../helpers/lines-importer.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';

const HOUR = 3_600_000;

describe(`remediation items (${TEST_ENGINE})`, () => {
  const ctx = useWorld();
  let clock = new Date('2026-03-02T09:00:00.000Z');
  const tick = (hours: number) => { clock = new Date(clock.getTime() + hours * HOUR); };
  const rem = () => createRemediationService({ db: ctx.t.db, now: () => clock });
  const runs = () => createRunImportService({ db: ctx.t.db, resolveImporter: () => linesImporter });
  const finding = async (zone: string, severity: 'critical' | 'high' | 'medium' | 'low' = 'high') =>
    (await ctx.w.services.findings.create(ctx.w.system, { zone, title: `Gap ${Math.random()}`, severity })).id;

  it('creates an item from findings: severity from the worst, SLA from the policy, priority from the rubric, findings triaged', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id, { tier: 'tier1' });
    const f1 = await finding(zone.key, 'critical');
    const f2 = await finding(zone.key, 'medium');
    const item = await rem().create(people.lead.actor, {
      zone: zone.key, title: 'Stop the key leak', impact: 5, feasibility: 3, customerValue: 4, rationale: 'Leaks customer secrets',
      findingIds: [f1, f2], assigneeId: people.contributor.id, validatorId: people.lead2.id,
      criteria: [{ text: 'No key in 1,000 probes', metric: 'leak rate', threshold: '0' }, { text: 'Red team signs off' }],
      milestones: [{ stage: 'prototype', successMetric: 'filter in staging' }, { stage: 'full_rollout' }],
    });
    expect(item).toMatchObject({
      key: expect.stringMatching(/^REM-\d+$/), status: 'planned', severity: 'critical', slaDays: 7,
      // critical 1.0×0.4 + impact 1.0×0.3 + feasibility 0.5×0.15 + value 0.75×0.15 = 0.8875
      priority: 88.8, assignee: { id: people.contributor.id }, validator: { id: people.lead2.id },
      zone: { key: zone.key, tier: 'tier1', ownerId: people.lead.id }, stage: 'prototype', findingCount: 2,
      sla: { dueAt: '2026-03-09T09:00:00.000Z', paused: false, timeLeftHours: 168, overdue: false },
      permissions: { canEdit: true, canValidate: false },
    });
    expect(item.criteria.map((c) => [c.position, c.text, c.metAt])).toEqual([[1, 'No key in 1,000 probes', null], [2, 'Red team signs off', null]]);
    expect(item.decisions).toEqual([expect.objectContaining({ kind: 'created', rationale: 'Leaks customer secrets' })]);
    const f = await ctx.w.services.findings.get(people.viewer.actor, f1);
    expect(f.triage).toMatchObject({ state: 'remediate', reason: 'Leaks customer secrets', remediation: { id: item.id, key: item.key } });
    // the assignee finds it in their queue
    const queue = await ctx.w.services.queue.list(people.contributor.actor);
    expect(queue.items[0]).toMatchObject({ kind: 'remediation.assigned', finding: null, remediation: { key: item.key }, zone: { key: zone.key } });
    expect(queue.items[0]!.message).toContain(`Assigned to you: ${item.key}`);
    // numbers are per organization and consecutive; the item is found by REM-n too
    const next = await rem().create(people.admin.actor, { zone: zone.key, title: 'Second', severity: 'low', impact: 1, feasibility: 1, customerValue: 1, rationale: 'later' });
    expect(next.number).toBe(item.number + 1);
    expect((await rem().get(people.viewer.actor, item.key)).id).toBe(item.id);
  });

  it('refuses what breaks the rules, naming the field, and lets only owners and admins create', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id);
    const base = { zone: zone.key, title: 'Fix', severity: 'high' as const, impact: 3, feasibility: 3, customerValue: 3, rationale: 'because' };
    await expect(rem().create(people.lead.actor, { ...base, rationale: ' a ' })).rejects.toMatchObject({ issues: [{ field: 'rationale' }] });
    await expect(rem().create(people.lead.actor, { ...base, severity: undefined })).rejects.toMatchObject({ issues: [{ field: 'severity' }] });
    await expect(rem().create(people.lead.actor, { ...base, impact: 6 })).rejects.toMatchObject({ issues: [{ field: 'impact' }] });
    await expect(rem().create(people.lead.actor, { ...base, assigneeId: people.viewer.id })).rejects.toThrow(/assigneeId: Vi Viewer is a viewer/);
    await expect(rem().create(people.lead2.actor, base)).rejects.toThrow(/only when they own the zone/);
    await expect(rem().create(people.contributor.actor, base)).rejects.toBeInstanceOf(NotAllowedError);
    const deputy = await makeZone(ctx.w, people.lead.id, { deputyId: people.lead2.id });
    await expect(rem().create(people.lead2.actor, { ...base, zone: deputy.key })).resolves.toMatchObject({ status: 'planned' });
  });

  it('runs the status flow: assignee builds, validator verifies once every criterion is met, findings get verified', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id, { tier: 'tier2' });
    const f = await finding(zone.key, 'high');
    let item = await rem().create(people.lead.actor, {
      zone: zone.key, title: 'Harden prompt', impact: 4, feasibility: 4, customerValue: 2, rationale: 'jailbreaks',
      findingIds: [f], assigneeId: people.contributor.id, validatorId: people.lead2.id, criteria: [{ text: 'Jailbreak suite passes' }],
    });
    await expect(rem().move(people.viewer.actor, item.id, { to: 'in_progress' })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(rem().move(people.contributor.actor, item.id, { to: 'fixed' })).rejects.toThrow('An item that is planned cannot move to fixed; it can move to in progress, obsolete');
    tick(24);
    item = await rem().move(people.contributor.actor, item.id, { to: 'in_progress' });
    expect(item).toMatchObject({ status: 'in_progress', startedAt: clock.toISOString() });
    tick(24);
    item = await rem().move(people.contributor.actor, item.id, { to: 'fixed' });
    expect(item).toMatchObject({ status: 'fixed', fixedAt: clock.toISOString(), sla: { overdue: false } });
    expect((await ctx.w.services.queue.list(people.lead2.actor)).items[0]).toMatchObject({ kind: 'remediation.validate', remediation: { id: item.id } });
    await expect(rem().move(people.contributor.actor, item.id, { to: 'verified' })).rejects.toThrow('Only the validator of this item or an admin may verify it');
    await expect(rem().move(people.lead2.actor, item.id, { to: 'verified' })).rejects.toThrow(/1 of 1 acceptance criteria is not met yet/);
    await expect(rem().checkCriterion(people.contributor.actor, item.id, item.criteria[0]!.id, { evidence: 'ran it' })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(rem().checkCriterion(people.lead2.actor, item.id, item.criteria[0]!.id, { evidence: '' })).rejects.toMatchObject({ issues: [{ field: 'evidence' }] });
    item = await rem().checkCriterion(people.lead2.actor, item.id, item.criteria[0]!.id, { evidence: 'suite run #42: 0/500' });
    expect(item.criteria[0]).toMatchObject({ evidence: 'suite run #42: 0/500', metBy: people.lead2.actor.label });
    // a manual finding is still open: only tool findings wait for a clean run
    tick(1);
    item = await rem().move(people.lead2.actor, item.id, { to: 'verified' });
    expect(item).toMatchObject({ status: 'verified', verifiedAt: clock.toISOString(), closedAt: clock.toISOString() });
    expect(item.decisions.filter((d) => d.kind === 'status').map((d) => (d.after as { status: string }).status)).toEqual(['in_progress', 'fixed', 'verified']);
    await expect(rem().move(people.lead.actor, item.id, { to: 'reopened' })).rejects.toMatchObject({ issues: [{ field: 'reason' }] });
    item = await rem().move(people.lead.actor, item.id, { to: 'reopened', reason: 'customer report shows it again' });
    expect(item.status).toBe('reopened');
    const events = await ctx.w.services.audit.recent(ctx.w.system, 5);
    expect(events[0]).toMatchObject({ action: 'remediation.moved', entityId: item.id, before: { status: 'verified' } });
  });

  it('refuses verification while a linked tool finding is open, verifies not-reproduced ones, and reopens on regression', async () => {
    const { people, services } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id);
    const imp = (name: string, ...fps: string[]) => runs().importRun(people.contributor.actor, {
      zone: zone.key, fileName: name, source: textFile(fps.map((fp) => JSON.stringify({ fp, severity: 'high' })).join('\n')),
    });
    await imp('one.jsonl', 'tool-a', 'tool-b');
    const ids = (await services.findings.list(people.admin.actor, { zone: zone.key, limit: 10, offset: 0 })).items.map((f) => f.id);
    let item = await rem().create(people.admin.actor, {
      zone: zone.key, title: 'Tool gaps', impact: 3, feasibility: 3, customerValue: 3, rationale: 'from the scan', findingIds: ids,
      validatorId: people.admin.id,
    });
    await rem().move(people.admin.actor, item.id, { to: 'in_progress' });
    await rem().move(people.admin.actor, item.id, { to: 'fixed' });
    await expect(rem().move(people.admin.actor, item.id, { to: 'verified' })).rejects.toThrow(/2 linked tool findings are still open/);
    await imp('two.jsonl', 'other');
    item = await rem().move(people.admin.actor, item.id, { to: 'verified' });
    expect(item.findings.map((f) => f.status)).toEqual(['verified', 'verified']);
    // the weakness comes back: the item reopens, with a decision and an event
    await imp('three.jsonl', 'tool-a');
    item = await rem().get(people.viewer.actor, item.id);
    expect(item.status).toBe('reopened');
    expect(item.decisions.at(-1)).toMatchObject({ kind: 'status', before: { status: 'verified' }, after: { status: 'reopened' } });
    expect(item.decisions.at(-1)!.rationale).toMatch(/1 linked finding\(s\) regressed/);
    const owner = await services.queue.list(people.lead.actor);
    expect(owner.items[0]).toMatchObject({ kind: 'finding.regressed', remediation: { id: item.id, status: 'reopened' } });
    expect(owner.items[0]!.message).toContain(`${item.key} is reopened`);
  });

  it('pauses the SLA clock only by a recorded decision, and gives the paused time back', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id, { tier: 'tier1' });
    let item = await rem().create(people.lead.actor, { zone: zone.key, title: 'Clock', severity: 'critical', impact: 5, feasibility: 5, customerValue: 5, rationale: 'urgent' });
    expect(item.priority).toBe(100);
    const due = item.dueAt;
    tick(48);
    await expect(rem().pauseSla(people.lead.actor, item.id, { rationale: '' })).rejects.toMatchObject({ issues: [{ field: 'rationale' }] });
    await expect(rem().pauseSla(people.contributor.actor, item.id, { rationale: 'waiting on vendor' })).rejects.toBeInstanceOf(NotAllowedError);
    item = await rem().pauseSla(people.lead.actor, item.id, { rationale: 'waiting on the vendor patch' });
    expect(item.sla).toMatchObject({ paused: true, timeLeftHours: 120 });
    tick(24 * 10);
    expect((await rem().get(people.lead.actor, item.id)).sla).toMatchObject({ paused: true, timeLeftHours: 120, overdue: false });
    await expect(rem().pauseSla(people.lead.actor, item.id, { rationale: 'again' })).rejects.toBeInstanceOf(ConflictError);
    item = await rem().resumeSla(people.lead.actor, item.id, { rationale: 'patch arrived' });
    expect(item.dueAt).toBe(new Date(new Date(due).getTime() + 240 * HOUR).toISOString());
    expect(item.sla).toMatchObject({ paused: false, timeLeftHours: 120 });
    expect(item.decisions.map((d) => d.kind)).toEqual(['created', 'sla_pause', 'sla_resume']);
    tick(121);
    expect((await rem().get(people.lead.actor, item.id)).sla.overdue).toBe(true);
    const overdue = await rem().list(people.viewer.actor, { overdue: true, zone: zone.key, limit: 10, offset: 0 });
    expect(overdue.items.map((i) => i.id)).toEqual([item.id]);
  });

  it('re-prioritizes only with a rationale, moving the due date with the severity', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id, { tier: 'tier2' });
    const item = await rem().create(people.lead.actor, { zone: zone.key, title: 'Reprio', severity: 'medium', impact: 2, feasibility: 2, customerValue: 2, rationale: 'minor' });
    tick(1);
    await expect(rem().reprioritize(people.lead.actor, item.id, { severity: 'high', rationale: '' })).rejects.toBeInstanceOf(InputError);
    await expect(rem().reprioritize(people.lead2.actor, item.id, { severity: 'high', rationale: 'worse' })).rejects.toBeInstanceOf(NotAllowedError);
    const after = await rem().reprioritize(people.lead.actor, item.id, { severity: 'critical', impact: 5, rationale: 'seen exploited in the wild' });
    // medium/tier2 = 60 days, critical/tier2 = 14 days
    expect(new Date(item.dueAt).getTime() - new Date(after.dueAt).getTime()).toBe(46 * 24 * HOUR);
    expect(after).toMatchObject({ severity: 'critical', impact: 5, slaDays: 14, rationale: 'seen exploited in the wild' });
    expect(after.priority).toBeGreaterThan(item.priority);
    expect(after.decisions.at(-1)).toMatchObject({ kind: 'priority', rationale: 'seen exploited in the wild', before: { severity: 'medium', impact: 2 }, after: { severity: 'critical', impact: 5 } });
  });

  it('tracks milestones and the stage, edits people, and lists by priority', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id);
    let item = await rem().create(people.lead.actor, {
      zone: zone.key, title: 'Rollout', severity: 'low', impact: 2, feasibility: 5, customerValue: 2, rationale: 'cheap fix',
      milestones: [{ stage: 'prototype' }, { stage: 'pilot' }],
    });
    item = await rem().setMilestone(people.lead.actor, item.id, 'prototype', { status: 'done', successMetric: 'works in staging' });
    expect(item.stage).toBe('pilot');
    expect(item.milestones[0]).toMatchObject({ stage: 'prototype', status: 'done', successMetric: 'works in staging', doneAt: clock.toISOString() });
    await expect(rem().setMilestone(people.contributor.actor, item.id, 'pilot', { status: 'done' })).rejects.toBeInstanceOf(NotAllowedError);
    item = await rem().update(people.lead.actor, item.id, { assigneeId: people.contributor.id, prdUrl: 'https://docs.example/prd/1' });
    item = await rem().setMilestone(people.contributor.actor, item.id, 'pilot', { status: 'done', targetDate: '2026-04-01' });
    expect(item.stage).toBe('done');
    expect(item).toMatchObject({ assignee: { id: people.contributor.id }, prdUrl: 'https://docs.example/prd/1' });
    const top = await rem().create(people.lead.actor, { zone: zone.key, title: 'Top', severity: 'critical', impact: 5, feasibility: 5, customerValue: 5, rationale: 'top' });
    const list = await rem().list(people.viewer.actor, { zone: zone.key, limit: 10, offset: 0 });
    expect(list.total).toBe(2);
    expect(list.items.map((i) => i.id)).toEqual([top.id, item.id]);
    expect((await rem().list(people.viewer.actor, { zone: zone.key, status: ['verified'], limit: 10, offset: 0 })).total).toBe(0);
  });
});
