import { CycleResults } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { resultsKeys } from './keys';

/** Publish the stored count: it becomes public, frozen, and the cycle moves on to the results phase. */
export function publishResults(cycleId: string): Promise<CycleResults> {
  return apiRequest(`/api/cycles/${encodeURIComponent(cycleId)}/publish`, { method: 'POST', schema: CycleResults });
}

export function usePublishResults() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishResults,
    onSuccess: async (results, cycleId) => {
      queryClient.setQueryData(resultsKeys.cycle(cycleId), results);
      // The cycle's phase has moved on too: everything else cached about it (delivery included) is stale.
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== resultsKeys.all[0] });
    },
    // A refusal usually means the page is out of date (another admin published): catch up.
    onError: () => queryClient.invalidateQueries(),
  });
}
