import { Proposal } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { proposalKeys } from './keys';

export function getProposal(id: string, signal?: AbortSignal): Promise<Proposal> {
  return apiRequest(`/api/proposals/${encodeURIComponent(id)}`, { schema: Proposal, signal });
}

/**
 * One proposal as `viewer` sees it (parts depend on who asks: supportedByMe, isAuthor). Pass the
 * signed-in account's id, 'anonymous', or undefined while the session is still being restored: the
 * request then waits, so a reload never shows a signed-in author the signed-out view.
 */
export function useProposal(id: string, viewer: string | undefined) {
  return useQuery({
    queryKey: proposalKeys.detail(id, viewer ?? ''),
    queryFn: ({ signal }) => getProposal(id, signal),
    enabled: viewer !== undefined,
  });
}
