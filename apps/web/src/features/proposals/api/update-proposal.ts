import { Proposal, type ProposalUpdate } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { proposalKeys } from './keys';

export function updateProposal({ id, changes }: { id: string; changes: ProposalUpdate }): Promise<Proposal> {
  return apiRequest(`/api/proposals/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes, schema: Proposal });
}

export function useUpdateProposal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProposal,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: proposalKeys.all }),
  });
}
