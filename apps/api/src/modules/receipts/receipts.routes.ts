import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CycleIdParams, ReceiptCheck, ReceiptParams, ReceiptsBoard, ReceiptsQuery } from '@allot/shared';
import { errorResponses } from '../../lib/http';
import { identifyViewer, viewerOf } from '../cycles/viewer';
import * as receipts from './receipts.service';

export default async function receiptRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/cycles/:id/receipts', {
    preHandler: [identifyViewer],
    schema: {
      tags: ['voting'],
      summary: 'Receipts board: every counted ballot’s receipt and content hash, by receipt (anyone, once voting has closed)',
      params: CycleIdParams,
      querystring: ReceiptsQuery,
      response: { 200: ReceiptsBoard, ...errorResponses(400, 404, 409) },
    },
    handler: async (request) => receipts.receiptsBoard(app.db, viewerOf(request), request.params.id, request.query),
  });

  routes.get('/cycles/:id/receipts/:code', {
    preHandler: [identifyViewer],
    schema: {
      tags: ['voting'],
      summary: 'Check that the ballot with this receipt was counted (anyone, once voting has closed)',
      params: ReceiptParams,
      response: { 200: ReceiptCheck, ...errorResponses(400, 404, 409) },
    },
    handler: async (request) => receipts.checkReceipt(app.db, viewerOf(request), request.params.id, request.params.code),
  });
}
