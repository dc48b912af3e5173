import { asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Phase } from '@allot/shared';
import type { Db } from '../../db/client';
import { cycles, deliberationRounds, pots, proposals } from '../../db/schema';

export type CycleRow = typeof cycles.$inferSelect;
export type NewCycleRow = typeof cycles.$inferInsert;
export type PotRow = typeof pots.$inferSelect;
export type RoundRow = typeof deliberationRounds.$inferSelect;

export function listCycles(db: Db, includeDrafts: boolean): Promise<CycleRow[]> {
  return db
    .select()
    .from(cycles)
    .where(includeDrafts ? undefined : ne(cycles.phase, 'draft'))
    .orderBy(desc(cycles.createdAt), asc(cycles.id));
}

export async function findCycleById(db: Db, id: string): Promise<CycleRow | undefined> {
  const [row] = await db.select().from(cycles).where(eq(cycles.id, id));
  return row;
}

/**
 * Reads the cycle and locks it: `update` for a phase move or settings change, `share` for any
 * action gated on the phase, so a phase move waits for (and is never interleaved with) them.
 */
export async function lockCycle(db: Db, id: string, strength: 'update' | 'share'): Promise<CycleRow | undefined> {
  const [row] = await db.select().from(cycles).where(eq(cycles.id, id)).for(strength);
  return row;
}

export async function insertCycle(db: Db, values: NewCycleRow): Promise<CycleRow> {
  const [row] = await db.insert(cycles).values(values).returning();
  if (row === undefined) throw new Error('insert into cycles returned no row');
  return row;
}

export async function updateCycle(db: Db, id: string, changes: Partial<NewCycleRow>): Promise<CycleRow> {
  const [row] = await db
    .update(cycles)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(cycles.id, id))
    .returning();
  if (row === undefined) throw new Error('update of cycles returned no row');
  return row;
}

export async function setPhase(db: Db, id: string, phase: Phase): Promise<CycleRow> {
  return updateCycle(db, id, { phase, phaseChangedAt: new Date() });
}

export function listPots(db: Db, cycleId: string): Promise<PotRow[]> {
  return db
    .select()
    .from(pots)
    .where(eq(pots.cycleId, cycleId))
    .orderBy(sql`${pots.wardId} is null`, asc(pots.name));
}

export async function findPotById(db: Db, id: string): Promise<PotRow | undefined> {
  const [row] = await db.select().from(pots).where(eq(pots.id, id));
  return row;
}

export async function insertPots(db: Db, rows: (typeof pots.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(pots).values(rows);
}

export async function updatePot(db: Db, id: string, changes: { name: string; budget: number }): Promise<void> {
  await db.update(pots).set(changes).where(eq(pots.id, id));
}

export async function countProposalsInPot(db: Db, potId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(proposals).where(eq(proposals.potId, potId));
  return row?.n ?? 0;
}

export async function deletePot(db: Db, id: string): Promise<void> {
  await db.delete(pots).where(eq(pots.id, id));
}

export function listRounds(db: Db, cycleId: string): Promise<RoundRow[]> {
  return db
    .select()
    .from(deliberationRounds)
    .where(eq(deliberationRounds.cycleId, cycleId))
    .orderBy(asc(deliberationRounds.position));
}

export async function replaceRounds(db: Db, cycleId: string, rows: Omit<typeof deliberationRounds.$inferInsert, 'cycleId'>[]): Promise<void> {
  await db.delete(deliberationRounds).where(eq(deliberationRounds.cycleId, cycleId));
  if (rows.length > 0) await db.insert(deliberationRounds).values(rows.map((row) => ({ ...row, cycleId })));
}
