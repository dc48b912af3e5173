import { CycleStats } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { statsKeys } from './keys';

export function getCycleStats(cycleId: string, signal?: AbortSignal): Promise<CycleStats> {
  return apiRequest(`/api/cycles/${encodeURIComponent(cycleId)}/stats`, { schema: CycleStats, signal });
}

/** The ward figures of a cycle as `viewer` (the signed-in account's id) may see them. */
export function useCycleStats(cycleId: string, viewer: string) {
  return useQuery({
    queryKey: statsKeys.cycle(cycleId, viewer),
    queryFn: ({ signal }) => getCycleStats(cycleId, signal),
  });
}
