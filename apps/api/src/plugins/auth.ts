import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '@allot/shared';
import { ForbiddenError, UnauthorizedError } from '../errors';
import { findPrincipal } from '../modules/auth/auth.repository';
import type { Principal } from '../types';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const JWT_ISSUER = 'allot';
export const JWT_AUDIENCE = 'allot-api';
export const REFRESH_COOKIE = 'allot_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

/** Claims of an access token. `tv` is the account's token version, `sid` its sign-in. */
export interface AccessClaims {
  sub: string;
  tv: number;
  sid: string;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AccessClaims;
  }
}

export interface AuthPluginOptions {
  jwtSecret: string;
}

async function authPlugin(app: FastifyInstance, options: AuthPluginOptions): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyJwt, {
    secret: options.jwtSecret,
    sign: { algorithm: 'HS256', iss: JWT_ISSUER, aud: JWT_AUDIENCE, expiresIn: `${ACCESS_TOKEN_TTL_SECONDS}s` },
    verify: {
      algorithms: ['HS256'],
      allowedIss: JWT_ISSUER,
      allowedAud: JWT_AUDIENCE,
      requiredClaims: ['sub', 'tv', 'sid', 'exp', 'iat', 'iss', 'aud'],
    },
  });
  app.decorateRequest('principal', null);
}

export default fp(authPlugin, { name: 'auth' });

export function signAccessToken(app: FastifyInstance, claims: AccessClaims): string {
  return app.jwt.sign(claims);
}

/**
 * Verifies the bearer token (signature, algorithm, issuer, audience, expiry) and checks with one
 * indexed read that the account's token version and the sign-in are still current, so a role
 * change or a logout ends the token at once. Returns null when there is no usable token.
 */
export async function resolvePrincipal(request: FastifyRequest): Promise<Principal | null> {
  if (request.principal !== null) return request.principal;
  const header = request.headers.authorization;
  if (header === undefined || !/^Bearer\s+\S+$/i.test(header)) return null;
  let claims: AccessClaims;
  try {
    claims = await request.jwtVerify<AccessClaims>();
  } catch {
    return null;
  }
  if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.tv !== 'number') return null;
  if (!/^[0-9a-f-]{36}$/i.test(claims.sub) || !/^[0-9a-f-]{36}$/i.test(claims.sid)) return null;
  const row = await findPrincipal(request.server.db, claims.sub, claims.sid);
  if (row === undefined) return null;
  if (row.tokenVersion !== claims.tv || row.familyRevokedAt !== null || row.familyExpiresAt.getTime() <= Date.now()) {
    return null;
  }
  request.principal = { userId: claims.sub, roles: row.roles, sessionId: claims.sid };
  return request.principal;
}

/** preHandler: the caller must present a valid access token. */
export const requireAuth: preHandlerAsyncHookHandler = async function requireAuth(
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const principal = await resolvePrincipal(request);
  if (principal === null) throw new UnauthorizedError('Sign in to continue; your session is missing or has ended');
  // Personal answers must never be stored by a shared cache or the back/forward cache.
  reply.header('cache-control', 'private, no-store');
};

/**
 * preHandler: the caller must be signed in and hold at least one of `roles`.
 * Roles do not imply each other: write `requireRole('staff', 'admin')` to let admins in too.
 */
export function requireRole(...roles: Role[]): preHandlerAsyncHookHandler {
  return async function requireRoleHook(request: FastifyRequest, reply: FastifyReply) {
    await requireAuth.call(request.server, request, reply);
    const principal = request.principal;
    if (principal === null || !principal.roles.some((role) => roles.includes(role))) {
      throw new ForbiddenError(`This needs the ${roles.join(' or ')} role`);
    }
  };
}

/** The principal established by requireAuth/requireRole; throws if a route forgot the hook. */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === null) throw new UnauthorizedError();
  return request.principal;
}
