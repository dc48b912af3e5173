import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CycleIdParams, CycleStats, StatsCsvQuery } from '@allot/shared';
import { errorResponses } from '../../lib/http';
import { principalOf, requireRole } from '../../plugins/auth';
import { statsCsv, statsCsvFileName } from './stats-csv';
import * as stats from './stats.service';

export default async function statsRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/cycles/:id/stats', {
    preHandler: [requireRole('councillor', 'admin')],
    schema: {
      tags: ['stats'],
      summary: 'Turnout, participation and results per ward, small numbers hidden (councillors: their wards; admins: every ward)',
      security: [{ bearerAuth: [] }],
      params: CycleIdParams,
      response: { 200: CycleStats, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => stats.cycleStats(app.db, principalOf(request), request.params.id),
  });

  routes.get('/cycles/:id/stats.csv', {
    preHandler: [requireRole('councillor', 'admin')],
    schema: {
      tags: ['stats'],
      summary: 'The same figures as a CSV download, for every ward in view or one ward (?ward=)',
      security: [{ bearerAuth: [] }],
      params: CycleIdParams,
      querystring: StatsCsvQuery,
      produces: ['text/csv'],
      response: { 200: z.string().describe('CSV (UTF-8 with a byte order mark): Ward, Ward code, Measure, Breakdown, Value'), ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const wardId = request.query.ward;
      const figures = await stats.cycleStats(app.db, principalOf(request), request.params.id, wardId);
      const fileName = statsCsvFileName(figures, wardId === undefined ? undefined : figures.wards[0]?.code);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(statsCsv(figures));
    },
  });
}
