import { ReviewQueue, type ReviewQueueQuery } from '@allot/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { reviewKeys } from './keys';

export const REVIEWS_PAGE_SIZE = 50;

export type ReviewFilters = Pick<Partial<ReviewQueueQuery>, 'potId' | 'status' | 'reviewed'>;

export function getReviewQueue(cycleId: string, filters: ReviewFilters, offset: number, signal?: AbortSignal, limit = REVIEWS_PAGE_SIZE): Promise<ReviewQueue> {
  return apiRequest(`/api/cycles/${encodeURIComponent(cycleId)}/reviews`, {
    query: {
      potId: filters.potId,
      status: filters.status,
      reviewed: filters.reviewed,
      limit: String(limit),
      offset: offset > 0 ? String(offset) : undefined,
    },
    schema: ReviewQueue,
    signal,
  });
}

export function useReviewQueue(cycleId: string, filters: ReviewFilters, offset: number) {
  return useQuery({
    queryKey: reviewKeys.queue(cycleId, { ...filters, offset }),
    queryFn: ({ signal }) => getReviewQueue(cycleId, filters, offset, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * One proposal's queue entry (with its current review, internal notes included). The API has no
 * "one review" endpoint, so this reads the cycle's whole queue (at most 200) and picks it out.
 */
export function useReviewItem(cycleId: string | undefined, proposalId: string) {
  return useQuery({
    queryKey: reviewKeys.queue(cycleId ?? '', { limit: 200 }),
    queryFn: ({ signal }) => getReviewQueue(cycleId ?? '', {}, 0, signal, 200),
    enabled: cycleId !== undefined,
    select: (queue) => queue.items.find((item) => item.proposalId === proposalId) ?? null,
  });
}
