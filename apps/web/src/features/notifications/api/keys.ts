/** Query keys of the notifications feature; marking one read invalidates notificationKeys.all. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: (offset: number) => [...notificationKeys.all, 'list', offset] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
};
