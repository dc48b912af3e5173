import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Cycle, CycleCreate, CycleIdParams, CycleList, CycleUpdate, PhaseMoveRequest } from '@allot/shared';
import { errorResponses } from '../../lib/http';
import { principalOf, requireRole } from '../../plugins/auth';
import * as cycles from './cycles.service';
import { identifyViewer, viewerOf } from './viewer';

export default async function cycleRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/cycles', {
    preHandler: [identifyViewer],
    schema: {
      tags: ['cycles'],
      summary: 'PB cycles, newest first (drafts only for admins)',
      response: { 200: CycleList },
    },
    handler: async (request) => cycles.listCycles(app.db, viewerOf(request)),
  });

  routes.get('/cycles/:id', {
    preHandler: [identifyViewer],
    schema: {
      tags: ['cycles'],
      summary: 'One cycle with its pots, rounds, schedule, ballot and tally settings, and what residents can do now',
      params: CycleIdParams,
      response: { 200: Cycle, ...errorResponses(400, 404) },
    },
    handler: async (request) => cycles.getCycle(app.db, viewerOf(request), request.params.id),
  });

  routes.post('/cycles', {
    preHandler: [requireRole('admin')],
    schema: {
      tags: ['cycles'],
      summary: 'Create a cycle in draft (admin, audited); pot budgets must add up to the total',
      security: [{ bearerAuth: [] }],
      body: CycleCreate,
      response: { 201: Cycle, ...errorResponses(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const cycle = await cycles.createCycle(app.db, { userId: principalOf(request).userId, requestId: request.id }, request.body);
      return reply.code(201).send(cycle);
    },
  });

  routes.patch('/cycles/:id', {
    preHandler: [requireRole('admin')],
    schema: {
      tags: ['cycles'],
      summary: 'Change a cycle’s details, budget, pots, rounds or rules (admin, audited)',
      security: [{ bearerAuth: [] }],
      params: CycleIdParams,
      body: CycleUpdate,
      response: { 200: Cycle, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) =>
      cycles.updateCycle(app.db, { userId: principalOf(request).userId, requestId: request.id }, request.params.id, request.body),
  });

  routes.post('/cycles/:id/phase', {
    preHandler: [requireRole('admin')],
    schema: {
      tags: ['cycles'],
      summary: 'Move to the next phase, or forward to a named later one (admin, audited; never backwards)',
      security: [{ bearerAuth: [] }],
      params: CycleIdParams,
      body: PhaseMoveRequest.nullish(),
      response: { 200: Cycle, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) =>
      cycles.movePhase(app.db, { userId: principalOf(request).userId, requestId: request.id }, request.params.id, request.body?.to),
  });
}
