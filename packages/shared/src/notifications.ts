import { z } from 'zod';

export const NotificationKind = z.enum(['feasibility.verdict', 'proposal.merged', 'comment.hidden']);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** An in-app message to one account, written in plain language when the event happens. */
export const Notification = z.object({
  id: z.string().uuid(),
  kind: NotificationKind,
  title: z.string(),
  body: z.string(),
  proposalId: z.string().uuid().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.strictObject({
  unreadOnly: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationList = z.object({
  notifications: z.array(Notification),
  total: z.number().int().nonnegative(),
  unread: z.number().int().nonnegative(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationIdParams = z.strictObject({ id: z.string().uuid() });
export type NotificationIdParams = z.infer<typeof NotificationIdParams>;
