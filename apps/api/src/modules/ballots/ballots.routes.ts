import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BallotInput, CastBallotResponse, CycleIdParams, IdempotencyKeyHeader, MyBallot } from '@allot/shared';
import { errorResponses } from '../../lib/http';
import { accessClaimsOf, principalOf, requireAccessToken, requireAuth } from '../../plugins/auth';
import * as ballots from './ballots.service';

/** The ballot secret every voting module needs; buildApp's caller resolves it (see secrets.ts). */
export function ballotSecretOf(app: FastifyInstance): string {
  const secret = app.config.ballotSecret;
  if (secret === undefined) throw new Error('buildApp needs config.ballotSecret (see resolveBallotSecret)');
  return secret;
}

export default async function ballotRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const secret = ballotSecretOf(app);

  routes.get('/cycles/:id/ballot', {
    preHandler: [requireAuth],
    schema: {
      tags: ['voting'],
      summary: 'My ballot: the pots I may vote in with their projects, the rules, my eligibility and my current ballot',
      security: [{ bearerAuth: [] }],
      params: CycleIdParams,
      response: { 200: MyBallot, ...errorResponses(400, 401, 404, 409) },
    },
    handler: async (request) => ballots.getMyBallot(app.db, secret, principalOf(request), request.params.id),
  });

  routes.put('/cycles/:id/ballot', {
    // The token is verified here; the session is checked in the cast's own first read (castSignedIn).
    preHandler: [requireAccessToken],
    schema: {
      tags: ['voting'],
      summary: 'Cast or replace my ballot while voting is open (optional Idempotency-Key header); returns a receipt',
      security: [{ bearerAuth: [] }],
      params: CycleIdParams,
      headers: IdempotencyKeyHeader,
      body: BallotInput,
      response: { 200: CastBallotResponse, ...errorResponses(400, 401, 403, 404, 409, 422) },
    },
    handler: async (request) =>
      ballots.castSignedIn(app.db, secret, accessClaimsOf(request), {
        cycleId: request.params.id,
        selections: request.body.selections,
        idempotencyKey: request.headers['idempotency-key'],
      }),
  });
}
