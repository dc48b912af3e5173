import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { FeasibilityReviewInput, ProposalStatus } from '@allot/shared';
import type { Db } from '../../db/client';
import { feasibilityReviews, pots, proposals, proposalSupports, users } from '../../db/schema';

export type ReviewRow = typeof feasibilityReviews.$inferSelect;

/** Statuses that belong in the review queue: shortlisted, or already given a verdict. */
export const REVIEWABLE: ProposalStatus[] = ['shortlisted', 'feasible', 'feasible_with_changes', 'not_feasible'];

export interface QueueFilter {
  potId?: string | undefined;
  status?: ProposalStatus | undefined;
  reviewed?: boolean | undefined;
  limit: number;
  offset: number;
}

/** Queue entries (proposal, ward, support count, review and reviewer) matching `where`. */
function selectQueueItems(db: Db, where: SQL | undefined) {
  return db
    .select({
      proposal: proposals,
      wardId: pots.wardId,
      supportCount: sql<number>`(select count(*)::int from ${proposalSupports} where ${proposalSupports.proposalId} = ${proposals.id})`,
      review: feasibilityReviews,
      reviewerName: users.displayName,
    })
    .from(proposals)
    .innerJoin(pots, eq(pots.id, proposals.potId))
    .leftJoin(feasibilityReviews, eq(feasibilityReviews.proposalId, proposals.id))
    .leftJoin(users, eq(users.id, feasibilityReviews.reviewerId))
    .where(where)
    .$dynamic();
}

export type QueueRow = Awaited<ReturnType<typeof selectQueueItems>>[number];

/** The staff queue, with the full review (internal notes included): staff routes only. */
export async function listQueue(db: Db, cycleId: string, filter: QueueFilter) {
  const conditions: SQL[] = [eq(proposals.cycleId, cycleId), inArray(proposals.status, REVIEWABLE)];
  if (filter.potId !== undefined) conditions.push(eq(proposals.potId, filter.potId));
  if (filter.status !== undefined) conditions.push(eq(proposals.status, filter.status));
  if (filter.reviewed === true) conditions.push(isNotNull(feasibilityReviews.proposalId));
  if (filter.reviewed === false) conditions.push(isNull(feasibilityReviews.proposalId));
  const where = and(...conditions);
  const rows = await selectQueueItems(db, where)
    .orderBy(sql`${feasibilityReviews.proposalId} is not null`, asc(pots.name), asc(proposals.title), asc(proposals.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(proposals)
    .leftJoin(feasibilityReviews, eq(feasibilityReviews.proposalId, proposals.id))
    .where(where);
  const [unreviewed] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(proposals)
    .leftJoin(feasibilityReviews, eq(feasibilityReviews.proposalId, proposals.id))
    .where(and(eq(proposals.cycleId, cycleId), eq(proposals.status, 'shortlisted'), isNull(feasibilityReviews.proposalId)));
  return { rows, total: total?.n ?? 0, unreviewed: unreviewed?.n ?? 0 };
}

/** One proposal's queue entry, or undefined when it is not in the queue (unknown or not reviewable). */
export async function findQueueItem(db: Db, proposalId: string): Promise<QueueRow | undefined> {
  const [row] = await selectQueueItems(db, and(eq(proposals.id, proposalId), inArray(proposals.status, REVIEWABLE)));
  return row;
}

export async function findReview(db: Db, proposalId: string) {
  const [row] = await db
    .select({ review: feasibilityReviews, reviewerName: users.displayName })
    .from(feasibilityReviews)
    .leftJoin(users, eq(users.id, feasibilityReviews.reviewerId))
    .where(eq(feasibilityReviews.proposalId, proposalId));
  return row;
}

/** Records (or replaces) the verdict on a proposal. */
export async function upsertReview(db: Db, proposalId: string, reviewerId: string | null, input: FeasibilityReviewInput): Promise<void> {
  const values = {
    verdict: input.verdict,
    costEstimate: input.costEstimate,
    breakdown: input.breakdown,
    publicExplanation: input.publicExplanation === undefined || input.publicExplanation === '' ? null : input.publicExplanation,
    internalNotes: input.internalNotes === undefined || input.internalNotes === '' ? null : input.internalNotes,
    reviewerId,
    reviewedAt: new Date(),
  };
  await db
    .insert(feasibilityReviews)
    .values({ proposalId, ...values })
    .onConflictDoUpdate({ target: feasibilityReviews.proposalId, set: values });
}

/** Feasible proposals of a cycle at the staff cost: the projects on the ballot. */
export function listBallotProjects(db: Db, cycleId: string) {
  return db
    .select({ id: proposals.id, potId: proposals.potId, title: proposals.title, cost: feasibilityReviews.costEstimate })
    .from(proposals)
    .innerJoin(feasibilityReviews, eq(feasibilityReviews.proposalId, proposals.id))
    .where(and(eq(proposals.cycleId, cycleId), inArray(proposals.status, ['feasible', 'feasible_with_changes'])))
    .orderBy(asc(proposals.potId), asc(proposals.title), asc(proposals.id));
}
