/** Routing rule use cases (admins): list, add at a position, remove. */
import { InputError, NotFoundError } from '../domain/errors.ts';
import { authorize } from '../domain/roles.ts';
import { globToRegex, type RoutingField } from '../domain/routing.ts';
import type { Db } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import * as repo from '../store/routing-rules.ts';
import type { RoutingRuleRecord } from '../store/routing-rules.ts';
import type { Actor } from './actor.ts';
import { resolveZone } from './zone-ref.ts';

export interface RoutingRuleInput {
  field: RoutingField;
  pattern: string;
  format?: string | undefined;
  zone: string;
  position?: number | undefined;
}

export function createRoutingRuleService(deps: { db: Db }) {
  const { db } = deps;
  return {
    async list(actor: Actor): Promise<RoutingRuleRecord[]> {
      authorize(actor.role, 'org.read');
      return repo.listRoutingRules(db, actor.orgId);
    },

    async create(actor: Actor, input: RoutingRuleInput): Promise<RoutingRuleRecord> {
      authorize(actor.role, 'routing.manage');
      const pattern = input.pattern.trim();
      globToRegex(pattern); // refuses an empty pattern before anything is written
      const zone = await resolveZone(db, actor.orgId, input.zone, 'zone');
      const id = await db.transaction(async (tx) => {
        const count = await repo.lockRoutingRules(tx, actor.orgId);
        const position = input.position ?? count + 1;
        if (position > count + 1) throw InputError.field('position', `there are ${count} rules; use a position from 1 to ${count + 1}`);
        const at = new Date().toISOString();
        const newId = await repo.insertRoutingRule(tx, actor.orgId, {
          position, field: input.field, pattern, format: input.format ?? null, zoneId: zone.id,
        }, actor.label, at);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'routing_rule.created', entityType: 'routing_rule', entityId: newId,
          after: { position, field: input.field, pattern, format: input.format ?? null, zoneKey: zone.key },
        }], new Date(at));
        return newId;
      });
      return (await repo.findRoutingRule(db, actor.orgId, id))!;
    },

    async remove(actor: Actor, id: string): Promise<void> {
      authorize(actor.role, 'routing.manage');
      await db.transaction(async (tx) => {
        await repo.lockRoutingRules(tx, actor.orgId);
        const rule = await repo.findRoutingRule(tx, actor.orgId, id);
        if (!rule) throw new NotFoundError('Routing rule', id);
        await repo.deleteRoutingRule(tx, actor.orgId, id, rule.position);
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'routing_rule.deleted', entityType: 'routing_rule', entityId: id,
          before: { position: rule.position, field: rule.field, pattern: rule.pattern, format: rule.format, zoneKey: rule.zone.key },
        }]);
      });
    },
  };
}

export type RoutingRuleService = ReturnType<typeof createRoutingRuleService>;
