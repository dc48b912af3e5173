import { SupportState } from '@allot/shared';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** Support (PUT) or take back support (DELETE); both are safe to repeat. */
export function setSupport({ proposalId, supported }: { proposalId: string; supported: boolean }): Promise<SupportState> {
  return apiRequest(`/api/proposals/${encodeURIComponent(proposalId)}/support`, {
    method: supported ? 'PUT' : 'DELETE',
    schema: SupportState,
  });
}

/** The page that owns the proposal decides what to refresh when the support changes. */
export function useSetSupport(onChanged: (state: SupportState) => void) {
  return useMutation({ mutationFn: setSupport, onSuccess: onChanged });
}
