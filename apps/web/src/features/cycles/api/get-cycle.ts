import { Cycle } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { cycleKeys } from './keys';

export function getCycle(id: string, signal?: AbortSignal): Promise<Cycle> {
  return apiRequest(`/api/cycles/${encodeURIComponent(id)}`, { schema: Cycle, signal });
}

/** One cycle; waits (stays pending) while the id is not known yet, e.g. until its proposal has loaded. */
export function useCycle(id: string | undefined) {
  return useQuery({
    queryKey: cycleKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getCycle(id ?? '', signal),
    enabled: id !== undefined && id !== '',
  });
}
