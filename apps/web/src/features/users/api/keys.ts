/** Query keys of the users feature (admin only); role changes invalidate usersKeys.all. */
export const usersKeys = {
  all: ['users'] as const,
  search: (q: string) => [...usersKeys.all, 'search', q] as const,
};
