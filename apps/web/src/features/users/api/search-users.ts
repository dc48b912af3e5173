import { UserList } from '@allot/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { usersKeys } from './keys';

/** Accounts per page of search results. */
export const USERS_PAGE_SIZE = 25;

export function searchUsers(q: string, offset: number, signal?: AbortSignal): Promise<UserList> {
  return apiRequest('/api/users', {
    query: { q: q.trim(), limit: String(USERS_PAGE_SIZE), offset: offset > 0 ? String(offset) : undefined },
    schema: UserList,
    signal,
  });
}

export function useUserSearch(q: string, offset: number) {
  return useQuery({
    queryKey: usersKeys.search(q.trim(), offset),
    queryFn: ({ signal }) => searchUsers(q, offset, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}
