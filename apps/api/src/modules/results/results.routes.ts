import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CycleIdParams, CycleResults, ExportQuery } from '@allot/shared';
import { errorResponses } from '../../lib/http';
import { principalOf, requireRole } from '../../plugins/auth';
import { identifyViewer, viewerOf } from '../cycles/viewer';
import * as results from './results.service';

/** The results CSV takes the export's query with the pot left optional (all pots). */
const CsvQuery = ExportQuery.partial();

const fileResponse = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string() } } });

export default async function resultRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post('/cycles/:id/tally', {
    preHandler: [requireRole('admin')],
    schema: {
      tags: ['results'],
      summary: 'Count every pot under the cycle’s rule and store the count (admin, counting phase only, audited); replaces an unpublished count',
      security: [{ bearerAuth: [] }],
      params: CycleIdParams,
      response: { 200: CycleResults, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => results.tallyCycle(app.db, { userId: principalOf(request).userId, requestId: request.id }, request.params.id),
  });

  routes.post('/cycles/:id/publish', {
    preHandler: [requireRole('admin')],
    schema: {
      tags: ['results'],
      summary: 'Publish the stored count and move the cycle to the results phase (admin, audited); published results never change',
      security: [{ bearerAuth: [] }],
      params: CycleIdParams,
      response: { 200: CycleResults, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => results.publishResults(app.db, { userId: principalOf(request).userId, requestId: request.id }, request.params.id),
  });

  routes.get('/cycles/:id/results', {
    preHandler: [identifyViewer],
    schema: {
      tags: ['results'],
      summary: 'Results per pot with the step-by-step explanation (anyone once published; admins and councillors before)',
      params: CycleIdParams,
      response: { 200: CycleResults, ...errorResponses(400, 404) },
    },
    handler: async (request, reply) => {
      const answer = await results.getResults(app.db, viewerOf(request), request.params.id);
      // An unpublished count is for its privileged reader only: never kept by a shared cache.
      if (answer.status !== 'published') reply.header('cache-control', 'private, no-store');
      return answer;
    },
  });

  routes.get('/cycles/:id/export.pb', {
    preHandler: [identifyViewer],
    schema: {
      tags: ['results'],
      summary: 'Open data: one published pot’s anonymised ballots and outcome as a Pabulib .pb file (anyone)',
      description:
        'Voter ids are 1..n in sorted ballot order; no account, token, receipt or time is included. Re-counting the file under META `rule` with the tie-break in META `tie_break` gives exactly the pot’s `funded`.',
      params: CycleIdParams,
      querystring: ExportQuery,
      response: { 200: fileResponse('text/plain', 'The .pb file (UTF-8)'), ...errorResponses(400, 404) },
    },
    handler: async (request, reply) => {
      const file = await results.exportPot(app.db, viewerOf(request), request.params.id, request.query.pot);
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  });

  routes.get('/cycles/:id/results.csv', {
    preHandler: [identifyViewer],
    schema: {
      tags: ['results'],
      summary: 'Open data: the published results as CSV, one row per project (anyone; all pots, or one with ?pot=)',
      params: CycleIdParams,
      querystring: CsvQuery,
      response: { 200: fileResponse('text/csv', 'CSV (UTF-8, RFC 4180)'), ...errorResponses(400, 404) },
    },
    handler: async (request, reply) => {
      const file = await results.exportCsv(app.db, viewerOf(request), request.params.id, request.query.pot);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  });
}
