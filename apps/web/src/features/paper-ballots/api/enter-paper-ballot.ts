import { PaperBallotResponse, type PotSelection } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { paperBallotKeys } from './keys';

export interface PaperBallotRequest {
  cycleId: string;
  userId: string;
  selections: PotSelection[];
}

/** The server refuses a second ballot for the resident (409), so a repeated click cannot count twice. */
export function enterPaperBallot({ cycleId, userId, selections }: PaperBallotRequest): Promise<PaperBallotResponse> {
  return apiRequest(`/api/cycles/${encodeURIComponent(cycleId)}/paper-ballots`, {
    method: 'POST',
    body: { userId, selections },
    schema: PaperBallotResponse,
  });
}

export function useEnterPaperBallot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enterPaperBallot,
    onSettled: () => queryClient.invalidateQueries({ queryKey: paperBallotKeys.all }),
  });
}
