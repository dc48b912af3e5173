import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Me, SetRolesRequest, UserIdParams, UserList, UserSearchQuery } from '@allot/shared';
import { errorResponses } from '../../lib/http';
import { principalOf, requireRole } from '../../plugins/auth';
import * as users from './users.service';

export default async function userRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/users', {
    preHandler: [requireRole('admin')],
    schema: {
      tags: ['users'],
      summary: 'Search accounts by email or name (admin)',
      security: [{ bearerAuth: [] }],
      querystring: UserSearchQuery,
      response: { 200: UserList, ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => users.searchUsers(app.db, request.query),
  });

  routes.get('/users/:id', {
    preHandler: [requireRole('admin')],
    schema: {
      tags: ['users'],
      summary: 'One account (admin)',
      security: [{ bearerAuth: [] }],
      params: UserIdParams,
      response: { 200: Me, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => users.getUser(app.db, request.params.id),
  });

  routes.put('/users/:id/roles', {
    preHandler: [requireRole('admin')],
    schema: {
      tags: ['users'],
      summary: 'Replace an account’s roles and councillor wards (admin, audited; signs the account out)',
      security: [{ bearerAuth: [] }],
      params: UserIdParams,
      body: SetRolesRequest,
      response: { 200: Me, ...errorResponses(400, 401, 403, 404, 422) },
    },
    handler: async (request) =>
      users.setRoles(app.db, { userId: principalOf(request).userId, requestId: request.id }, request.params.id, request.body),
  });
}
