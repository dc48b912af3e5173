import { Ward, type WardCreate } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { wardKeys } from './keys';

export function createWard(ward: WardCreate): Promise<Ward> {
  return apiRequest('/api/wards', { method: 'POST', body: ward, schema: Ward });
}

export function useCreateWard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWard,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: wardKeys.all }),
  });
}
