import { Me } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { ApiError, apiRequest, getAccessToken, refreshSession } from '../../../lib/api-client';
import { authKeys } from './keys';

/**
 * Who is signed in, or null. With no access token in memory (a fresh page load) it tries the
 * refresh cookie first, which is how a session survives a reload.
 */
export async function getCurrentUser(): Promise<Me | null> {
  if (!getAccessToken()) {
    const session = await refreshSession();
    return session?.user ?? null;
  }
  try {
    return await apiRequest('/api/me', { schema: Me });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useCurrentUser() {
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: getCurrentUser,
    staleTime: Infinity,
    retry: false,
  });
}
