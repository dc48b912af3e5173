import { BallotProjectList, type BallotProject } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { paperBallotKeys } from './keys';

export async function getBallotProjects(cycleId: string, signal?: AbortSignal): Promise<BallotProject[]> {
  const { projects } = await apiRequest(`/api/cycles/${encodeURIComponent(cycleId)}/ballot-projects`, { schema: BallotProjectList, signal });
  return projects;
}

/** Every project on the cycle's ballot, in every pot: staff pick the resident's pots from these. */
export function useBallotProjects(cycleId: string) {
  return useQuery({
    queryKey: paperBallotKeys.ballotProjects(cycleId),
    queryFn: ({ signal }) => getBallotProjects(cycleId, signal),
    enabled: cycleId !== '',
  });
}
