import {
  phaseIndex,
  type BallotProjectList,
  type FeasibilityReview,
  type FeasibilityReviewInput,
  type ReviewQueue,
  type ReviewQueueItem,
  type ReviewQueueQuery,
} from '@allot/shared';
import type { Db } from '../../db/client';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { findCycleById } from '../cycles/cycles.repository';
import { visibleCycle } from '../cycles/cycles.service';
import { isStaffOrAdmin, type Viewer } from '../cycles/viewer';
import { insertNotifications } from '../notifications/notifications.repository';
import * as proposalsRepo from '../proposals/proposals.repository';
import { lockCycleForAction } from '../proposals/proposals.service';
import type { Actor } from '../wards/wards.service';
import * as repo from './reviews.repository';

/** The full review, for staff and admins only (it carries the internal notes). */
export function toStaffReview(review: repo.ReviewRow, reviewerName: string | null): FeasibilityReview {
  return {
    proposalId: review.proposalId,
    verdict: review.verdict,
    costEstimate: review.costEstimate,
    breakdown: review.breakdown,
    publicExplanation: review.publicExplanation,
    internalNotes: review.internalNotes,
    reviewer: review.reviewerId === null ? null : { id: review.reviewerId, displayName: reviewerName ?? '' },
    reviewedAt: review.reviewedAt.toISOString(),
  };
}

export async function reviewQueue(db: Db, cycleId: string, query: ReviewQueueQuery): Promise<ReviewQueue> {
  if ((await findCycleById(db, cycleId)) === undefined) throw new NotFoundError('No cycle with this id');
  const { rows, total, unreviewed } = await repo.listQueue(db, cycleId, {
    potId: query.potId,
    status: query.status,
    reviewed: query.reviewed === undefined ? undefined : query.reviewed === 'true',
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows.map(toQueueItem), total, unreviewed };
}

/**
 * One proposal's queue entry, for staff and admins (internal notes included, as in the queue).
 * 404 when the proposal is unknown, not in the queue (not shortlisted or given a verdict), or in a
 * draft cycle the viewer may not see.
 */
export async function reviewItem(db: Db, viewer: Viewer, proposalId: string): Promise<ReviewQueueItem> {
  const row = await repo.findQueueItem(db, proposalId);
  if (row === undefined) throw new NotFoundError('This proposal is not in the review queue: only shortlisted proposals are reviewed');
  await visibleCycle(db, viewer, row.proposal.cycleId);
  return toQueueItem(row);
}

function toQueueItem(row: repo.QueueRow): ReviewQueueItem {
  return {
    proposalId: row.proposal.id,
    potId: row.proposal.potId,
    wardId: row.wardId,
    title: row.proposal.title,
    category: row.proposal.category,
    status: row.proposal.status,
    estimatedCost: row.proposal.estimatedCost,
    supportCount: row.supportCount,
    review: row.review === null ? null : toStaffReview(row.review, row.reviewerName),
  };
}

const VERDICT_WORDS = {
  feasible: 'can go on the ballot',
  feasible_with_changes: 'can go on the ballot with some changes',
  not_feasible: 'cannot go ahead',
} as const;

/** Staff record the verdict (feasibility phase only); audited; the authors are notified. */
export async function recordVerdict(
  db: Db,
  actor: Actor & { userId: string },
  viewer: Viewer,
  proposalId: string,
  input: FeasibilityReviewInput,
): Promise<FeasibilityReview> {
  return db.transaction(async (tx) => {
    const current = await proposalsRepo.findProposalById(tx, proposalId);
    if (current === undefined) throw new NotFoundError('No proposal with this id');
    const cycle = await lockCycleForAction(tx, current.cycleId, viewer);
    const [proposal] = await proposalsRepo.lockProposals(tx, [proposalId]);
    if (proposal === undefined) throw new NotFoundError('No proposal with this id');
    if (cycle.phase !== 'feasibility') {
      throw new ConflictError(`Feasibility verdicts are recorded in the feasibility phase; this cycle is in the ${cycle.phase} phase`);
    }
    if (!repo.REVIEWABLE.includes(proposal.status)) {
      throw new ConflictError(`Only shortlisted proposals are reviewed; this one is ${proposal.status.replace(/_/g, ' ')}`);
    }
    const previous = await repo.findReview(tx, proposalId);
    await repo.upsertReview(tx, proposalId, actor.userId, input);
    await proposalsRepo.setStatus(tx, [proposalId], input.verdict);
    await appendAudit(tx, {
      actorId: actor.userId,
      requestId: actor.requestId,
      action: 'proposal.feasibility.review',
      targetType: 'proposal',
      targetId: proposalId,
      details: {
        verdict: input.verdict,
        costEstimate: input.costEstimate,
        previousVerdict: previous?.review.verdict ?? null,
        previousCostEstimate: previous?.review.costEstimate ?? null,
      },
    });
    const authors = await proposalsRepo.authorIds(tx, proposalId);
    await insertNotifications(
      tx,
      authors.map((userId) => ({
        userId,
        kind: 'feasibility.verdict' as const,
        title: `Feasibility check: “${proposal.title}”`,
        body: `Council staff found that your proposal ${VERDICT_WORDS[input.verdict]}. Estimated cost: ${input.costEstimate} ${cycle.currency}.${
          input.publicExplanation ? ` ${input.publicExplanation}` : ''
        }`,
        proposalId,
      })),
    );
    const saved = await repo.findReview(tx, proposalId);
    if (saved === undefined) throw new Error('the review vanished');
    return toStaffReview(saved.review, saved.reviewerName);
  });
}

/** The ballot: public once voting starts; staff and admins may look earlier. */
export async function ballotProjects(db: Db, viewer: Viewer, cycleId: string): Promise<BallotProjectList> {
  const cycle = await visibleCycle(db, viewer, cycleId);
  if (phaseIndex(cycle.phase) < phaseIndex('voting') && !isStaffOrAdmin(viewer)) {
    if (viewer === null) throw new UnauthorizedError('The ballot is published when voting starts');
    throw new ForbiddenError('The ballot is published when voting starts');
  }
  const rows = await repo.listBallotProjects(db, cycleId);
  return { projects: rows.map((row) => ({ id: row.id, potId: row.potId, title: row.title, cost: row.cost })) };
}
