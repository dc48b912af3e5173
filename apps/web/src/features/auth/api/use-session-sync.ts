import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onSessionChange } from '../../../lib/api-client';
import { authKeys } from './keys';
import { sessionIdentity } from './session-identity';

/**
 * Keeps the cached account in step with the API client's session: sign in, sign out and a silent
 * refresh all go through the client, so the navigation updates whichever way the session changed.
 * When the person (or what they may see) changes — another account signs in on this browser, or
 * a role changes — everything fetched under the old identity is reset, so no page shows the
 * previous person's data, even for a moment. A page starts signed out: its first requests go
 * without a token until the refresh cookie has been tried.
 */
export function useSessionSync(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let identity = sessionIdentity(null);
    return onSessionChange((session) => {
      queryClient.setQueryData(authKeys.me(), session?.user ?? null);
      const next = sessionIdentity(session?.user);
      if (next === identity) return;
      identity = next;
      void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
    });
  }, [queryClient]);
}
