import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onSessionChange } from '../../../lib/api-client';
import { authKeys } from './keys';

/**
 * Keeps the cached account in step with the API client's session: sign in, sign out and a silent
 * refresh all go through the client, so the navigation updates whichever way the session changed.
 */
export function useSessionSync(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onSessionChange((session) => {
        queryClient.setQueryData(authKeys.me(), session?.user ?? null);
      }),
    [queryClient],
  );
}
