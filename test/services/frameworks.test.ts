/** Frameworks: the catalog from data/frameworks, automatic mappings from finding categories, explicit mappings, coverage. */
import { describe, expect, it } from 'vitest';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '../../src/domain/errors.ts';
import { itemOfCategory } from '../../src/domain/frameworks.ts';
import { frameworkCatalog } from '../../src/services/framework-catalog.ts';
import { createFrameworkService } from '../../src/services/frameworks.ts';
import { makeZone, useWorld } from '../helpers/factories.ts';
import { TEST_ENGINE } from '../helpers/test-db.ts';

describe(`frameworks (${TEST_ENGINE})`, () => {
  const ctx = useWorld();
  const fw = () => createFrameworkService({ db: ctx.t.db });

  it('loads the four frameworks from the shipped files', () => {
    const c = frameworkCatalog();
    expect([...c.keys()]).toEqual(['nist-ai-rmf', 'iso-42001', 'owasp-llm', 'mitre-atlas']);
    expect(c.get('nist-ai-rmf')!.items).toHaveLength(72);
    expect(c.get('nist-ai-rmf')!.items.find((i) => i.id === 'MS-2.7')).toMatchObject({ title: 'MEASURE 2.7', group: 'MEASURE 2' });
    expect(c.get('iso-42001')!.items).toHaveLength(38);
    expect(c.get('owasp-llm')!.items.map((i) => i.id)).toEqual(['LLM01', 'LLM02', 'LLM03', 'LLM04', 'LLM05', 'LLM06', 'LLM07', 'LLM08', 'LLM09', 'LLM10']);
    const atlas = c.get('mitre-atlas')!;
    expect(atlas.version).toBe('5.6.0');
    expect(atlas.items).toHaveLength(16 + 170);
    expect(atlas.items.find((i) => i.id === 'AML.T0051')).toMatchObject({ title: 'LLM Prompt Injection' });
    expect(itemOfCategory('atlas:AML.TA0010')).toEqual({ framework: 'mitre-atlas', itemId: 'AML.TA0010' });
    expect(itemOfCategory('cwe:79')).toBeNull();
  });

  it('maps findings by their category ids and records by hand; coverage says which items have evidence', async () => {
    const { people, services } = ctx.w;
    const zone = await makeZone(ctx.w, people.lead.id);
    const open = await services.findings.create(people.lead.actor, { zone: zone.key, title: 'Injection works', severity: 'high' });
    // the manual form takes no categories; imported findings carry them: set them as an importer would
    await ctx.t.db.query(`UPDATE findings SET categories = '{owasp-llm:LLM01,atlas:AML.T0051,tag:x}' WHERE id = $1`, [open.id]);
    const fixed = await services.findings.create(people.lead.actor, { zone: zone.key, title: 'Leak fixed', severity: 'medium' });
    await ctx.t.db.query(`UPDATE findings SET categories = '{owasp-llm:LLM02}', status = 'verified' WHERE id = $1`, [fixed.id]);

    let owasp = await fw().coverage(people.viewer.actor, 'owasp-llm');
    const status = () => Object.fromEntries(owasp.items.map((i) => [i.id, i.status]));
    expect(status()).toMatchObject({ LLM01: 'open_gaps', LLM02: 'evidenced', LLM03: 'none' });
    expect(owasp.items[0]!.evidence.findings).toEqual({ total: 1, open: 1, verified: 0 });
    expect(owasp.coverage).toEqual({ evidenced: 1, open_gaps: 1, mapped: 0, none: 8 });

    // a control with evidence, and a zone in scope
    const control = await fw().addMapping(people.lead.actor, {
      framework: 'owasp-llm', itemId: 'llm03', targetType: 'control', controlTitle: 'Model supply chain review', controlEvidence: 'SBOM of every model, signed',
    });
    expect(control).toMatchObject({ itemId: 'LLM03', targetType: 'control', target: { label: 'Model supply chain review', state: 'evidenced' } });
    await fw().addMapping(people.lead.actor, { framework: 'owasp-llm', itemId: 'LLM10', targetType: 'zone', target: zone.key });
    await expect(fw().addMapping(people.lead.actor, { framework: 'owasp-llm', itemId: 'LLM10', targetType: 'zone', target: zone.key }))
      .rejects.toBeInstanceOf(ConflictError);
    owasp = await fw().coverage(people.viewer.actor, 'owasp-llm');
    expect(status()).toMatchObject({ LLM03: 'evidenced', LLM10: 'mapped' });
    expect(owasp.coverage).toEqual({ evidenced: 2, open_gaps: 1, mapped: 1, none: 6 });

    // ISO has no category ids: explicit only; a remediation item maps by its key
    const rem = await services.remediations.create(people.lead.actor, {
      zone: zone.key, title: 'Event logs for every reply', severity: 'medium', impact: 3, feasibility: 3, customerValue: 3, rationale: 'audit',
    });
    const m = await fw().addMapping(people.lead.actor, { framework: 'iso-42001', itemId: 'A.6.2.8', targetType: 'remediation', target: rem.key });
    expect(m.target).toMatchObject({ key: rem.key, state: 'planned' });
    const iso = await fw().coverage(people.viewer.actor, 'iso-42001');
    expect(iso.items.find((i) => i.id === 'A.6.2.8')).toMatchObject({ status: 'open_gaps', evidence: { remediations: { total: 1, open: 1, verified: 0 } } });
    expect(await fw().mappings(people.viewer.actor, 'iso-42001', 'A.6.2.8')).toHaveLength(1);
    const atlas = await fw().coverage(people.viewer.actor, 'mitre-atlas');
    expect(atlas.items.find((i) => i.id === 'AML.T0051')!.status).toBe('open_gaps');

    // refusals
    await expect(fw().addMapping(people.lead.actor, { framework: 'iso-42001', itemId: 'A.99', targetType: 'control', controlTitle: 'x' }))
      .rejects.toMatchObject({ issues: [{ field: 'itemId' }] });
    await expect(fw().addMapping(people.lead.actor, { framework: 'soc2', itemId: 'CC1', targetType: 'control', controlTitle: 'x' }))
      .rejects.toMatchObject({ issues: [{ field: 'framework' }] });
    await expect(fw().addMapping(people.lead.actor, { framework: 'iso-42001', itemId: 'A.2.2', targetType: 'finding', target: 'nope' }))
      .rejects.toBeInstanceOf(InputError);
    await expect(fw().addMapping(people.viewer.actor, { framework: 'iso-42001', itemId: 'A.2.2', targetType: 'control', controlTitle: 'x' }))
      .rejects.toBeInstanceOf(NotAllowedError);
    await expect(fw().coverage(people.viewer.actor, 'nope')).rejects.toBeInstanceOf(NotFoundError);

    await fw().removeMapping(people.lead.actor, control.id);
    expect((await fw().coverage(people.viewer.actor, 'owasp-llm')).items.find((i) => i.id === 'LLM03')!.status).toBe('none');
    const list = await fw().list(people.viewer.actor);
    expect(list.map((f) => [f.id, f.itemCount])).toEqual([['nist-ai-rmf', 72], ['iso-42001', 38], ['owasp-llm', 10], ['mitre-atlas', 186]]);
  });
});
