/** PRD reviews: the Safety Implications section, approval refused one reason at a time, failure modes turned into tracked work. */
import { describe, expect, it } from 'vitest';
import { ConflictError, NotAllowedError } from '../../src/domain/errors.ts';
import { createPrdService } from '../../src/services/prds.ts';
import { makeZone, useWorld } from '../helpers/factories.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';

describe(`PRD reviews (${TEST_ENGINE})`, () => {
  const ctx = useWorld();
  const clock = new Date('2026-04-01T09:00:00.000Z');
  const prds = () => createPrdService({ db: ctx.t.db, now: () => clock });
  const mode = (over: Record<string, unknown> = {}) => ({
    harm: 'The assistant gives dosage advice to a teen in crisis', bucket: 'user_wellbeing' as const, severity: 'high' as const,
    likelihood: 'possible' as const, mitigation: 'Crisis classifier routes to the helpline flow', ...over,
  });

  it('creates a draft with failure modes, checks buckets against the zone, and walks draft → in review → approved', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id, { tier: 'tier1' });
    await expect(prds().create(people.contributor.actor, { zone: zone.key, title: 'Voice mode', failureModes: [mode({ bucket: 'data_stewardship' })] }))
      .rejects.toMatchObject({ issues: [{ field: 'failureModes.0.bucket', message: expect.stringContaining('data_stewardship is not one of its buckets') }] });
    await expect(prds().create(people.viewer.actor, { zone: zone.key, title: 'Voice mode' })).rejects.toBeInstanceOf(NotAllowedError);

    let prd = await prds().create(people.contributor.actor, {
      zone: zone.key, title: 'Voice mode', url: 'https://docs.example/prd/voice', failureModes: [mode({ ownerId: people.contributor.id })],
    });
    expect(prd).toMatchObject({
      status: 'draft', title: 'Voice mode', url: 'https://docs.example/prd/voice', author: { id: people.contributor.id }, failureModeCount: 1,
      zone: { key: zone.key, tier: 'tier1', buckets: ['user_wellbeing'] }, approvalProblems: [],
      failureModes: [{ position: 1, severity: 'high', likelihood: 'possible', owner: { id: people.contributor.id }, findingId: null, remediation: null }],
      permissions: { canEdit: true, canApprove: false },
    });
    await expect(prds().approve(people.lead.actor, prd.id)).rejects.toThrow('A PRD that is draft cannot move to approved; submit it for review first');
    prd = await prds().submit(people.contributor.actor, prd.id);
    expect(prd).toMatchObject({ status: 'in_review', submittedAt: clock.toISOString() });
    // only the zone owner (or an admin) approves
    await expect(prds().approve(people.contributor.actor, prd.id)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(prds().approve(people.lead2.actor, prd.id)).rejects.toThrow(/only when they own the zone/);
    prd = await prds().approve(people.lead.actor, prd.id);
    expect(prd).toMatchObject({ status: 'approved', approvedAt: clock.toISOString(), approvedBy: `user:${people.lead.id}` });
    // approved PRDs are locked until reopened with a reason
    await expect(prds().addFailureMode(people.contributor.actor, prd.id, mode())).rejects.toThrow('This PRD is approved; reopen it as a draft before changing it');
    await expect(prds().reopen(people.lead.actor, prd.id, 'no')).rejects.toMatchObject({ issues: [{ field: 'reason' }] });
    prd = await prds().reopen(people.lead.actor, prd.id, 'Scope grew to include kids accounts');
    expect(prd).toMatchObject({ status: 'draft', approvedAt: null });
    const events = await ctx.w.services.audit.history(ctx.w.system, 'prd', prd.id, 20);
    expect(events.map((e) => e.action).reverse()).toEqual(['prd.created', 'prd.submitted', 'prd.approved', 'prd.reopened']);
  });

  it('refuses approval while the Safety Implications section is empty', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id);
    const prd = await prds().submit(people.lead.actor, (await prds().create(people.lead.actor, { zone: zone.key, title: 'Memory' })).id);
    expect(prd.approvalProblems).toEqual([{ field: 'failureModes', message: 'the Safety Implications section is empty: list at least one failure mode' }]);
    const refused = prds().approve(people.lead.actor, prd.id);
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toThrow('The PRD cannot be approved: the Safety Implications section is empty: list at least one failure mode');
    expect((await prds().get(people.viewer.actor, prd.id)).status).toBe('in_review');
  });

  it('refuses approval while a high or critical failure mode has no mitigation, naming each one', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id);
    let prd = await prds().create(people.lead.actor, {
      zone: zone.key, title: 'Agents that pay',
      failureModes: [
        mode({ harm: 'Agent pays the wrong merchant', severity: 'critical', mitigation: '' }),
        mode({ harm: 'Receipts leak card digits', severity: 'high', mitigation: null }),
        mode({ harm: 'Slow refunds annoy users', severity: 'medium', mitigation: null }),
      ],
    });
    prd = await prds().submit(people.lead.actor, prd.id);
    const err = await prds().approve(people.admin.actor, prd.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).issues).toEqual([
      { field: 'failureModes.1.mitigation', message: 'failure mode 1 "Agent pays the wrong merchant" is critical and has no planned mitigation' },
      { field: 'failureModes.2.mitigation', message: 'failure mode 2 "Receipts leak card digits" is high and has no planned mitigation' },
    ]);
    // mitigating the critical one leaves the high one as the only reason
    const [critical, high] = prd.failureModes;
    prd = await prds().updateFailureMode(people.lead.actor, prd.id, critical!.id, mode({ harm: critical!.harm, severity: 'critical', mitigation: 'Confirm payee before paying' }));
    await expect(prds().approve(people.lead.actor, prd.id)).rejects.toThrow(/^The PRD cannot be approved: failure mode 2 "Receipts leak card digits" is high and has no planned mitigation$/);
    // removing it renumbers the rest; then approval passes (medium without mitigation is fine)
    prd = await prds().removeFailureMode(people.lead.actor, prd.id, high!.id);
    expect(prd.failureModes.map((m) => [m.position, m.harm])).toEqual([[1, 'Agent pays the wrong merchant'], [2, 'Slow refunds annoy users']]);
    expect(prd.approvalProblems).toEqual([]);
    expect((await prds().approve(people.lead.actor, prd.id)).status).toBe('approved');
  });

  it('turns a failure mode into a finding or a remediation item in one step, keeping the link', async () => {
    const { people } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id, { tier: 'tier2' });
    let prd = await prds().create(people.contributor.actor, { zone: zone.key, title: 'Group chats', failureModes: [mode({ harm: 'Bullying in group replies', severity: 'high' })] });
    const modeId = prd.failureModes[0]!.id;
    prd = await prds().followUpFailureMode(people.contributor.actor, prd.id, modeId, { kind: 'finding' });
    const findingId = prd.failureModes[0]!.findingId!;
    const finding = await ctx.w.services.findings.get(people.viewer.actor, findingId);
    expect(finding).toMatchObject({ title: 'Bullying in group replies', severity: 'high', source: 'manual', ruleId: 'prd-failure-mode', zone: { key: zone.key } });
    expect(finding.description).toContain('From failure mode 1 of the PRD "Group chats"');
    await expect(prds().followUpFailureMode(people.contributor.actor, prd.id, modeId, { kind: 'finding' })).rejects.toThrow('Failure mode 1 is already tracked as a finding');
    // a remediation item needs the zone owner (the remediation rules apply) and the rubric
    const rem = { kind: 'remediation' as const, impact: 4, feasibility: 3, customerValue: 3, rationale: 'Found in PRD review' };
    await expect(prds().followUpFailureMode(people.contributor.actor, prd.id, modeId, rem)).rejects.toBeInstanceOf(NotAllowedError);
    prd = await prds().followUpFailureMode(people.lead.actor, prd.id, modeId, rem);
    const link = prd.failureModes[0]!.remediation!;
    expect(link.key).toMatch(/^REM-\d+$/);
    const item = await ctx.w.services.remediations.get(people.viewer.actor, link.id);
    expect(item).toMatchObject({ title: 'Bullying in group replies', severity: 'high', slaDays: 30, zone: { key: zone.key }, rationale: 'Found in PRD review' });
    const events = await ctx.w.services.audit.history(ctx.w.system, 'prd', prd.id, 20);
    expect(events.filter((e) => e.action === 'prd.failure_mode_tracked').map((e) => e.after)).toEqual([{ failureModeId: modeId, remediationId: link.id }, { failureModeId: modeId, findingId }]);
  });
});
