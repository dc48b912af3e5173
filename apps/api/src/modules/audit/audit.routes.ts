import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery } from '@allot/shared';
import { errorResponses } from '../../lib/http';
import { requireRole } from '../../plugins/auth';
import { readAudit } from './audit.service';

export default async function auditRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/audit', {
    preHandler: [requireRole('admin')],
    schema: {
      tags: ['audit'],
      summary: 'The audit log, newest first (admin)',
      security: [{ bearerAuth: [] }],
      querystring: AuditQuery,
      response: { 200: AuditPage, ...errorResponses(400, 401, 403) },
    },
    handler: async (request) => readAudit(app.db, request.query),
  });
}
