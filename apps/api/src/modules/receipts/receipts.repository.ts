import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { ballots } from '../../db/schema';

/** Receipts and content hashes of a cycle's ballots, in receipt order (never in casting order). */
export function listReceipts(db: Db, cycleId: string, after: string | undefined, limit: number) {
  return db
    .select({ receipt: ballots.receipt, contentHash: ballots.contentHash })
    .from(ballots)
    .where(after === undefined ? eq(ballots.cycleId, cycleId) : and(eq(ballots.cycleId, cycleId), gt(ballots.receipt, after)))
    .orderBy(asc(ballots.receipt))
    .limit(limit);
}

export async function countBallots(db: Db, cycleId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(ballots).where(eq(ballots.cycleId, cycleId));
  return row?.n ?? 0;
}

export async function findReceipt(db: Db, cycleId: string, receipt: string) {
  const [row] = await db
    .select({ receipt: ballots.receipt, contentHash: ballots.contentHash })
    .from(ballots)
    .where(and(eq(ballots.cycleId, cycleId), eq(ballots.receipt, receipt)));
  return row;
}
