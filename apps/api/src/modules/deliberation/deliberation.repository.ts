import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { commentFlags, comments, deliberationRounds, proposalAuthors, proposalSupports, users } from '../../db/schema';

export type CommentRow = typeof comments.$inferSelect;

/** Comments with their author's name, how often they were flagged and whether the viewer flagged them. */
function selectCommentRecords(db: Db, viewerId: string | null) {
  return db
    .select({
      comment: comments,
      authorName: users.displayName,
      flagCount: sql<number>`(select count(*)::int from ${commentFlags} where ${commentFlags.commentId} = ${comments.id})`,
      flaggedByMe:
        viewerId === null
          ? sql<boolean>`false`
          : sql<boolean>`exists (select 1 from ${commentFlags} where ${commentFlags.commentId} = ${comments.id} and ${commentFlags.userId} = ${viewerId})`,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId));
}

export async function listComments(db: Db, proposalId: string, viewerId: string | null) {
  return selectCommentRecords(db, viewerId)
    .where(eq(comments.proposalId, proposalId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}

export type CommentRecord = Awaited<ReturnType<typeof listComments>>[number];

export async function findCommentRecord(db: Db, id: string, viewerId: string | null): Promise<CommentRecord | undefined> {
  const [row] = await selectCommentRecords(db, viewerId).where(eq(comments.id, id));
  return row;
}

export async function findComment(db: Db, id: string): Promise<CommentRow | undefined> {
  const [row] = await db.select().from(comments).where(eq(comments.id, id));
  return row;
}

export async function insertComment(
  db: Db,
  values: { proposalId: string; authorId: string; parentId: string | null; body: string },
): Promise<CommentRow> {
  const [row] = await db.insert(comments).values(values).returning();
  if (row === undefined) throw new Error('insert into comments returned no row');
  return row;
}

export async function hideComment(db: Db, id: string, hiddenBy: string, reason: string): Promise<void> {
  await db.update(comments).set({ hiddenAt: new Date(), hiddenBy, hiddenReason: reason }).where(eq(comments.id, id));
}

/** True when this flag is new; the primary key makes a second flag by the same resident a no-op. */
export async function insertFlag(db: Db, commentId: string, userId: string): Promise<boolean> {
  const rows = await db.insert(commentFlags).values({ commentId, userId }).onConflictDoNothing().returning({ userId: commentFlags.userId });
  return rows.length > 0;
}

export async function addSupport(db: Db, proposalId: string, userId: string): Promise<void> {
  await db.insert(proposalSupports).values({ proposalId, userId }).onConflictDoNothing();
}

export async function removeSupport(db: Db, proposalId: string, userId: string): Promise<void> {
  await db.delete(proposalSupports).where(and(eq(proposalSupports.proposalId, proposalId), eq(proposalSupports.userId, userId)));
}

export async function supportState(db: Db, proposalId: string, userId: string): Promise<{ supportCount: number; supported: boolean }> {
  const [row] = await db
    .select({
      supportCount: sql<number>`count(*)::int`,
      supported: sql<boolean>`coalesce(bool_or(${proposalSupports.userId} = ${userId}), false)`,
    })
    .from(proposalSupports)
    .where(eq(proposalSupports.proposalId, proposalId));
  return { supportCount: row?.supportCount ?? 0, supported: row?.supported ?? false };
}

/**
 * Moves everything of `sourceId` onto `targetId`: authors are credited on the target, supports
 * carried over (a resident supporting both counts once) and comments moved. Returns the numbers.
 */
export async function mergeInto(db: Db, sourceId: string, targetId: string) {
  const credited = await db.execute(sql`
    insert into ${proposalAuthors} (proposal_id, user_id)
    select ${targetId}, user_id from ${proposalAuthors} where proposal_id = ${sourceId}
    on conflict do nothing returning user_id`);
  const carried = await db.execute(sql`
    insert into ${proposalSupports} (proposal_id, user_id, created_at)
    select ${targetId}, user_id, created_at from ${proposalSupports} where proposal_id = ${sourceId}
    on conflict do nothing returning user_id`);
  await db.delete(proposalSupports).where(eq(proposalSupports.proposalId, sourceId));
  const moved = await db.update(comments).set({ proposalId: targetId }).where(eq(comments.proposalId, sourceId)).returning({ id: comments.id });
  return { authorsCredited: rowCount(credited), supportsCarried: rowCount(carried), commentsMoved: moved.length };
}

function rowCount(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  const rows = (result as { rows?: unknown[] }).rows;
  return rows?.length ?? 0;
}

export async function findRound(db: Db, cycleId: string, roundId: string) {
  const [row] = await db
    .select()
    .from(deliberationRounds)
    .where(and(eq(deliberationRounds.id, roundId), eq(deliberationRounds.cycleId, cycleId)))
    .for('update');
  return row;
}
