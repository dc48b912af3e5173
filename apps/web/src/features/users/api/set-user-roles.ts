import { UserSummary, type SetRolesRequest } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { usersKeys } from './keys';

export function setUserRoles({ userId, request }: { userId: string; request: SetRolesRequest }): Promise<UserSummary> {
  return apiRequest(`/api/users/${encodeURIComponent(userId)}/roles`, {
    method: 'PUT',
    body: request,
    schema: UserSummary,
  });
}

export function useSetUserRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setUserRoles,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKeys.all }),
  });
}
