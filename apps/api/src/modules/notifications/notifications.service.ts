import type { Notification, NotificationKind, NotificationList, NotificationListQuery } from '@allot/shared';
import type { Db } from '../../db/client';
import { NotFoundError } from '../../errors';
import * as repo from './notifications.repository';

export function toNotification(row: repo.NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    proposalId: row.proposalId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export async function listMyNotifications(db: Db, userId: string, query: NotificationListQuery): Promise<NotificationList> {
  const { rows, total, unread } = await repo.listNotifications(db, userId, query.unreadOnly === 'true', query.limit, query.offset);
  return { notifications: rows.map(toNotification), total, unread };
}

export async function markNotificationRead(db: Db, userId: string, id: string): Promise<Notification> {
  const row = await repo.markRead(db, userId, id);
  // Someone else's notification is answered exactly like a missing one.
  if (row === undefined) throw new NotFoundError('No notification with this id');
  return toNotification(row);
}
