import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setSession } from '../../../lib/api-client';
import { authKeys } from './keys';

/** Ends the session on the server (revoking the refresh token), then forgets it here. */
export async function signOut(): Promise<void> {
  try {
    await apiRequest('/api/auth/logout', { method: 'POST' });
  } finally {
    // Even if the server could not be reached, this browser must not stay signed in.
    setSession(null);
  }
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      // Drop everything fetched with the old account's rights (admin lists, for example).
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
      queryClient.setQueryData(authKeys.me(), null);
    },
  });
}
