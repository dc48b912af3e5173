import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Role } from '@allot/shared';
import type { Db } from '../../db/client';
import { refreshTokens, sessionFamilies, userRoles, users } from '../../db/schema';

export async function insertFamily(db: Db, userId: string, expiresAt: Date): Promise<{ id: string }> {
  const [row] = await db.insert(sessionFamilies).values({ userId, expiresAt }).returning({ id: sessionFamilies.id });
  if (row === undefined) throw new Error('insert into session_families returned no row');
  return row;
}

export async function insertRefreshToken(db: Db, familyId: string, tokenHash: string): Promise<void> {
  await db.insert(refreshTokens).values({ familyId, tokenHash });
}

export interface RefreshTokenRow {
  tokenId: string;
  rotatedAt: Date | null;
  familyId: string;
  userId: string;
  familyRevokedAt: Date | null;
  familyExpiresAt: Date;
}

/** Finds a refresh token with its family, locking the token row against a concurrent rotation. */
export async function findRefreshTokenForUpdate(db: Db, tokenHash: string): Promise<RefreshTokenRow | undefined> {
  const [row] = await db
    .select({
      tokenId: refreshTokens.id,
      rotatedAt: refreshTokens.rotatedAt,
      familyId: sessionFamilies.id,
      userId: sessionFamilies.userId,
      familyRevokedAt: sessionFamilies.revokedAt,
      familyExpiresAt: sessionFamilies.expiresAt,
    })
    .from(refreshTokens)
    .innerJoin(sessionFamilies, eq(sessionFamilies.id, refreshTokens.familyId))
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .for('update', { of: refreshTokens });
  return row;
}

export async function markRotated(db: Db, tokenId: string): Promise<void> {
  await db.update(refreshTokens).set({ rotatedAt: sql`now()` }).where(eq(refreshTokens.id, tokenId));
}

export async function extendFamily(db: Db, familyId: string, expiresAt: Date): Promise<void> {
  await db.update(sessionFamilies).set({ expiresAt }).where(eq(sessionFamilies.id, familyId));
}

export async function revokeFamily(db: Db, familyId: string, reason: string): Promise<void> {
  await db
    .update(sessionFamilies)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessionFamilies.id, familyId), isNull(sessionFamilies.revokedAt)));
}

export async function revokeAllFamiliesOfUser(db: Db, userId: string, reason: string): Promise<void> {
  await db
    .update(sessionFamilies)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(sessionFamilies.userId, userId), isNull(sessionFamilies.revokedAt)));
}

export async function findFamilyIdByTokenHash(db: Db, tokenHash: string): Promise<string | undefined> {
  const [row] = await db
    .select({ familyId: refreshTokens.familyId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash));
  return row?.familyId;
}

export interface PrincipalRow {
  tokenVersion: number;
  familyRevokedAt: Date | null;
  familyExpiresAt: Date;
  roles: Role[];
}

/** The one indexed read behind every authenticated request: account, its sign-in, its roles. */
export async function findPrincipal(db: Db, userId: string, familyId: string): Promise<PrincipalRow | undefined> {
  const [row] = await db
    .select({
      tokenVersion: users.tokenVersion,
      familyRevokedAt: sessionFamilies.revokedAt,
      familyExpiresAt: sessionFamilies.expiresAt,
      roles: sql<Role[]>`coalesce((select array_agg(${userRoles.role}::text order by ${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}'::text[])`,
    })
    .from(users)
    .innerJoin(sessionFamilies, and(eq(sessionFamilies.id, sql.placeholder('familyId')), eq(sessionFamilies.userId, users.id)))
    .where(eq(users.id, sql.placeholder('userId')))
    // Named (a prepared statement per connection): every authenticated request runs it.
    .prepare('auth_find_principal')
    .execute({ userId, familyId });
  return row;
}
