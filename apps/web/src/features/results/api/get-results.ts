import { CycleResults } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { resultsKeys } from './keys';

export function getResults(cycleId: string, signal?: AbortSignal): Promise<CycleResults> {
  return apiRequest(`/api/cycles/${encodeURIComponent(cycleId)}/results`, { schema: CycleResults, signal });
}

/**
 * The cycle's stored count. Published results are public; before that only admins and councillors
 * get them, and everyone else (like anyone before the first count) gets a 404.
 */
export function useResults(cycleId: string) {
  return useQuery({
    queryKey: resultsKeys.cycle(cycleId),
    queryFn: ({ signal }) => getResults(cycleId, signal),
    enabled: cycleId !== '',
  });
}

/** True when the answer means "there is no count you may see yet", not a failure. */
export function isNotAvailable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 403);
}
