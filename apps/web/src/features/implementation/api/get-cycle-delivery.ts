import { CycleDelivery } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { implementationKeys } from './keys';

export function getCycleDelivery(cycleId: string, signal?: AbortSignal): Promise<CycleDelivery> {
  return apiRequest(`/api/cycles/${encodeURIComponent(cycleId)}/implementation`, { schema: CycleDelivery, signal });
}

/**
 * Delivery progress of every funded project of a cycle; only asked for once the results are
 * published. Kept under implementationKeys, so a change staff save refreshes it as well.
 */
export function useCycleDelivery(cycleId: string, enabled: boolean) {
  return useQuery({
    queryKey: implementationKeys.cycle(cycleId),
    queryFn: ({ signal }) => getCycleDelivery(cycleId, signal),
    enabled: enabled && cycleId !== '',
  });
}
