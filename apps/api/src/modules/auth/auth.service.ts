import { createHash, randomBytes } from 'node:crypto';
import type { Me, RegisterRequest } from '@allot/shared';
import type { Db } from '../../db/client';
import { ConflictError, isPgError, PgCode, UnauthorizedError, ValidationError } from '../../errors';
import * as users from '../users/users.repository';
import { toMe } from '../users/users.mapper';
import * as sessions from './auth.repository';
import { hashPassword, verifyPassword } from './password';

/** A refresh session lives this long after its last use. */
export const REFRESH_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** What a successful register/login/refresh hands to the route, which signs the access token. */
export interface IssuedSession {
  user: Me;
  tokenVersion: number;
  sessionId: string;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newRefreshToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashRefreshToken(token) };
}

async function startSession(tx: Db, userId: string): Promise<Omit<IssuedSession, 'user' | 'tokenVersion'>> {
  const refreshExpiresAt = new Date(Date.now() + REFRESH_TTL_MS);
  const family = await sessions.insertFamily(tx, userId, refreshExpiresAt);
  const { token, tokenHash } = newRefreshToken();
  await sessions.insertRefreshToken(tx, family.id, tokenHash);
  return { sessionId: family.id, refreshToken: token, refreshExpiresAt };
}

async function loadUser(tx: Db, userId: string) {
  const user = await users.findUserRecordById(tx, userId);
  if (user === undefined) throw new UnauthorizedError();
  return user;
}

export async function register(db: Db, input: RegisterRequest): Promise<IssuedSession> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const { id } = await users.insertUser(tx, {
        email: input.email,
        passwordHash,
        displayName: input.displayName,
        homeWardId: input.homeWardId,
        birthYear: input.birthYear,
      });
      await users.addRoles(tx, id, ['resident']);
      const session = await startSession(tx, id);
      const user = await loadUser(tx, id);
      return { ...session, user: toMe(user), tokenVersion: user.tokenVersion };
    });
  } catch (error) {
    if (isPgError(error, PgCode.uniqueViolation, 'users_email_lower_unique')) {
      throw new ConflictError('An account with this email already exists', [
        { path: 'email', message: 'An account with this email already exists; sign in instead' },
      ]);
    }
    if (isPgError(error, PgCode.foreignKeyViolation, 'users_home_ward_id_wards_id_fk')) {
      throw new ValidationError('The request body is not valid', [
        { path: 'homeWardId', message: 'Choose a ward from the list' },
      ]);
    }
    throw error;
  }
}

const badCredentials = 'Email or password is incorrect';

export async function login(db: Db, email: string, password: string): Promise<IssuedSession> {
  const credentials = await users.findCredentialsByEmail(db, email);
  const ok = await verifyPassword(credentials?.passwordHash, password);
  if (credentials === undefined || !ok) throw new UnauthorizedError(badCredentials);
  return db.transaction(async (tx) => {
    const session = await startSession(tx, credentials.id);
    const user = await loadUser(tx, credentials.id);
    return { ...session, user: toMe(user), tokenVersion: user.tokenVersion };
  });
}

export type RefreshOutcome =
  | { kind: 'rotated'; session: IssuedSession }
  | { kind: 'invalid' }
  | { kind: 'reused'; sessionId: string; userId: string };

/**
 * Exchanges a refresh token for a new one in the same family. A token that was already
 * exchanged is a sign of theft: the whole family is revoked (committed) and the caller gets 401.
 */
export async function refresh(db: Db, refreshToken: string): Promise<RefreshOutcome> {
  return db.transaction(async (tx): Promise<RefreshOutcome> => {
    const row = await sessions.findRefreshTokenForUpdate(tx, hashRefreshToken(refreshToken));
    if (row === undefined) return { kind: 'invalid' };
    if (row.familyRevokedAt !== null || row.familyExpiresAt.getTime() <= Date.now()) return { kind: 'invalid' };
    if (row.rotatedAt !== null) {
      await sessions.revokeFamily(tx, row.familyId, 'refresh token reused');
      return { kind: 'reused', sessionId: row.familyId, userId: row.userId };
    }
    await sessions.markRotated(tx, row.tokenId);
    const { token, tokenHash } = newRefreshToken();
    await sessions.insertRefreshToken(tx, row.familyId, tokenHash);
    const refreshExpiresAt = new Date(Date.now() + REFRESH_TTL_MS);
    await sessions.extendFamily(tx, row.familyId, refreshExpiresAt);
    const user = await loadUser(tx, row.userId);
    return {
      kind: 'rotated',
      session: {
        user: toMe(user),
        tokenVersion: user.tokenVersion,
        sessionId: row.familyId,
        refreshToken: token,
        refreshExpiresAt,
      },
    };
  });
}

/** Ends a sign-in: by its refresh token (cookie) and/or by the session id of a valid access token. */
export async function logout(db: Db, refreshToken: string | undefined, sessionId: string | undefined): Promise<void> {
  await db.transaction(async (tx) => {
    if (refreshToken !== undefined) {
      const familyId = await sessions.findFamilyIdByTokenHash(tx, hashRefreshToken(refreshToken));
      if (familyId !== undefined) await sessions.revokeFamily(tx, familyId, 'logout');
    }
    if (sessionId !== undefined) await sessions.revokeFamily(tx, sessionId, 'logout');
  });
}

export async function getMe(db: Db, userId: string): Promise<Me> {
  const user = await users.findUserRecordById(db, userId);
  if (user === undefined) throw new UnauthorizedError();
  return toMe(user);
}
