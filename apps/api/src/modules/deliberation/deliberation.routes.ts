import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Comment,
  CommentCreate,
  CommentHideRequest,
  CommentIdParams,
  CommentList,
  MergeRequest,
  Proposal,
  ProposalIdParams,
  RoundCloseResult,
  RoundParams,
  SupportState,
} from '@allot/shared';
import { errorResponses } from '../../lib/http';
import { principalOf, requireRole } from '../../plugins/auth';
import { identifyViewer, viewerOf } from '../cycles/viewer';
import * as deliberation from './deliberation.service';

export default async function deliberationRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const actorOf = (request: FastifyRequest) => ({ userId: principalOf(request).userId, requestId: request.id });

  routes.get('/proposals/:id/comments', {
    preHandler: [identifyViewer],
    schema: {
      tags: ['deliberation'],
      summary: 'Comments on a proposal, oldest first (thread them by parentId); hidden ones show the reason',
      params: ProposalIdParams,
      response: { 200: CommentList, ...errorResponses(400, 404) },
    },
    handler: async (request) => deliberation.listComments(app.db, viewerOf(request), request.params.id),
  });

  routes.post('/proposals/:id/comments', {
    preHandler: [requireRole('resident')],
    schema: {
      tags: ['deliberation'],
      summary: 'Comment or reply (resident, deliberation phase only)',
      security: [{ bearerAuth: [] }],
      params: ProposalIdParams,
      body: CommentCreate,
      response: { 201: Comment, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      const comment = await deliberation.addComment(app.db, actorOf(request), principalOf(request), request.params.id, request.body);
      return reply.code(201).send(comment);
    },
  });

  routes.post('/comments/:id/flag', {
    preHandler: [requireRole('resident')],
    schema: {
      tags: ['deliberation'],
      summary: 'Flag a comment for moderators (resident, once per comment)',
      security: [{ bearerAuth: [] }],
      params: CommentIdParams,
      response: { 204: z.null().describe('Flagged'), ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request, reply) => {
      await deliberation.flagComment(app.db, actorOf(request), principalOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  });

  routes.post('/comments/:id/hide', {
    preHandler: [requireRole('staff')],
    schema: {
      tags: ['deliberation'],
      summary: 'Hide a comment with a reason everyone sees (staff, audited; the author is notified)',
      security: [{ bearerAuth: [] }],
      params: CommentIdParams,
      body: CommentHideRequest,
      response: { 200: Comment, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) =>
      deliberation.hideComment(app.db, actorOf(request), principalOf(request), request.params.id, request.body.reason),
  });

  routes.put('/proposals/:id/support', {
    preHandler: [requireRole('resident')],
    schema: {
      tags: ['deliberation'],
      summary: 'Support a proposal (resident, deliberation only; repeating it changes nothing)',
      security: [{ bearerAuth: [] }],
      params: ProposalIdParams,
      response: { 200: SupportState, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => deliberation.setSupport(app.db, actorOf(request), principalOf(request), request.params.id, true),
  });

  routes.delete('/proposals/:id/support', {
    preHandler: [requireRole('resident')],
    schema: {
      tags: ['deliberation'],
      summary: 'Take back my support (resident, deliberation only)',
      security: [{ bearerAuth: [] }],
      params: ProposalIdParams,
      response: { 200: SupportState, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => deliberation.setSupport(app.db, actorOf(request), principalOf(request), request.params.id, false),
  });

  routes.post('/proposals/:id/merge', {
    preHandler: [requireRole('staff')],
    schema: {
      tags: ['deliberation'],
      summary: 'Merge this proposal into a similar one of the same pot (staff, audited); answers the target',
      security: [{ bearerAuth: [] }],
      params: ProposalIdParams,
      body: MergeRequest,
      response: { 200: Proposal, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) =>
      deliberation.mergeProposal(app.db, actorOf(request), principalOf(request), request.params.id, request.body.intoId),
  });

  routes.post('/cycles/:id/rounds/:roundId/close', {
    preHandler: [requireRole('staff', 'admin')],
    schema: {
      tags: ['deliberation'],
      summary: 'Close a deliberation round and apply its shortlist rule (staff/admin, audited)',
      security: [{ bearerAuth: [] }],
      params: RoundParams,
      response: { 200: RoundCloseResult, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => deliberation.closeRound(app.db, actorOf(request), request.params.id, request.params.roundId),
  });
}
