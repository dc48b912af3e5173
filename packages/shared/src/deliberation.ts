import { z } from 'zod';
import { CycleId, ShortlistRule } from './cycles';
import { ProposalId } from './proposals';

export const COMMENT_MAX = 2000;

export const CommentId = z.string().uuid();

export const CommentCreate = z.strictObject({
  body: z
    .string()
    .trim()
    .min(1, 'Write a comment first')
    .max(COMMENT_MAX, `Use at most ${COMMENT_MAX.toLocaleString('en-GB')} characters`)
    .describe('Plain text, stored as given; render inert'),
  parentId: CommentId.nullable().optional().describe('Reply to this comment (same proposal)'),
});
export type CommentCreate = z.infer<typeof CommentCreate>;

/**
 * One comment. When hidden by a moderator, `body` is null for everyone except its author and
 * staff; `hidden` carries the reason for all to see.
 */
export const Comment = z.object({
  id: CommentId,
  proposalId: ProposalId,
  parentId: CommentId.nullable(),
  author: z.object({ id: z.string().uuid(), displayName: z.string() }),
  body: z.string().nullable(),
  hidden: z.object({ reason: z.string(), at: z.string() }).nullable(),
  /** How many residents flagged it (staff and admins only; null for others). */
  flagCount: z.number().int().nonnegative().nullable(),
  flaggedByMe: z.boolean(),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof Comment>;

/** All comments of a proposal, oldest first; build the thread from `parentId`. */
export const CommentList = z.object({ comments: z.array(Comment) });
export type CommentList = z.infer<typeof CommentList>;

export const CommentIdParams = z.strictObject({ id: CommentId });
export type CommentIdParams = z.infer<typeof CommentIdParams>;

export const CommentHideRequest = z.strictObject({
  reason: z.string().trim().min(3, 'Give the reason residents will see').max(500),
});
export type CommentHideRequest = z.infer<typeof CommentHideRequest>;

export const CommentFlagResult = z.object({ flagged: z.literal(true) });
export type CommentFlagResult = z.infer<typeof CommentFlagResult>;

export const SupportState = z.object({
  proposalId: ProposalId,
  supported: z.boolean().describe('Whether the caller now supports the proposal'),
  supportCount: z.number().int().nonnegative(),
});
export type SupportState = z.infer<typeof SupportState>;

export const MergeRequest = z.strictObject({ intoId: ProposalId });
export type MergeRequest = z.infer<typeof MergeRequest>;

export const RoundParams = z.strictObject({ id: CycleId, roundId: z.string().uuid() });
export type RoundParams = z.infer<typeof RoundParams>;

export const RoundCloseResult = z.object({
  roundId: z.string().uuid(),
  closedAt: z.string(),
  /** Null when the round had no shortlist rule (statuses unchanged). */
  shortlistRule: ShortlistRule.nullable(),
  shortlisted: z.array(ProposalId),
  notShortlisted: z.array(ProposalId),
});
export type RoundCloseResult = z.infer<typeof RoundCloseResult>;
