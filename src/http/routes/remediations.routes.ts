/** Remediation items: one line per endpoint, the service does the work. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema } from '../../contracts/common.ts';
import {
  CheckCriterionSchema, CriterionInputSchema, LinkFindingsSchema, MilestonePatchSchema, MilestoneStageSchema, MoveSchema,
  RationaleSchema, RemediationCreateSchema, RemediationDetailSchema, RemediationListQuerySchema, RemediationListSchema,
  RemediationPatchSchema, ReprioritizeSchema,
} from '../../contracts/remediations.ts';
import type { Services } from '../../composition.ts';
import { actorOf } from '../authentication.ts';

const Ref = z.object({ ref: z.string().min(1).max(40).describe('uuid or REM-12') });
const CriterionRef = Ref.extend({ criterionId: IdSchema });
const StageRef = Ref.extend({ stage: MilestoneStageSchema });
const detail = { 200: RemediationDetailSchema };

export function remediationRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { remediations: s } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Remediations'];

  r.get('/api/remediations', {
    schema: { tags, summary: 'Remediation items with filters, by priority then due date', querystring: RemediationListQuerySchema, response: { 200: RemediationListSchema } },
  }, async (request) => {
    const q = request.query;
    return { ...(await s.list(actorOf(request), q)), limit: q.limit, offset: q.offset };
  });

  r.post('/api/remediations', {
    schema: { tags, summary: 'Create an item (zone owner or admin), optionally from findings', body: RemediationCreateSchema, response: { 201: RemediationDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await s.create(actorOf(request), request.body)));

  r.get('/api/remediations/:ref', {
    schema: { tags, summary: 'One item: findings, criteria, milestones, stage, SLA, decisions, permissions', params: Ref, response: detail },
  }, async (request) => s.get(actorOf(request), request.params.ref));

  r.patch('/api/remediations/:ref', {
    schema: { tags, summary: 'Edit people, links, title, description or effort', params: Ref, body: RemediationPatchSchema, response: detail },
  }, async (request) => s.update(actorOf(request), request.params.ref, request.body));

  r.post('/api/remediations/:ref/priority', {
    schema: { tags, summary: 'Change severity, impact, feasibility or customer value, with a rationale', params: Ref, body: ReprioritizeSchema, response: detail },
  }, async (request) => s.reprioritize(actorOf(request), request.params.ref, request.body));

  r.post('/api/remediations/:ref/status', {
    schema: { tags, summary: 'Move the item along its status flow', params: Ref, body: MoveSchema, response: detail },
  }, async (request) => s.move(actorOf(request), request.params.ref, request.body));

  r.post('/api/remediations/:ref/sla/pause', {
    schema: { tags, summary: 'Pause the SLA clock by a recorded decision', params: Ref, body: RationaleSchema, response: detail },
  }, async (request) => s.pauseSla(actorOf(request), request.params.ref, request.body));

  r.post('/api/remediations/:ref/sla/resume', {
    schema: { tags, summary: 'Resume the SLA clock; the due date moves by the paused time', params: Ref, body: RationaleSchema, response: detail },
  }, async (request) => s.resumeSla(actorOf(request), request.params.ref, request.body));

  r.post('/api/remediations/:ref/criteria', {
    schema: { tags, summary: 'Add an acceptance criterion', params: Ref, body: CriterionInputSchema, response: detail },
  }, async (request) => s.addCriterion(actorOf(request), request.params.ref, request.body));

  r.post('/api/remediations/:ref/criteria/:criterionId/check', {
    schema: { tags, summary: 'Check a criterion off with evidence (validator or admin)', params: CriterionRef, body: CheckCriterionSchema, response: detail },
  }, async (request) => s.checkCriterion(actorOf(request), request.params.ref, request.params.criterionId, request.body));

  r.delete('/api/remediations/:ref/criteria/:criterionId/check', {
    schema: { tags, summary: 'Uncheck a criterion (validator or admin)', params: CriterionRef, response: detail },
  }, async (request) => s.uncheckCriterion(actorOf(request), request.params.ref, request.params.criterionId));

  r.put('/api/remediations/:ref/milestones/:stage', {
    schema: { tags, summary: 'Set a milestone\'s success metric, target date or status', params: StageRef, body: MilestonePatchSchema, response: detail },
  }, async (request) => s.setMilestone(actorOf(request), request.params.ref, request.params.stage, request.body));

  r.post('/api/remediations/:ref/findings', {
    schema: { tags, summary: 'Link more findings to the item (they are triaged remediate)', params: Ref, body: LinkFindingsSchema, response: detail },
  }, async (request) => s.linkFindings(actorOf(request), request.params.ref, request.body.findingIds, request.body.rationale));
}
