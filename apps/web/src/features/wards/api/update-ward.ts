import { Ward, type WardUpdate } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { wardKeys } from './keys';

export function updateWard({ id, changes }: { id: string; changes: WardUpdate }): Promise<Ward> {
  return apiRequest(`/api/wards/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes, schema: Ward });
}

export function useUpdateWard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateWard,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wardKeys.all }),
  });
}
