/** Query keys of the auth feature: the signed-in account lives under auth.me. */
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};
