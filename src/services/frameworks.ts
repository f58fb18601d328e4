/**
 * Frameworks: the catalog (framework-catalog.ts), mappings of zones, findings, remediation
 * items and free-text controls to its items, and the coverage view — per item, what evidence
 * the organization's records give (domain/frameworks.ts says what counts).
 */
import { ConflictError, InputError, NotFoundError } from '../domain/errors.ts';
import {
  CATEGORY_PREFIX, coverageStatus, EMPTY_EVIDENCE, isFrameworkId, type CoverageStatus, type Framework,
  type FrameworkItem, type ItemEvidence, type MappingTarget,
} from '../domain/frameworks.ts';
import { isUuid } from '../domain/ids.ts';
import { authorize } from '../domain/roles.ts';
import type { Db, Queryable } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import { findFinding } from '../store/findings.ts';
import {
  categoryEvidence, deleteMapping, findMapping, insertMapping, listMappings, mappedEvidence, type MappingRecord,
} from '../store/framework-mappings.ts';
import { findRemediation } from '../store/remediations.ts';
import { sqlState, UNIQUE_VIOLATION } from '../store/rows.ts';
import type { Actor } from './actor.ts';
import { frameworkCatalog } from './framework-catalog.ts';
import { resolveZone } from './zone-ref.ts';

export interface FrameworkSummary extends Omit<Framework, 'items'> {
  itemCount: number;
  coverage: Record<CoverageStatus, number>;
}

export interface CoverageItem extends FrameworkItem { evidence: ItemEvidence; status: CoverageStatus }

export interface Coverage extends FrameworkSummary { items: CoverageItem[] }

export interface MappingInput {
  framework: string;
  itemId: string;
  targetType: MappingTarget;
  /** Zone key or id, finding id, REM-12 or id; not for controls. */
  target?: string | undefined;
  controlTitle?: string | undefined;
  controlEvidence?: string | undefined;
  note?: string | undefined;
}

const add = (a: ItemEvidence, b: ItemEvidence): ItemEvidence => ({
  zones: a.zones + b.zones,
  findings: { total: a.findings.total + b.findings.total, open: a.findings.open + b.findings.open, verified: a.findings.verified + b.findings.verified },
  remediations: {
    total: a.remediations.total + b.remediations.total, open: a.remediations.open + b.remediations.open,
    verified: a.remediations.verified + b.remediations.verified,
  },
  controls: { total: a.controls.total + b.controls.total, evidenced: a.controls.evidenced + b.controls.evidenced },
});

function frameworkOf(id: string, field = 'framework'): Framework {
  const f = isFrameworkId(id) ? frameworkCatalog().get(id) : undefined;
  if (!f) throw field === 'id' ? new NotFoundError('Framework', id) : InputError.field(field, `unknown framework ${JSON.stringify(id)}; use one of ${[...frameworkCatalog().keys()].join(', ')}`);
  return f;
}

function summarize(f: Framework, items: CoverageItem[]): FrameworkSummary {
  const { items: _items, ...rest } = f;
  const coverage: Record<CoverageStatus, number> = { evidenced: 0, open_gaps: 0, mapped: 0, none: 0 };
  for (const i of items) coverage[i.status] += 1;
  return { ...rest, itemCount: f.items.length, coverage };
}

async function coverageOf(q: Queryable, orgId: string, f: Framework): Promise<CoverageItem[]> {
  const prefix = CATEGORY_PREFIX[f.id];
  const [mapped, auto] = await Promise.all([
    mappedEvidence(q, orgId, f.id), prefix ? categoryEvidence(q, orgId, prefix) : Promise.resolve(new Map<string, ItemEvidence>()),
  ]);
  return f.items.map((item) => {
    const evidence = add(mapped.get(item.id) ?? EMPTY_EVIDENCE, auto.get(item.id) ?? EMPTY_EVIDENCE);
    return { ...item, evidence, status: coverageStatus(evidence) };
  });
}

