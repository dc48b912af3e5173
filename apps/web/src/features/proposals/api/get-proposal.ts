import { Proposal } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { proposalKeys } from './keys';

export function getProposal(id: string, signal?: AbortSignal): Promise<Proposal> {
  return apiRequest(`/api/proposals/${encodeURIComponent(id)}`, { schema: Proposal, signal });
}

export function useProposal(id: string) {
  return useQuery({
    queryKey: proposalKeys.detail(id),
    queryFn: ({ signal }) => getProposal(id, signal),
    // Parts of the answer depend on who asks (supportedByMe, isAuthor) and the cache outlives a change of account.
    staleTime: 0,
  });
}
