import { ReviewQueueItem } from '@allot/shared';
import { useQuery } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { reviewKeys } from './keys';

/**
 * One proposal's review-queue entry, with its current review (internal notes included: staff and
 * admins only). `null` when the proposal is not in the queue (the API answers 404: not shortlisted,
 * or unknown); any other failure is thrown.
 */
export async function getReviewItem(proposalId: string, signal?: AbortSignal): Promise<ReviewQueueItem | null> {
  try {
    return await apiRequest(`/api/proposals/${encodeURIComponent(proposalId)}/review`, { schema: ReviewQueueItem, signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Refreshed with every query of the feature when a verdict is saved (reviewKeys.all). */
export function useReviewItem(proposalId: string) {
  return useQuery({
    queryKey: reviewKeys.item(proposalId),
    queryFn: ({ signal }) => getReviewItem(proposalId, signal),
    enabled: proposalId !== '',
  });
}
