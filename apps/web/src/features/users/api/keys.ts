/** Query keys of the users feature (admin only); role changes invalidate usersKeys.all. */
export const usersKeys = {
  all: ['users'] as const,
  search: (q: string, offset: number) => [...usersKeys.all, 'search', { q, offset }] as const,
};
