/** The weekly "needs re-scoping" review: idle items, findings no longer reproduced, zones handed off. */
import { describe, expect, it } from 'vitest';
import { createRemediationService } from '../../src/services/remediations.ts';
import { createRunImportService } from '../../src/services/run-import.ts';
import { createStalenessService } from '../../src/services/staleness.ts';
import { makeWorld, makeZone, useWorld } from '../helpers/factories.ts';
import { linesImporter, textFile } from '../helpers/lines-importer.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';

const DAY = 86_400_000;

describe(`needs re-scoping (${TEST_ENGINE})`, () => {
  const ctx = useWorld();

  it('lists idle items, items whose findings are gone, and items in a zone that changed owner, each with its reasons', async () => {
    const w = await makeWorld(ctx.t.db);
    // The clock starts a little in the past, so that a handoff made now comes after the items.
    const start = new Date(Date.now() - 2 * DAY);
    let clock = start;
    const now = () => clock;
    const remediations = createRemediationService({ db: ctx.t.db, now });
    const staleness = createStalenessService({ db: ctx.t.db, now });
    const runs = createRunImportService({ db: ctx.t.db, resolveImporter: () => linesImporter });
    const admin = w.people.admin.actor;
    const create = (zone: string, title: string, findingIds?: string[]) => remediations.create(admin, {
      zone, title, severity: 'high', impact: 3, feasibility: 3, customerValue: 3, rationale: 'weekly triage', findingIds,
    });

    const quiet = await makeZone(w, w.people.lead.id);
    const handed = await makeZone(w, w.people.lead.id);
    const scanned = await makeZone(w, w.people.lead2.id);
    const idle = await create(quiet.key, 'Nobody touched this');
    const moved = await create(handed.key, 'Zone changed hands');

    const imp = (...fps: string[]) => runs.importRun(w.people.contributor.actor, {
      zone: scanned.key, fileName: `run-${fps.join('-') || 'empty'}.jsonl`, source: textFile(fps.map((fp) => JSON.stringify({ fp })).join('\n')),
    });
    await imp('leak', 'other');
    const leak = (await w.services.findings.list(admin, { zone: scanned.key, q: 'leak', limit: 5, offset: 0 })).items[0]!;
    const fixedElsewhere = await create(scanned.key, 'Leak of the system prompt', [leak.id]);
    await imp('other'); // the leak is no longer reproduced

    await w.services.zones.handoff(admin, handed.key, { toUserId: w.people.lead2.id, reason: 'reorg of the safety team' });

    const first = await staleness.review(w.people.viewer.actor);
    expect(first.staleAfterDays).toBe(30);
    const reasons = (id: string, r = first) => r.items.find((i) => i.id === id)?.reasons.map((x) => x.code) ?? [];
    expect(reasons(idle.id)).toEqual([]);
    expect(reasons(moved.id)).toEqual(['zone_owner_changed']);
    expect(reasons(fixedElsewhere.id)).toEqual(['findings_not_reproduced']);
    expect(first.items.find((i) => i.id === fixedElsewhere.id)).toMatchObject({ findingCount: 1, zone: { key: scanned.key } });

    clock = new Date(start.getTime() + 31 * DAY);
    const later = await staleness.review(w.people.viewer.actor);
    expect(later.items.find((i) => i.id === idle.id)?.reasons).toEqual([
      { code: 'no_activity', message: 'no activity for 31 days (the policy allows 30)' }]);
    expect(reasons(moved.id, later)).toEqual(['no_activity', 'zone_owner_changed']);
  });
});
