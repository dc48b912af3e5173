import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { ballots, cycleTallies, feasibilityReviews, potResults, proposals, wards } from '../../db/schema';

export type CycleTallyRow = typeof cycleTallies.$inferSelect;
export type PotResultRow = typeof potResults.$inferSelect;
export type NewPotResultRow = typeof potResults.$inferInsert;

/**
 * The projects on the ballot of every pot, as the ballots module lists them (`feasible` and
 * `feasible_with_changes` proposals at the staff cost estimate), with what the results show about
 * them: category and the proposers' community contribution. Ordered by id, the order projects
 * take in a counted instance and in the Pabulib export.
 */
export function listBallotProjects(db: Db, cycleId: string) {
  return db
    .select({
      id: proposals.id,
      potId: proposals.potId,
      title: proposals.title,
      category: proposals.category,
      contribution: proposals.contribution,
      cost: feasibilityReviews.costEstimate,
    })
    .from(proposals)
    .innerJoin(feasibilityReviews, eq(feasibilityReviews.proposalId, proposals.id))
    .where(and(eq(proposals.cycleId, cycleId), inArray(proposals.status, ['feasible', 'feasible_with_changes'])))
    .orderBy(asc(proposals.id));
}

/**
 * Every ballot's selections (or those of the ballots that chose in `potId`), as JSON text, and nothing else (no token, receipt or hash): the count
 * needs only what was chosen. Text, because parsing it ourselves is cheaper than the driver's
 * per-row jsonb handling, and the order of rows is irrelevant (the count sorts ballots).
 */
export async function listBallotSelections(db: Db, cycleId: string, potId?: string): Promise<string[]> {
  // With a pot: only ballots that chose in it (the filter runs in PostgreSQL, nothing else is shipped).
  const inPot = potId === undefined ? sql`` : sql` and ${ballots.selections} @> jsonb_build_array(jsonb_build_object('potId', ${potId}::text))`;
  const result = await db.execute<{ s: string }>(sql`select ${ballots.selections}::text as s from ${ballots} where ${ballots.cycleId} = ${cycleId}${inPot}`);
  return rowsOf<{ s: string }>(result).map((row) => row.s);
}

/** Distinct voters of the cycle: one ballot row per voter. */
export async function countBallots(db: Db, cycleId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(ballots).where(eq(ballots.cycleId, cycleId));
  return row?.n ?? 0;
}

export async function findTally(db: Db, cycleId: string): Promise<CycleTallyRow | undefined> {
  const [row] = await db.select().from(cycleTallies).where(eq(cycleTallies.cycleId, cycleId));
  return row;
}

export function listPotResults(db: Db, cycleId: string): Promise<PotResultRow[]> {
  return db.select().from(potResults).where(eq(potResults.cycleId, cycleId)).orderBy(asc(potResults.potId));
}

export async function findPotResult(db: Db, potId: string): Promise<PotResultRow | undefined> {
  const [row] = await db.select().from(potResults).where(eq(potResults.potId, potId));
  return row;
}

/**
 * Replaces the cycle's stored count: the tally row (new hash, time and counter) and every pot
 * result. The freeze trigger refuses all of it once the results are published.
 */
export async function replaceCount(db: Db, cycleId: string, resultHash: string, talliedBy: string | null, rows: NewPotResultRow[]): Promise<CycleTallyRow> {
  await db.delete(potResults).where(eq(potResults.cycleId, cycleId));
  const [tally] = await db
    .insert(cycleTallies)
    .values({ cycleId, resultHash, talliedBy })
    .onConflictDoUpdate({ target: cycleTallies.cycleId, set: { resultHash, talliedBy, talliedAt: sql`now()` } })
    .returning();
  if (tally === undefined) throw new Error('upsert into cycle_tallies returned no row');
  if (rows.length > 0) await db.insert(potResults).values(rows);
  return tally;
}

/** Publishes the stored count; undefined when there is none or it is already published. */
export async function markPublished(db: Db, cycleId: string, publishedBy: string | null): Promise<CycleTallyRow | undefined> {
  const [row] = await db
    .update(cycleTallies)
    .set({ publishedAt: sql`now()`, publishedBy })
    .where(and(eq(cycleTallies.cycleId, cycleId), isNull(cycleTallies.publishedAt)))
    .returning();
  return row;
}

export function listAllWards(db: Db) {
  return db
    .select({ id: wards.id, name: wards.name, code: wards.code, population: wards.population })
    .from(wards)
    .orderBy(asc(wards.name), asc(wards.id));
}
