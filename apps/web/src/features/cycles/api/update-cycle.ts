import { Cycle, type CycleUpdate } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { cycleKeys } from './keys';

export function updateCycle({ id, changes }: { id: string; changes: CycleUpdate }): Promise<Cycle> {
  return apiRequest(`/api/cycles/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes, schema: Cycle });
}

export function useUpdateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCycle,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cycleKeys.all }),
  });
}
