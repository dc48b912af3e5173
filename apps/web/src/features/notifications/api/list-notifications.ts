import { NotificationList } from '@allot/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { notificationKeys } from './keys';

export const NOTIFICATIONS_PAGE_SIZE = 20;

export function listNotifications(offset: number, signal?: AbortSignal, limit = NOTIFICATIONS_PAGE_SIZE, unreadOnly = false): Promise<NotificationList> {
  return apiRequest('/api/notifications', {
    query: { limit: String(limit), offset: offset > 0 ? String(offset) : undefined, unreadOnly: unreadOnly ? 'true' : undefined },
    schema: NotificationList,
    signal,
  });
}

export function useNotifications(offset: number) {
  return useQuery({
    queryKey: notificationKeys.list(offset),
    queryFn: ({ signal }) => listNotifications(offset, signal),
    placeholderData: keepPreviousData,
  });
}

/** How many unread notifications the signed-in person has; checked every minute while the page is open. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: async ({ signal }) => (await listNotifications(0, signal, 1, true)).unread,
    enabled,
    refetchInterval: 60_000,
  });
}
