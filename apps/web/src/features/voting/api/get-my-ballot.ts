import { MyBallot } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { votingKeys } from './keys';

/** My ballot in a cycle: the pots I may vote in, the rules, whether I may vote and what I cast. */
export function getMyBallot(cycleId: string, signal?: AbortSignal): Promise<MyBallot> {
  return apiRequest(`/api/cycles/${encodeURIComponent(cycleId)}/ballot`, { schema: MyBallot, signal });
}

export function useMyBallot(cycleId: string, enabled = true) {
  return useQuery({
    queryKey: votingKeys.ballot(cycleId),
    queryFn: ({ signal }) => getMyBallot(cycleId, signal),
    enabled: enabled && cycleId !== '',
    // A 409 (the ballot is not published yet) or 404 will not change by asking again.
    retry: false,
  });
}
