import { Cycle, type CycleCreateInput } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { cycleKeys } from './keys';

export function createCycle(cycle: CycleCreateInput): Promise<Cycle> {
  return apiRequest('/api/cycles', { method: 'POST', body: cycle, schema: Cycle });
}

export function useCreateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCycle,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cycleKeys.all }),
  });
}
