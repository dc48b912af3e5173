import { UserList } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { usersKeys } from './keys';

export function searchUsers(q: string, signal?: AbortSignal): Promise<UserList> {
  return apiRequest('/api/users', { query: { q: q.trim() }, schema: UserList, signal });
}

export function useUserSearch(q: string) {
  return useQuery({
    queryKey: usersKeys.search(q.trim()),
    queryFn: ({ signal }) => searchUsers(q, signal),
  });
}
