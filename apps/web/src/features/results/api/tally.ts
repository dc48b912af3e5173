import { CycleResults } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { resultsKeys } from './keys';

/** Count every pot of the cycle (admin, counting phase only); a new count replaces the stored one. */
export function tallyCycle(cycleId: string): Promise<CycleResults> {
  return apiRequest(`/api/cycles/${encodeURIComponent(cycleId)}/tally`, { method: 'POST', schema: CycleResults });
}

export function useTally() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: tallyCycle,
    onSuccess: (results, cycleId) => queryClient.setQueryData(resultsKeys.cycle(cycleId), results),
    // A refusal usually means the page is out of date (published meanwhile, phase moved): catch up.
    onError: () => queryClient.invalidateQueries(),
  });
}
