import { FeasibilityReview, type FeasibilityReviewInput } from '@allot/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { reviewKeys } from './keys';

export function recordVerdict({ proposalId, review }: { proposalId: string; review: FeasibilityReviewInput }): Promise<FeasibilityReview> {
  return apiRequest(`/api/proposals/${encodeURIComponent(proposalId)}/feasibility`, { method: 'PUT', body: review, schema: FeasibilityReview });
}

/** The route refreshes the proposal itself (another feature's data) through onSaved. */
export function useRecordVerdict(onSaved?: () => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordVerdict,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: reviewKeys.all });
      await onSaved?.();
    },
  });
}
