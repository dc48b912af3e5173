import { CastBallotResponse, type PotSelection } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { votingKeys } from './keys';

export interface CastBallotRequest {
  cycleId: string;
  selections: PotSelection[];
  /**
   * One key per attempt to cast this ballot: a retry after a lost answer sends the same key, and the
   * server answers it with the first receipt instead of casting twice.
   */
  idempotencyKey: string;
}

export function castBallot({ cycleId, selections, idempotencyKey }: CastBallotRequest): Promise<CastBallotResponse> {
  return apiRequest(`/api/cycles/${encodeURIComponent(cycleId)}/ballot`, {
    method: 'PUT',
    body: { selections },
    headers: { 'Idempotency-Key': idempotencyKey },
    schema: CastBallotResponse,
  });
}

/** A new idempotency key; crypto.randomUUID is in every browser the SPA supports. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export function useCastBallot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: castBallot,
    // Safe to retry only because the key makes the cast idempotent; only when the answer was lost.
    retry: (failures, error) => failures < 2 && error instanceof ApiError && error.status === 0,
    onSuccess: (_answer, request) => queryClient.invalidateQueries({ queryKey: votingKeys.ballot(request.cycleId) }),
  });
}
