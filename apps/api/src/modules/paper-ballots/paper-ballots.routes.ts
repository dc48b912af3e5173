import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CycleIdParams,
  PaperBallotInput,
  PaperBallotResponse,
  UserIdParams,
  VoterList,
  VoterSearchQuery,
  WardVerification,
  WardVerificationInput,
} from '@allot/shared';
import { errorResponses } from '../../lib/http';
import { principalOf, requireRole } from '../../plugins/auth';
import { ballotSecretOf } from '../ballots/ballots.routes';
import * as paper from './paper-ballots.service';

export default async function paperBallotRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const secret = ballotSecretOf(app);

  routes.get('/cycles/:id/voters', {
    preHandler: [requireRole('staff', 'admin')],
    schema: {
      tags: ['voting'],
      summary: 'Find residents at the paper-ballot desk: ward, verification and whether they voted (never what)',
      security: [{ bearerAuth: [] }],
      params: CycleIdParams,
      querystring: VoterSearchQuery,
      response: { 200: VoterList, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => paper.searchVoters(app.db, principalOf(request), request.params.id, request.query),
  });

  routes.post('/cycles/:id/paper-ballots', {
    preHandler: [requireRole('staff')],
    schema: {
      tags: ['voting'],
      summary: 'Enter a resident’s paper ballot (staff; same rules as online; audited without its content)',
      security: [{ bearerAuth: [] }],
      params: CycleIdParams,
      body: PaperBallotInput,
      response: { 201: PaperBallotResponse, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const answer = await paper.enterPaperBallot(app.db, secret, principalOf(request), request.id, request.params.id, request.body);
      return reply.code(201).send(answer);
    },
  });

  routes.post('/users/:id/ward-verification', {
    preHandler: [requireRole('staff')],
    schema: {
      tags: ['voting'],
      summary: 'Record the home ward staff have verified for a resident (staff, audited)',
      security: [{ bearerAuth: [] }],
      params: UserIdParams,
      body: WardVerificationInput,
      response: { 200: WardVerification, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request) => paper.verifyWard(app.db, principalOf(request), request.id, request.params.id, request.body.wardId),
  });
}
