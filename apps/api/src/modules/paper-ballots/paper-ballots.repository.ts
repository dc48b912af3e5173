import { and, asc, eq, exists, ilike, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { participation, userRoles, users, wardVerifications } from '../../db/schema';

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Residents matching `q` (name or email), with their wards and whether (never what) they voted. */
export function searchVoters(db: Db, cycleId: string, q: string, limit: number) {
  const pattern = `%${escapeLike(q)}%`;
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      homeWardId: users.homeWardId,
      birthYear: users.birthYear,
      verifiedWardId: wardVerifications.wardId,
      channel: participation.channel,
    })
    .from(users)
    .leftJoin(wardVerifications, eq(wardVerifications.userId, users.id))
    .leftJoin(participation, and(eq(participation.userId, users.id), eq(participation.cycleId, cycleId)))
    .where(
      and(
        or(ilike(users.email, pattern), ilike(users.displayName, pattern)),
        exists(db.select({ one: sql`1` }).from(userRoles).where(and(eq(userRoles.userId, users.id), eq(userRoles.role, 'resident')))),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.email))
    .limit(limit);
}

export async function findWardVerification(db: Db, userId: string) {
  const [row] = await db.select().from(wardVerifications).where(eq(wardVerifications.userId, userId));
  return row;
}

export async function upsertWardVerification(db: Db, userId: string, wardId: string, verifiedBy: string) {
  const [row] = await db
    .insert(wardVerifications)
    .values({ userId, wardId, verifiedBy })
    .onConflictDoUpdate({ target: wardVerifications.userId, set: { wardId, verifiedBy, verifiedAt: sql`now()` } })
    .returning();
  if (row === undefined) throw new Error('ward verification upsert returned no row');
  return row;
}
