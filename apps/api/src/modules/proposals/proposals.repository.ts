import { and, asc, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ProposalAuthor, ProposalListQuery, ProposalStatus } from '@allot/shared';
import type { Db } from '../../db/client';
import { comments, feasibilityReviews, pots, proposalAuthors, proposals, proposalSupports, users } from '../../db/schema';

export type ProposalRow = typeof proposals.$inferSelect;
export type NewProposalRow = typeof proposals.$inferInsert;

const supportCount = sql<number>`(select count(*)::int from ${proposalSupports} where ${proposalSupports.proposalId} = ${proposals.id})`;
const commentCount = sql<number>`(select count(*)::int from ${comments} where ${comments.proposalId} = ${proposals.id})`;
const authorsOf = sql<ProposalAuthor[]>`coalesce((select json_agg(json_build_object('id', u.id, 'displayName', u.display_name) order by pa.added_at, u.id) from ${proposalAuthors} pa join ${users} u on u.id = pa.user_id where pa.proposal_id = ${proposals.id}), '[]'::json)`;

function viewerFlags(viewerId: string | null) {
  if (viewerId === null) return { supportedByMe: sql<boolean>`false`, isAuthor: sql<boolean>`false` };
  return {
    supportedByMe: sql<boolean>`exists (select 1 from ${proposalSupports} where ${proposalSupports.proposalId} = ${proposals.id} and ${proposalSupports.userId} = ${viewerId})`,
    isAuthor: sql<boolean>`exists (select 1 from ${proposalAuthors} where ${proposalAuthors.proposalId} = ${proposals.id} and ${proposalAuthors.userId} = ${viewerId})`,
  };
}

/**
 * The columns of a proposal as anyone may see it. Only the public columns of the feasibility
 * review are selected here: internal notes are never read on this path.
 */
function publicColumns(viewerId: string | null) {
  return {
    proposal: proposals,
    wardId: pots.wardId,
    authors: authorsOf,
    supportCount,
    commentCount,
    ...viewerFlags(viewerId),
    reviewVerdict: feasibilityReviews.verdict,
    reviewCost: feasibilityReviews.costEstimate,
    reviewBreakdown: feasibilityReviews.breakdown,
    reviewExplanation: feasibilityReviews.publicExplanation,
    reviewedAt: feasibilityReviews.reviewedAt,
  };
}

export type PublicProposalRecord = NonNullable<Awaited<ReturnType<typeof findPublicProposal>>>;

export async function findPublicProposal(db: Db, id: string, viewerId: string | null) {
  const [row] = await db
    .select(publicColumns(viewerId))
    .from(proposals)
    .innerJoin(pots, eq(pots.id, proposals.potId))
    .leftJoin(feasibilityReviews, eq(feasibilityReviews.proposalId, proposals.id))
    .where(eq(proposals.id, id));
  return row;
}

export async function listPublicProposals(db: Db, cycleId: string, query: ProposalListQuery, viewerId: string | null) {
  const conditions: SQL[] = [eq(proposals.cycleId, cycleId)];
  if (query.wardId !== undefined) conditions.push(eq(pots.wardId, query.wardId));
  if (query.potId !== undefined) conditions.push(eq(proposals.potId, query.potId));
  if (query.category !== undefined) conditions.push(eq(proposals.category, query.category));
  conditions.push(query.status !== undefined ? eq(proposals.status, query.status) : ne(proposals.status, 'withdrawn'));
  if (query.q !== undefined && query.q !== '') {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(proposals.title, pattern), ilike(proposals.description, pattern));
    if (match !== undefined) conditions.push(match);
  }
  const where = and(...conditions);
  const order =
    query.sort === 'supports'
      ? [desc(supportCount), desc(proposals.createdAt), asc(proposals.id)]
      : query.sort === 'title'
        ? [asc(proposals.title), asc(proposals.id)]
        : [desc(proposals.createdAt), asc(proposals.id)];
  const rows = await db
    .select(publicColumns(viewerId))
    .from(proposals)
    .innerJoin(pots, eq(pots.id, proposals.potId))
    .leftJoin(feasibilityReviews, eq(feasibilityReviews.proposalId, proposals.id))
    .where(where)
    .orderBy(...order)
    .limit(query.limit)
    .offset(query.offset);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(proposals)
    .innerJoin(pots, eq(pots.id, proposals.potId))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findProposalById(db: Db, id: string): Promise<ProposalRow | undefined> {
  const [row] = await db.select().from(proposals).where(eq(proposals.id, id));
  return row;
}

/** Reads and locks proposals (in id order, so two merges never deadlock). */
export async function lockProposals(db: Db, ids: string[]): Promise<ProposalRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(proposals).where(inArray(proposals.id, ids)).orderBy(asc(proposals.id)).for('update');
}

export async function insertProposal(db: Db, values: NewProposalRow, authorId: string): Promise<ProposalRow> {
  const [row] = await db.insert(proposals).values(values).returning();
  if (row === undefined) throw new Error('insert into proposals returned no row');
  await db.insert(proposalAuthors).values({ proposalId: row.id, userId: authorId });
  return row;
}

export async function updateProposal(db: Db, id: string, changes: Partial<NewProposalRow>): Promise<void> {
  await db
    .update(proposals)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(proposals.id, id));
}

export async function setStatus(db: Db, ids: string[], status: ProposalStatus): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(proposals)
    .set({ status, updatedAt: sql`now()` })
    .where(inArray(proposals.id, ids));
}

export async function isAuthor(db: Db, proposalId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: proposalAuthors.userId })
    .from(proposalAuthors)
    .where(and(eq(proposalAuthors.proposalId, proposalId), eq(proposalAuthors.userId, userId)));
  return rows.length > 0;
}

export async function authorIds(db: Db, proposalId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: proposalAuthors.userId })
    .from(proposalAuthors)
    .where(eq(proposalAuthors.proposalId, proposalId));
  return rows.map((row) => row.userId);
}

/** Proposals of a cycle in some statuses, with their support counts (for shortlisting). */
export async function supportCountsByStatus(db: Db, cycleId: string, statuses: ProposalStatus[]) {
  return db
    .select({ id: proposals.id, potId: proposals.potId, supports: supportCount })
    .from(proposals)
    .where(and(eq(proposals.cycleId, cycleId), inArray(proposals.status, statuses)))
    .orderBy(asc(proposals.id));
}
