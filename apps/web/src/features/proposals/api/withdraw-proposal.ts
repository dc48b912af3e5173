import { Proposal } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { proposalKeys } from './keys';

export function withdrawProposal(id: string): Promise<Proposal> {
  return apiRequest(`/api/proposals/${encodeURIComponent(id)}/withdraw`, { method: 'POST', schema: Proposal });
}

export function useWithdrawProposal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawProposal,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: proposalKeys.all }),
  });
}
