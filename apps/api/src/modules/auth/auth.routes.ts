import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginRequest, Me, RegisterRequest, Session } from '@allot/shared';
import { UnauthorizedError } from '../../errors';
import { errorResponses } from '../../lib/http';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  principalOf,
  REFRESH_COOKIE,
  REFRESH_COOKIE_PATH,
  requireAuth,
  resolvePrincipal,
  signAccessToken,
} from '../../plugins/auth';
import * as auth from './auth.service';

export default async function authRoutes(app: FastifyInstance): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const rateLimit = { max: app.config.authRateLimit.max, timeWindow: app.config.authRateLimit.windowMs };
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: app.config.cookieSecure,
    path: REFRESH_COOKIE_PATH,
  };

  function sendSession(reply: FastifyReply, session: auth.IssuedSession, status: 200 | 201): Session {
    reply.setCookie(REFRESH_COOKIE, session.refreshToken, { ...cookieOptions, expires: session.refreshExpiresAt });
    reply.header('cache-control', 'no-store');
    reply.code(status);
    return {
      accessToken: signAccessToken(app, { sub: session.user.id, tv: session.tokenVersion, sid: session.sessionId }),
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      user: session.user,
    };
  }

  function clearRefreshCookie(reply: FastifyReply): void {
    reply.clearCookie(REFRESH_COOKIE, cookieOptions);
  }

  routes.post('/auth/register', {
    config: { rateLimit },
    schema: {
      tags: ['auth'],
      summary: 'Create a resident account and sign in',
      body: RegisterRequest,
      response: { 201: Session, ...errorResponses(400, 409, 413, 429) },
    },
    handler: async (request, reply) => sendSession(reply, await auth.register(app.db, request.body), 201),
  });

  routes.post('/auth/login', {
    config: { rateLimit },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with email and password',
      body: LoginRequest,
      response: { 200: Session, ...errorResponses(400, 401, 429) },
    },
    handler: async (request, reply) =>
      sendSession(reply, await auth.login(app.db, request.body.email, request.body.password), 200),
  });

  routes.post('/auth/refresh', {
    config: { rateLimit },
    schema: {
      tags: ['auth'],
      summary: 'Exchange the refresh cookie for a new access token (the cookie rotates)',
      response: { 200: Session, ...errorResponses(401, 429) },
    },
    handler: async (request, reply) => {
      const token = request.cookies[REFRESH_COOKIE];
      const outcome = token === undefined || token === '' ? { kind: 'invalid' as const } : await auth.refresh(app.db, token);
      if (outcome.kind === 'rotated') return sendSession(reply, outcome.session, 200);
      if (outcome.kind === 'reused') {
        request.log.warn({ sessionId: outcome.sessionId, userId: outcome.userId }, 'refresh token reuse: session revoked');
      }
      clearRefreshCookie(reply);
      throw new UnauthorizedError('Your session has ended; sign in again');
    },
  });

  routes.post('/auth/logout', {
    config: { rateLimit },
    schema: {
      tags: ['auth'],
      summary: 'Sign out: revokes this session (refresh cookie and access token) at once',
      response: { 204: z.null().describe('Signed out'), ...errorResponses(429) },
    },
    handler: async (request, reply) => {
      const principal = await resolvePrincipal(request);
      await auth.logout(app.db, request.cookies[REFRESH_COOKIE] || undefined, principal?.sessionId);
      clearRefreshCookie(reply);
      return reply.code(204).send(null);
    },
  });

  routes.get('/me', {
    preHandler: [requireAuth],
    schema: {
      tags: ['auth'],
      summary: 'The signed-in account',
      security: [{ bearerAuth: [] }],
      response: { 200: Me, ...errorResponses(401) },
    },
    handler: async (request) => auth.getMe(app.db, principalOf(request).userId),
  });
}
