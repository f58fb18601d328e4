/** Triage: each owner's queue, the four decisions with their rules, and bulk decisions set-based. */
import { describe, expect, it } from 'vitest';
import { ConflictError, InputError, NotAllowedError } from '../../src/domain/errors.ts';
import { createRunImportService } from '../../src/services/run-import.ts';
import { createTriageService } from '../../src/services/triage.ts';
import { makeZone, useWorld } from '../helpers/factories.ts';
import { linesImporter, textFile } from '../helpers/lines-importer.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';

describe(`triage (${TEST_ENGINE})`, () => {
  const ctx = useWorld();
  const clock = new Date('2026-05-04T10:00:00.000Z');
  const triage = () => createTriageService({ db: ctx.t.db, now: () => clock });
  const runs = () => createRunImportService({ db: ctx.t.db, resolveImporter: () => linesImporter });
  const finding = async (zone: string, title: string, severity: 'critical' | 'high' | 'medium' | 'low' | 'info') =>
    (await ctx.w.services.findings.create(ctx.w.system, { zone, title, severity })).id;

  it("orders an owner's queue tier-1 critical first, then severity, tier and age, and shows only their zones", async () => {
    const { people } = ctx.w;
    const t1 = await makeZone(ctx.w, people.lead.id, { tier: 'tier1' });
    const t3 = await makeZone(ctx.w, people.lead.id, { tier: 'tier3' });
    const other = await makeZone(ctx.w, people.lead2.id, { tier: 'tier1' });
    const deputized = await makeZone(ctx.w, people.lead2.id, { tier: 'tier4', deputyId: people.lead.id });
    const a = await finding(t3.key, 'critical in tier 3', 'critical');
    const b = await finding(t1.key, 'high in tier 1', 'high');
    const c = await finding(t1.key, 'critical in tier 1', 'critical');
    const d = await finding(t3.key, 'high in tier 3', 'high');
    const e = await finding(deputized.key, 'low, deputized', 'low');
    await finding(other.key, 'not mine', 'critical');
    const q = await triage().queue(people.lead.actor, { limit: 50, offset: 0 });
    expect(q.items.map((i) => i.id)).toEqual([c, a, b, d, e]);
    expect(q.total).toBe(5);
    expect(q.items[0]).toMatchObject({ zoneTier: 'tier1', owner: { id: people.lead.id }, triage: 'untriaged', severity: 'critical' });
    expect((await triage().queue(people.lead.actor, { limit: 2, offset: 2 })).items.map((i) => i.id)).toEqual([b, d]);
    expect((await triage().queue(people.admin.actor, { zone: other.key, limit: 50, offset: 0 })).items.map((i) => i.title)).toEqual(['not mine']);
    expect((await triage().queue(people.admin.actor, { limit: 50, offset: 0 })).total).toBe(6);
    expect((await triage().queue(people.lead2.actor, { limit: 50, offset: 0 })).total).toBe(2);

    await triage().decide(people.lead.actor, { findingIds: [c, a], decision: 'false_positive', rationale: 'the grader misread refusals' });
    expect((await triage().queue(people.lead.actor, { limit: 50, offset: 0 })).items.map((i) => i.id)).toEqual([b, d, e]);
  });

  it('lets only owners (and deputies) and admins triage, and a refused decision changes nothing', async () => {
    const { people, services } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead2.id);
    const f = await finding(zone.key, 'someone else’s', 'medium');
    const before = (await services.audit.recent(ctx.w.system, 1))[0]!.seq;
    await expect(triage().decide(people.lead.actor, { findingIds: [f], decision: 'false_positive', rationale: 'not real' }))
      .rejects.toThrow('A lead may triage findings only when they own the zone; to triage findings in a zone owned by someone else ask an admin');
    await expect(triage().decide(people.contributor.actor, { findingIds: [f], decision: 'false_positive', rationale: 'not real' }))
      .rejects.toBeInstanceOf(NotAllowedError);
    expect((await services.audit.recent(ctx.w.system, 1))[0]!.seq).toBe(before);
    expect((await services.findings.get(people.viewer.actor, f)).triage.state).toBe('untriaged');
    await expect(triage().decide(people.admin.actor, { findingIds: [f, '00000000-0000-4000-8000-000000000000'], decision: 'false_positive', rationale: 'not real' }))
      .rejects.toThrow(/findingIds: 1 finding\(s\) not found in this organization, e.g. 00000000-0000-4000-8000-000000000000/);
    await expect(triage().decide(people.admin.actor, { findingIds: [f], decision: 'false_positive', rationale: 'no' }))
      .rejects.toMatchObject({ issues: [{ field: 'rationale' }] });
  });

  it('marks duplicates (never of themselves) and records the decision on the finding with an event', async () => {
    const { people, services } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id);
    const original = await finding(zone.key, 'original', 'high');
    const copy = await finding(zone.key, 'copy', 'high');
    await expect(triage().decide(people.lead.actor, { findingIds: [copy], decision: 'duplicate', rationale: 'same prompt' }))
      .rejects.toMatchObject({ issues: [{ field: 'duplicateOf' }] });
    await expect(triage().decide(people.lead.actor, { findingIds: [copy], decision: 'duplicate', duplicateOf: copy, rationale: 'same prompt' }))
      .rejects.toThrow('duplicateOf: a finding cannot be a duplicate of itself');
    const r = await triage().decide(people.lead.actor, { findingIds: [copy], decision: 'duplicate', duplicateOf: original, rationale: 'same prompt, other wording' });
    expect(r).toEqual({ decided: 1, remediationId: null, riskAcceptanceId: null });
    const f = await services.findings.get(people.viewer.actor, copy);
    expect(f.triage).toMatchObject({ state: 'duplicate', duplicateOf: original, reason: 'same prompt, other wording', at: clock.toISOString(), by: people.lead.actor.label });
    const [event] = await services.audit.recent(ctx.w.system, 1);
    expect(event).toMatchObject({ action: 'finding.triaged', entityId: copy, before: { triage: 'untriaged' }, after: { triage: 'duplicate', duplicateOf: original } });
  });

  it('accepts a risk into a draft that must expire in the future', async () => {
    const { people, services } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id);
    const f = await finding(zone.key, 'accepted', 'low');
    const base = { findingIds: [f], decision: 'accept_risk' as const, rationale: 'low reach, costly fix' };
    await expect(triage().decide(people.lead.actor, base)).rejects.toMatchObject({ issues: [{ field: 'acceptance' }] });
    await expect(triage().decide(people.lead.actor, { ...base, acceptance: { justification: 'ok for now', expiresOn: '2026-05-04' } }))
      .rejects.toThrow(/acceptance.expiresOn: an accepted risk must expire in the future/);
    await expect(triage().decide(people.lead.actor, { ...base, acceptance: { justification: 'ok for now', expiresOn: '2027-02-30' } }))
      .rejects.toBeInstanceOf(InputError);
    const r = await triage().decide(people.lead.actor, { ...base, acceptance: { justification: 'internal tool only', compensatingControls: 'rate limit', expiresOn: '2027-03-01' } });
    expect(r.riskAcceptanceId).toEqual(expect.any(String));
    expect((await services.findings.get(people.viewer.actor, f)).triage).toMatchObject({ state: 'accepted_risk', riskAcceptanceId: r.riskAcceptanceId });
    const events = await services.audit.recent(ctx.w.system, 2);
    expect(events.map((e) => e.action)).toEqual(['finding.triaged', 'risk_acceptance.drafted']);
    expect(events[1]).toMatchObject({ after: { justification: 'internal tool only', compensatingControls: 'rate limit', expiresOn: '2027-03-01', zoneId: zone.id } });
  });

  it('remediates into a new item made from the findings, or into an existing one', async () => {
    const { people, services } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id, { tier: 'tier1' });
    const f1 = await finding(zone.key, 'one', 'high');
    const f2 = await finding(zone.key, 'two', 'critical');
    const f3 = await finding(zone.key, 'three', 'low');
    await expect(triage().decide(people.lead.actor, { findingIds: [f1], decision: 'remediate', rationale: 'fix it' }))
      .rejects.toMatchObject({ issues: [{ field: 'remediationId' }] });
    const r = await triage().decide(people.lead.actor, {
      findingIds: [f1, f2], decision: 'remediate', rationale: 'one fix covers both',
      remediation: { zone: zone.key, title: 'Output filter', impact: 4, feasibility: 3, customerValue: 3, rationale: 'one fix covers both' },
    });
    expect(r.decided).toBe(2);
    const item = await services.remediations.get(people.viewer.actor, r.remediationId!);
    expect(item).toMatchObject({ severity: 'critical', slaDays: 7, findingCount: 2 });
    const r2 = await triage().decide(people.lead.actor, { findingIds: [f3], decision: 'remediate', remediationId: item.key, rationale: 'same root cause' });
    expect(r2).toMatchObject({ decided: 1, remediationId: item.id });
    const after = await services.remediations.get(people.viewer.actor, item.id);
    expect(after.findings.map((f) => f.title)).toEqual(['two', 'one', 'three']);
    expect(after.decisions.map((d) => d.kind)).toEqual(['created', 'findings']);
    await expect(triage().decide(people.lead.actor, { findingIds: [f3], decision: 'remediate', remediationId: 'REM-999999', rationale: 'same root cause' }))
      .rejects.toMatchObject({ issues: [{ field: 'remediationId' }] });
    await services.remediations.move(people.lead.actor, item.id, { to: 'obsolete', reason: 'feature removed' });
    await expect(triage().decide(people.lead.actor, { findingIds: [f3], decision: 'remediate', remediationId: item.id, rationale: 'same root cause' }))
      .rejects.toBeInstanceOf(ConflictError);
  });

  it('decides thousands of findings in one go and puts a regressed finding back in the queue', async () => {
    const { people, services } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id);
    const n = 3000;
    const lines = Array.from({ length: n }, (_, i) => JSON.stringify({ fp: `bulk-${i}`, severity: 'medium' })).join('\n');
    await runs().importRun(people.contributor.actor, { zone: zone.key, fileName: 'bulk.jsonl', source: textFile(lines) });
    const q = await triage().queue(people.lead.actor, { zone: zone.key, limit: 5000, offset: 0 });
    expect(q.total).toBe(n);
    const seq = (await services.audit.recent(ctx.w.system, 1))[0]!.seq;
    const r = await triage().decide(people.lead.actor, { findingIds: q.items.map((i) => i.id), decision: 'false_positive', rationale: 'probe misconfigured' });
    expect(r.decided).toBe(n);
    expect((await services.audit.recent(ctx.w.system, 1))[0]!.seq).toBe(seq + n);
    expect((await triage().queue(people.lead.actor, { zone: zone.key, limit: 10, offset: 0 })).total).toBe(0);
    expect((await services.audit.verify(ctx.w.system)).ok).toBe(true);

    // a finding triaged earlier that regresses waits for triage again
    const small = await makeZone(ctx.w, people.lead.id);
    const imp = (name: string, ...fps: string[]) => runs().importRun(people.contributor.actor, {
      zone: small.key, fileName: name, source: textFile(fps.map((fp) => JSON.stringify({ fp })).join('\n')),
    });
    await imp('a.jsonl', 'x', 'y');
    const ids = (await triage().queue(people.lead.actor, { zone: small.key, limit: 10, offset: 0 })).items.map((i) => i.id);
    await triage().decide(people.lead.actor, { findingIds: ids, decision: 'false_positive', rationale: 'harmless' });
    await imp('b.jsonl', 'y');
    await imp('c.jsonl', 'y', 'x');
    const back = await triage().queue(people.lead.actor, { zone: small.key, limit: 10, offset: 0 });
    expect(back.items.map((i) => [i.ruleId, i.regressed, i.triage])).toEqual([['x', true, 'false_positive']]);
  });
});