export function createFrameworkService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  async function resolveTarget(q: Queryable, actor: Actor, input: MappingInput): Promise<{ zoneId?: string; findingId?: string; remediationId?: string; label: string }> {
    const ref = input.target?.trim() ?? '';
    if (input.targetType === 'control') {
      if (ref) throw InputError.field('target', 'a control is written as controlTitle, not a target');
      return { label: '' };
    }
    if (!ref) throw InputError.field('target', `name the ${input.targetType} to map`);
    switch (input.targetType) {
      case 'zone': {
        const z = await resolveZone(q, actor.orgId, ref, 'target', { allowArchived: true });
        return { zoneId: z.id, label: z.key };
      }
      case 'finding': {
        const f = isUuid(ref) ? await findFinding(q, actor.orgId, ref) : null;
        if (!f) throw InputError.field('target', `no finding ${ref} in this organization`);
        return { findingId: f.id, label: f.title };
      }
      case 'remediation': {
        const r = await findRemediation(q, actor.orgId, ref);
        if (!r) throw InputError.field('target', `no remediation item ${ref} in this organization`);
        return { remediationId: r.id, label: r.key };
      }
    }
  }

  return {
    async list(actor: Actor): Promise<FrameworkSummary[]> {
      authorize(actor.role, 'org.read');
      const out: FrameworkSummary[] = [];
      for (const f of frameworkCatalog().values()) out.push(summarize(f, await coverageOf(db, actor.orgId, f)));
      return out;
    },

    async coverage(actor: Actor, id: string): Promise<Coverage> {
      authorize(actor.role, 'org.read');
      const f = frameworkOf(id, 'id');
      const items = await coverageOf(db, actor.orgId, f);
      return { ...summarize(f, items), items };
    },

    async mappings(actor: Actor, id: string, itemId?: string): Promise<MappingRecord[]> {
      authorize(actor.role, 'org.read');
      return listMappings(db, actor.orgId, frameworkOf(id, 'id').id, itemId);
    },

    async addMapping(actor: Actor, input: MappingInput): Promise<MappingRecord> {
      authorize(actor.role, 'framework.map');
      const f = frameworkOf(input.framework);
      const item = f.items.find((i) => i.id.toLowerCase() === input.itemId.trim().toLowerCase());
      if (!item) throw InputError.field('itemId', `${f.name} has no ${f.itemLabel} ${JSON.stringify(input.itemId)}`);
      const controlTitle = input.controlTitle?.trim() || null;
      if (input.targetType === 'control' && !controlTitle) throw InputError.field('controlTitle', 'say what the control is');
      if (input.targetType !== 'control' && controlTitle) throw InputError.field('controlTitle', 'only a control mapping has a title');
      const at = now();
      const id = await db.transaction(async (tx) => {
        const target = await resolveTarget(tx, actor, input);
        let mappingId: string;
        try {
          mappingId = await insertMapping(tx, actor.orgId, {
            framework: f.id, itemId: item.id, targetType: input.targetType, ...target, controlTitle,
            controlEvidence: input.controlEvidence?.trim() ?? '', note: input.note?.trim() ?? '', createdBy: actor.label, at: at.toISOString(),
          });
        } catch (err) {
          if (sqlState(err) === UNIQUE_VIOLATION) throw new ConflictError(`That ${input.targetType} is already mapped to ${f.name} ${item.id}`);
          throw err;
        }
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'framework.mapped', entityType: 'framework_mapping', entityId: mappingId,
          after: { framework: f.id, itemId: item.id, targetType: input.targetType, target: target.label || controlTitle },
        }], at);
        return mappingId;
      });
      return (await findMapping(db, actor.orgId, id))!;
    },

    async removeMapping(actor: Actor, id: string): Promise<void> {
      authorize(actor.role, 'framework.map');
      if (!isUuid(id)) throw new NotFoundError('Mapping', id);
      const at = now();
      await db.transaction(async (tx) => {
        const m = await findMapping(tx, actor.orgId, id);
        if (!m || !(await deleteMapping(tx, actor.orgId, id))) throw new NotFoundError('Mapping', id);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'framework.unmapped', entityType: 'framework_mapping', entityId: id,
          before: { framework: m.framework, itemId: m.itemId, targetType: m.targetType, target: m.target.key ?? m.target.label },
        }], at);
      });
    },
  };
}

export type FrameworkService = ReturnType<typeof createFrameworkService>;
