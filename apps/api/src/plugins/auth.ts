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
  app.decorateRequest('accessClaims', null);
}

export default fp(authPlugin, { name: 'auth' });

export function signAccessToken(app: FastifyInstance, claims: AccessClaims): string {
  return app.jwt.sign(claims);
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireAccessToken`: the verified claims, before the session itself is checked. */
    accessClaims: AccessClaims | null;
  }
}

export const SIGNED_OUT_MESSAGE = 'Sign in to continue; your session is missing or has ended';

/**
 * Verifies the bearer token itself (signature, algorithm, issuer, audience, expiry, claim shapes),
 * without the database. Null when there is no usable token.
 */
export async function verifyAccessToken(request: FastifyRequest): Promise<AccessClaims | null> {
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
  return claims;
}

/** What the session rules need about a token's account and sign-in (see findPrincipal). */
export interface SessionFacts {
  tokenVersion: number;
  familyRevoked: boolean;
  familyExpiresAtMs: number;
  roles: Role[];
}

/**
 * The session rules, in one place: the account's token version is the token's, and the sign-in
 * is neither revoked nor expired (so a role change or a logout ends the token at once). Null
 * when `facts` (undefined: no such account or sign-in) do not allow the token.
 */
export function principalFrom(claims: AccessClaims, facts: SessionFacts | undefined, nowMs: number): Principal | null {
  if (facts === undefined) return null;
  if (facts.tokenVersion !== claims.tv || facts.familyRevoked || facts.familyExpiresAtMs <= nowMs) return null;
  return { userId: claims.sub, roles: facts.roles, sessionId: claims.sid };
}

/**
 * Verifies the bearer token and checks with one indexed read that the account's token version
 * and the sign-in are still current. Returns null when there is no usable token.
 */
export async function resolvePrincipal(request: FastifyRequest): Promise<Principal | null> {
  if (request.principal !== null) return request.principal;
  const claims = await verifyAccessToken(request);
  if (claims === null) return null;
  const row = await findPrincipal(request.server.db, claims.sub, claims.sid);
  const facts =
    row === undefined
      ? undefined
      : { tokenVersion: row.tokenVersion, familyRevoked: row.familyRevokedAt !== null, familyExpiresAtMs: row.familyExpiresAt.getTime(), roles: row.roles };
  request.principal = principalFrom(claims, facts, Date.now());
  return request.principal;
}

/** preHandler: the caller must present a valid access token. */
export const requireAuth: preHandlerAsyncHookHandler = async function requireAuth(
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const principal = await resolvePrincipal(request);
  if (principal === null) throw new UnauthorizedError(SIGNED_OUT_MESSAGE);
  // Personal answers must never be stored by a shared cache or the back/forward cache.
  reply.header('cache-control', 'private, no-store');
};

/**
 * preHandler for a route that checks the session in its own database read (the ballot cast
 * does, together with what it reads anyway, to save a round trip): the bearer token must verify
 * here; the handler then reads the session facts and applies `principalFrom`, answering 401
 * with SIGNED_OUT_MESSAGE when they do not allow the token. `request.principal` stays null.
 */
export const requireAccessToken: preHandlerAsyncHookHandler = async function requireAccessToken(
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const claims = await verifyAccessToken(request);
  if (claims === null) throw new UnauthorizedError(SIGNED_OUT_MESSAGE);
  request.accessClaims = claims;
  reply.header('cache-control', 'private, no-store');
};

/** The claims verified by requireAccessToken; throws if a route forgot the hook. */
export function accessClaimsOf(request: FastifyRequest): AccessClaims {
  if (request.accessClaims === null) throw new UnauthorizedError();
  return request.accessClaims;
}

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
