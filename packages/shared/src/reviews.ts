import { z } from 'zod';
import { PositiveMoney, PotId } from './cycles';
import { CostItem, FeasibilityVerdict, ProposalId, ProposalStatus } from './proposals';

/**
 * A staff verdict. `breakdown` must add up to `costEstimate`; `publicExplanation` is required
 * unless the verdict is plain `feasible`. `internalNotes` are for staff only and never appear in a
 * public or resident response.
 */
export const FeasibilityReviewInput = z
  .strictObject({
    verdict: FeasibilityVerdict,
    costEstimate: PositiveMoney,
    breakdown: z.array(CostItem).min(1, 'Add at least one cost line').max(100),
    publicExplanation: z.string().trim().max(5000).nullable().optional(),
    internalNotes: z.string().max(10_000).nullable().optional(),
  })
  .superRefine((review, ctx) => {
    const sum = review.breakdown.reduce((total, line) => total + line.amount, 0);
    if (sum !== review.costEstimate) {
      ctx.addIssue({
        code: 'custom',
        path: ['breakdown'],
        message: `The cost lines add up to ${sum}, not the estimate of ${review.costEstimate}`,
      });
    }
    const explanation = review.publicExplanation ?? '';
    if (review.verdict !== 'feasible' && explanation.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['publicExplanation'],
        message: 'Explain the verdict to residents (required unless the proposal is feasible as it is)',
      });
    }
  });
export type FeasibilityReviewInput = z.infer<typeof FeasibilityReviewInput>;

/** The full review as staff see it (with internal notes). */
export const FeasibilityReview = z.object({
  proposalId: ProposalId,
  verdict: FeasibilityVerdict,
  costEstimate: PositiveMoney,
  breakdown: z.array(CostItem),
  publicExplanation: z.string().nullable(),
  internalNotes: z.string().nullable(),
  reviewer: z.object({ id: z.string().uuid(), displayName: z.string() }).nullable(),
  reviewedAt: z.string(),
});
export type FeasibilityReview = z.infer<typeof FeasibilityReview>;

export const ReviewQueueItem = z.object({
  proposalId: ProposalId,
  potId: PotId,
  wardId: z.string().uuid().nullable(),
  title: z.string(),
  category: z.string(),
  status: ProposalStatus,
  estimatedCost: PositiveMoney,
  supportCount: z.number().int().nonnegative(),
  review: FeasibilityReview.nullable(),
});
export type ReviewQueueItem = z.infer<typeof ReviewQueueItem>;

export const ReviewQueueQuery = z.strictObject({
  potId: PotId.optional(),
  status: ProposalStatus.optional(),
  reviewed: z.enum(['true', 'false']).optional().describe('Only reviewed (true) or unreviewed (false) proposals'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuery>;

export const ReviewQueue = z.object({
  items: z.array(ReviewQueueItem),
  total: z.number().int().nonnegative(),
  /** Shortlisted proposals still waiting for a verdict (whatever the filters). */
  unreviewed: z.number().int().nonnegative(),
});
export type ReviewQueue = z.infer<typeof ReviewQueue>;
