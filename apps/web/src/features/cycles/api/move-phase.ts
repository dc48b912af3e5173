import { Cycle, type Phase } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** Move the cycle on to `to`; the server refuses anything but a forward move, with a message to show. */
export function movePhase({ id, to }: { id: string; to: Phase }): Promise<Cycle> {
  return apiRequest(`/api/cycles/${encodeURIComponent(id)}/phase`, { method: 'POST', body: { to }, schema: Cycle });
}

export function useMovePhase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: movePhase,
    // Moving a phase changes proposal statuses too (shortlisting), so everything cached about the cycle is stale.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
