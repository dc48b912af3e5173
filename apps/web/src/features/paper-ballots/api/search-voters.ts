import { VoterList, type VoterSummary } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { paperBallotKeys } from './keys';

export async function searchVoters(cycleId: string, q: string, signal?: AbortSignal): Promise<VoterSummary[]> {
  const { voters } = await apiRequest(`/api/cycles/${encodeURIComponent(cycleId)}/voters`, { schema: VoterList, query: { q }, signal });
  return voters;
}

/** Residents matching a name or email, with whether they voted in this cycle (never what). */
export function useVoterSearch(cycleId: string, q: string) {
  return useQuery({
    queryKey: paperBallotKeys.voters(cycleId, q),
    queryFn: ({ signal }) => searchVoters(cycleId, q, signal),
    enabled: cycleId !== '' && q.length >= 2,
    retry: false,
  });
}
