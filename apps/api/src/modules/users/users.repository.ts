import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '@allot/shared';
import type { Db } from '../../db/client';
import { councillorWards, userRoles, users } from '../../db/schema';

/** An account with its roles and councillor wards, as the DTO mappers need it. */
export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  homeWardId: string | null;
  birthYear: number | null;
  createdAt: Date;
  tokenVersion: number;
  roles: Role[];
  councillorWardIds: string[];
}

const rolesOf = sql<Role[]>`coalesce((select array_agg(${userRoles.role}::text order by ${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}'::text[])`;
const councillorWardsOf = sql<string[]>`coalesce((select array_agg(${councillorWards.wardId}::text order by ${councillorWards.wardId}) from ${councillorWards} where ${councillorWards.userId} = ${users.id}), '{}'::text[])`;

const userRecordColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  homeWardId: users.homeWardId,
  birthYear: users.birthYear,
  createdAt: users.createdAt,
  tokenVersion: users.tokenVersion,
  roles: rolesOf,
  councillorWardIds: councillorWardsOf,
};

export async function findUserRecordById(db: Db, id: string): Promise<UserRecord | undefined> {
  const [row] = await db.select(userRecordColumns).from(users).where(eq(users.id, id));
  return row;
}

export async function findUserRecordByEmail(db: Db, email: string): Promise<UserRecord | undefined> {
  const [row] = await db
    .select(userRecordColumns)
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function findCredentialsByEmail(
  db: Db,
  email: string,
): Promise<{ id: string; passwordHash: string } | undefined> {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  homeWardId: string | null;
  birthYear: number | null;
}

export async function insertUser(db: Db, user: NewUser): Promise<{ id: string }> {
  const [row] = await db.insert(users).values(user).returning({ id: users.id });
  if (row === undefined) throw new Error('insert into users returned no row');
  return row;
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export interface UserSearch {
  q?: string | undefined;
  role?: Role | undefined;
  limit: number;
  offset: number;
}

export async function searchUsers(db: Db, search: UserSearch): Promise<{ users: UserRecord[]; total: number }> {
  const conditions: SQL[] = [];
  if (search.q !== undefined && search.q !== '') {
    const pattern = `%${search.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(users.email, pattern), ilike(users.displayName, pattern));
    if (match !== undefined) conditions.push(match);
  }
  if (search.role !== undefined) {
    conditions.push(
      inArray(users.id, db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, search.role))),
    );
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const rows = await db
    .select(userRecordColumns)
    .from(users)
    .where(where)
    .orderBy(asc(users.email))
    .limit(search.limit)
    .offset(search.offset);
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(users).where(where);
  return { users: rows, total: count?.total ?? 0 };
}

/** Replaces the account's roles and councillor wards and bumps its token version. */
export async function replaceRoles(db: Db, userId: string, roles: Role[], wardIds: string[]): Promise<void> {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roles.length > 0) await db.insert(userRoles).values(roles.map((role) => ({ userId, role })));
  await db.delete(councillorWards).where(eq(councillorWards.userId, userId));
  if (wardIds.length > 0) await db.insert(councillorWards).values(wardIds.map((wardId) => ({ userId, wardId })));
  await db
    .update(users)
    .set({ tokenVersion: sql`${users.tokenVersion} + 1` })
    .where(eq(users.id, userId));
}

export async function addRoles(db: Db, userId: string, roles: Role[]): Promise<void> {
  if (roles.length === 0) return;
  await db
    .insert(userRoles)
    .values(roles.map((role) => ({ userId, role })))
    .onConflictDoNothing();
}

/** Locks the account row so concurrent role changes apply one after the other. */
export async function lockUser(db: Db, userId: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
  return rows.length > 0;
}
