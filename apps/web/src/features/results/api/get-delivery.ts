import { CycleDelivery } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { resultsKeys } from './keys';

export function getCycleDelivery(cycleId: string, signal?: AbortSignal): Promise<CycleDelivery> {
  return apiRequest(`/api/cycles/${encodeURIComponent(cycleId)}/implementation`, { schema: CycleDelivery, signal });
}

/** Delivery progress of every funded project; only asked for once the results are published. */
export function useCycleDelivery(cycleId: string, enabled: boolean) {
  return useQuery({
    queryKey: resultsKeys.delivery(cycleId),
    queryFn: ({ signal }) => getCycleDelivery(cycleId, signal),
    enabled: enabled && cycleId !== '',
  });
}
