import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Health, Ready } from '@allot/shared';
import { ServiceUnavailableError } from '../../errors';
import { errorResponses } from '../../lib/http';

export default async function systemRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/health', {
    schema: { tags: ['system'], summary: 'Liveness: the process answers (no database call)', response: { 200: Health } },
    handler: async () => ({ status: 'ok' as const }),
  });

  routes.get('/ready', {
    schema: {
      tags: ['system'],
      summary: 'Readiness: the database answers a query',
      response: { 200: Ready, ...errorResponses(503) },
    },
    handler: async (request) => {
      try {
        await app.database.ping();
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        throw new ServiceUnavailableError('The database is not reachable');
      }
      return { status: 'ready' as const, database: app.database.kind === 'pglite' ? ('pglite' as const) : ('postgres' as const) };
    },
  });
}
