import { ReviewQueue, type ReviewQueueQuery } from '@allot/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { reviewKeys } from './keys';

export const REVIEWS_PAGE_SIZE = 50;

export type ReviewFilters = Pick<Partial<ReviewQueueQuery>, 'potId' | 'status' | 'reviewed'>;

export function getReviewQueue(cycleId: string, filters: ReviewFilters, offset: number, signal?: AbortSignal): Promise<ReviewQueue> {
  return apiRequest(`/api/cycles/${encodeURIComponent(cycleId)}/reviews`, {
    query: {
      potId: filters.potId,
      status: filters.status,
      reviewed: filters.reviewed,
      limit: String(REVIEWS_PAGE_SIZE),
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
