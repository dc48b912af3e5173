import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Ward, WardCreate, WardIdParams, WardList, WardUpdate } from '@allot/shared';
import { errorResponses } from '../../lib/http';
import { principalOf, requireRole } from '../../plugins/auth';
import * as wards from './wards.service';

export default async function wardRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/wards', {
    schema: { tags: ['wards'], summary: 'All wards with their population', response: { 200: WardList } },
    handler: async () => ({ wards: await wards.listWards(app.db) }),
  });

  routes.post('/wards', {
    preHandler: [requireRole('admin')],
    schema: {
      tags: ['wards'],
      summary: 'Create a ward (admin, audited)',
      security: [{ bearerAuth: [] }],
      body: WardCreate,
      response: { 201: Ward, ...errorResponses(400, 401, 403, 409) },
    },
    handler: async (request, reply) => {
      const ward = await wards.createWard(app.db, { userId: principalOf(request).userId, requestId: request.id }, request.body);
      return reply.code(201).send(ward);
    },
  });

  routes.patch('/wards/:id', {
    preHandler: [requireRole('admin')],
    schema: {
      tags: ['wards'],
      summary: 'Change a ward’s name, code or population (admin, audited)',
      security: [{ bearerAuth: [] }],
      params: WardIdParams,
      body: WardUpdate,
      response: { 200: Ward, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) =>
      wards.updateWard(app.db, { userId: principalOf(request).userId, requestId: request.id }, request.params.id, request.body),
  });
}
