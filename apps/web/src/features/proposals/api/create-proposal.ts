import { Proposal, type ProposalCreate } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { proposalKeys } from './keys';

export function createProposal({ cycleId, proposal }: { cycleId: string; proposal: ProposalCreate }): Promise<Proposal> {
  return apiRequest(`/api/cycles/${encodeURIComponent(cycleId)}/proposals`, { method: 'POST', body: proposal, schema: Proposal });
}

export function useCreateProposal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProposal,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: proposalKeys.all }),
  });
}
