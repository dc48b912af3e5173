import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CycleDelivery,
  CycleIdParams,
  Milestone,
  MilestoneCreate,
  MilestoneIdParams,
  MilestoneUpdate,
  ProgressInput,
  ProjectDelivery,
  ProjectIdParams,
  ProjectUpdate,
  ProjectUpdateCreate,
} from '@allot/shared';
import { errorResponses } from '../../lib/http';
import { principalOf, requireRole } from '../../plugins/auth';
import { identifyViewer, viewerOf } from '../cycles/viewer';
import * as implementation from './implementation.service';

export default async function implementationRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const staff = requireRole('staff', 'admin');
  const writer = (request: FastifyRequest) => ({ userId: principalOf(request).userId, requestId: request.id });

  routes.get('/cycles/:id/implementation', {
    preHandler: [identifyViewer],
    schema: {
      tags: ['implementation'],
      summary: 'Every funded project of the published result with its delivery progress (anyone)',
      params: CycleIdParams,
      response: { 200: CycleDelivery, ...errorResponses(400, 404) },
    },
    handler: async (request) => implementation.cycleDelivery(app.db, viewerOf(request), request.params.id),
  });

  routes.get('/projects/:id/implementation', {
    schema: {
      tags: ['implementation'],
      summary: 'One funded project: progress, milestones and updates (anyone)',
      params: ProjectIdParams,
      response: { 200: ProjectDelivery, ...errorResponses(400, 404) },
    },
    handler: async (request) => implementation.projectDelivery(app.db, request.params.id),
  });

  routes.put('/projects/:id/progress', {
    preHandler: [staff],
    schema: {
      tags: ['implementation'],
      summary: 'Set a funded project’s progress, 0–100 (staff, admin; results or implementation phase; audited)',
      security: [{ bearerAuth: [] }],
      params: ProjectIdParams,
      body: ProgressInput,
      response: { 200: ProjectDelivery, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => implementation.setProgress(app.db, writer(request), request.params.id, request.body),
  });

  routes.post('/projects/:id/milestones', {
    preHandler: [staff],
    schema: {
      tags: ['implementation'],
      summary: 'Add a milestone at the end of a funded project’s list (staff, admin; audited)',
      security: [{ bearerAuth: [] }],
      params: ProjectIdParams,
      body: MilestoneCreate,
      response: { 201: Milestone, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const milestone = await implementation.createMilestone(app.db, writer(request), request.params.id, request.body);
      return reply.code(201).send(milestone);
    },
  });

  routes.patch('/milestones/:id', {
    preHandler: [staff],
    schema: {
      tags: ['implementation'],
      summary: 'Change a milestone: title, status, due or completion date (staff, admin; audited)',
      security: [{ bearerAuth: [] }],
      params: MilestoneIdParams,
      body: MilestoneUpdate,
      response: { 200: Milestone, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => implementation.updateMilestone(app.db, writer(request), request.params.id, request.body),
  });

  routes.delete('/milestones/:id', {
    preHandler: [staff],
    schema: {
      tags: ['implementation'],
      summary: 'Remove a milestone (staff, admin; audited)',
      security: [{ bearerAuth: [] }],
      params: MilestoneIdParams,
      response: { 204: z.null().describe('Removed'), ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      await implementation.deleteMilestone(app.db, writer(request), request.params.id);
      return reply.code(204).send(null);
    },
  });

  routes.post('/projects/:id/updates', {
    preHandler: [staff],
    schema: {
      tags: ['implementation'],
      summary: 'Post a public update on a funded project, plain text (staff, admin; audited)',
      security: [{ bearerAuth: [] }],
      params: ProjectIdParams,
      body: ProjectUpdateCreate,
      response: { 201: ProjectUpdate, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const update = await implementation.postUpdate(app.db, writer(request), request.params.id, request.body);
      return reply.code(201).send(update);
    },
  });
}
