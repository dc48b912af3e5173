import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { NotificationKind } from '@allot/shared';
import type { Db } from '../../db/client';
import { notifications } from '../../db/schema';

export type NotificationRow = typeof notifications.$inferSelect;

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  proposalId: string | null;
}

/** Writes notifications in the caller's transaction, so they exist only if the action commits. */
export async function insertNotifications(db: Db, rows: NewNotification[]): Promise<void> {
  if (rows.length > 0) await db.insert(notifications).values(rows);
}

export async function listNotifications(db: Db, userId: string, unreadOnly: boolean, limit: number, offset: number) {
  const conditions: SQL[] = [eq(notifications.userId, userId)];
  if (unreadOnly) conditions.push(isNull(notifications.readAt));
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .offset(offset);
  const [counts] = await db
    .select({
      total: sql<number>`count(*) filter (where ${unreadOnly ? sql`${notifications.readAt} is null` : sql`true`})::int`,
      unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)::int`,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId));
  return { rows, total: counts?.total ?? 0, unread: counts?.unread ?? 0 };
}

/** Marks one of the user's notifications read (keeps the first read time). */
export async function markRead(db: Db, userId: string, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row;
}
