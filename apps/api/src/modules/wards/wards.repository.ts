import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { WardCreate, WardUpdate } from '@allot/shared';
import type { Db } from '../../db/client';
import { wards } from '../../db/schema';

export type WardRow = typeof wards.$inferSelect;

export function listWards(db: Db): Promise<WardRow[]> {
  return db.select().from(wards).orderBy(asc(wards.name));
}

export async function findWardById(db: Db, id: string): Promise<WardRow | undefined> {
  const [row] = await db.select().from(wards).where(eq(wards.id, id));
  return row;
}

export async function findWardByCode(db: Db, code: string): Promise<WardRow | undefined> {
  const [row] = await db.select().from(wards).where(eq(wards.code, code));
  return row;
}

export async function countExistingWards(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(wards).where(inArray(wards.id, ids));
  return row?.n ?? 0;
}

export async function insertWard(db: Db, ward: WardCreate): Promise<WardRow> {
  const [row] = await db.insert(wards).values(ward).returning();
  if (row === undefined) throw new Error('insert into wards returned no row');
  return row;
}

export async function updateWard(db: Db, id: string, changes: WardUpdate): Promise<WardRow | undefined> {
  const [row] = await db
    .update(wards)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(wards.id, id))
    .returning();
  return row;
}
