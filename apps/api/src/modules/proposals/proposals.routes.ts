import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CycleIdParams,
  Proposal,
  ProposalCreate,
  ProposalIdParams,
  ProposalList,
  ProposalListQuery,
  ProposalUpdate,
} from '@allot/shared';
import { errorResponses } from '../../lib/http';
import { principalOf, requireAuth, requireRole } from '../../plugins/auth';
import { identifyViewer, viewerOf } from '../cycles/viewer';
import * as proposals from './proposals.service';

export default async function proposalRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/cycles/:id/proposals', {
    preHandler: [identifyViewer],
    schema: {
      tags: ['proposals'],
      summary: 'Proposals of a cycle: filter by ward, pot, category, status or text; paginated with a total',
      params: CycleIdParams,
      querystring: ProposalListQuery,
      response: { 200: ProposalList, ...errorResponses(400, 404) },
    },
    handler: async (request) => proposals.listProposals(app.db, viewerOf(request), request.params.id, request.query),
  });

  routes.post('/cycles/:id/proposals', {
    preHandler: [requireRole('resident')],
    schema: {
      tags: ['proposals'],
      summary: 'Submit an idea (resident, proposals phase only)',
      security: [{ bearerAuth: [] }],
      params: CycleIdParams,
      body: ProposalCreate,
      response: { 201: Proposal, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const proposal = await proposals.createProposal(
        app.db,
        { userId: principal.userId, requestId: request.id },
        principal,
        request.params.id,
        request.body,
      );
      return reply.code(201).send(proposal);
    },
  });

  routes.get('/proposals/:id', {
    preHandler: [identifyViewer],
    schema: {
      tags: ['proposals'],
      summary: 'One proposal with authors, support and comment counts and its public feasibility outcome',
      params: ProposalIdParams,
      response: { 200: Proposal, ...errorResponses(400, 404) },
    },
    handler: async (request) => proposals.getProposal(app.db, viewerOf(request), request.params.id),
  });

  routes.patch('/proposals/:id', {
    preHandler: [requireAuth],
    schema: {
      tags: ['proposals'],
      summary: 'Revise a proposal (its authors, until feasibility starts)',
      security: [{ bearerAuth: [] }],
      params: ProposalIdParams,
      body: ProposalUpdate,
      response: { 200: Proposal, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return proposals.updateProposal(app.db, { userId: principal.userId, requestId: request.id }, principal, request.params.id, request.body);
    },
  });

  routes.post('/proposals/:id/withdraw', {
    preHandler: [requireAuth],
    schema: {
      tags: ['proposals'],
      summary: 'Withdraw a proposal (its authors, before voting starts)',
      security: [{ bearerAuth: [] }],
      params: ProposalIdParams,
      response: { 200: Proposal, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return proposals.withdrawProposal(app.db, { userId: principal.userId, requestId: request.id }, principal, request.params.id);
    },
  });
}
