import type { ReviewQueueQuery } from '@allot/shared';

/** Query keys of the reviews feature (staff); verdicts invalidate reviewKeys.all. */
export const reviewKeys = {
  all: ['reviews'] as const,
  queue: (cycleId: string, query: Partial<ReviewQueueQuery>) => [...reviewKeys.all, 'queue', cycleId, query] as const,
  /** One proposal's queue entry (GET /api/proposals/:id/review). */
  item: (proposalId: string) => [...reviewKeys.all, 'item', proposalId] as const,
};
