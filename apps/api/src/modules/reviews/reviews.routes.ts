import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BallotProjectList,
  CycleIdParams,
  FeasibilityReview,
  FeasibilityReviewInput,
  ProposalIdParams,
  ReviewQueue,
  ReviewQueueItem,
  ReviewQueueQuery,
} from '@allot/shared';
import { errorResponses } from '../../lib/http';
import { principalOf, requireRole } from '../../plugins/auth';
import { identifyViewer, viewerOf } from '../cycles/viewer';
import * as reviews from './reviews.service';

export default async function reviewRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/cycles/:id/reviews', {
    preHandler: [requireRole('staff', 'admin')],
    schema: {
      tags: ['feasibility'],
      summary: 'Feasibility queue: shortlisted proposals with their review (staff/admin; includes internal notes)',
      security: [{ bearerAuth: [] }],
      params: CycleIdParams,
      querystring: ReviewQueueQuery,
      response: { 200: ReviewQueue, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => reviews.reviewQueue(app.db, request.params.id, request.query),
  });

  routes.get('/proposals/:id/review', {
    preHandler: [requireRole('staff', 'admin')],
    schema: {
      tags: ['feasibility'],
      summary: 'One proposal’s entry in the feasibility queue, with its review (staff/admin; includes internal notes)',
      security: [{ bearerAuth: [] }],
      params: ProposalIdParams,
      response: { 200: ReviewQueueItem, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => reviews.reviewItem(app.db, principalOf(request), request.params.id),
  });

  routes.put('/proposals/:id/feasibility', {
    preHandler: [requireRole('staff')],
    schema: {
      tags: ['feasibility'],
      summary: 'Record the verdict, costed estimate and reasons (staff, feasibility phase only, audited)',
      security: [{ bearerAuth: [] }],
      params: ProposalIdParams,
      body: FeasibilityReviewInput,
      response: { 200: FeasibilityReview, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return reviews.recordVerdict(app.db, { userId: principal.userId, requestId: request.id }, principal, request.params.id, request.body);
    },
  });

  routes.get('/cycles/:id/ballot-projects', {
    preHandler: [identifyViewer],
    schema: {
      tags: ['feasibility'],
      summary: 'Projects on the ballot (feasible proposals at the staff cost): public once voting starts, staff/admin before',
      params: CycleIdParams,
      response: { 200: BallotProjectList, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => reviews.ballotProjects(app.db, viewerOf(request), request.params.id),
  });
}
