import type { Comment, CommentCreate, CommentList, Proposal, RoundCloseResult, SupportState } from '@allot/shared';
import type { Db } from '../../db/client';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { visibleCycle } from '../cycles/cycles.service';
import { lockCycle } from '../cycles/cycles.repository';
import { isStaffOrAdmin, type Viewer } from '../cycles/viewer';
import { insertNotifications } from '../notifications/notifications.repository';
import * as proposalsRepo from '../proposals/proposals.repository';
import { lockCycleForAction, readProposal } from '../proposals/proposals.service';
import type { Actor } from '../wards/wards.service';
import * as repo from './deliberation.repository';
import { closeRoundAndApply } from './shortlist';

type Signed = Actor & { userId: string };

/**
 * A comment as `viewer` sees it. A hidden comment keeps its place in the thread with the
 * moderator's reason; its text is shown only to its author and to staff/admins.
 */
export function toComment(record: repo.CommentRecord, viewer: Viewer): Comment {
  const row = record.comment;
  const moderator = isStaffOrAdmin(viewer);
  const hidden = row.hiddenAt !== null;
  const mayRead = !hidden || moderator || viewer?.userId === row.authorId;
  return {
    id: row.id,
    proposalId: row.proposalId,
    parentId: row.parentId,
    author: { id: row.authorId, displayName: record.authorName },
    body: mayRead ? row.body : null,
    hidden: row.hiddenAt !== null ? { reason: row.hiddenReason ?? '', at: row.hiddenAt.toISOString() } : null,
    flagCount: moderator ? record.flagCount : null,
    flaggedByMe: record.flaggedByMe,
    createdAt: row.createdAt.toISOString(),
  };
}

async function proposalInVisibleCycle(db: Db, viewer: Viewer, proposalId: string) {
  const proposal = await proposalsRepo.findProposalById(db, proposalId);
  if (proposal === undefined) throw new NotFoundError('No proposal with this id');
  await visibleCycle(db, viewer, proposal.cycleId);
  return proposal;
}

export async function listComments(db: Db, viewer: Viewer, proposalId: string): Promise<CommentList> {
  await proposalInVisibleCycle(db, viewer, proposalId);
  const rows = await repo.listComments(db, proposalId, viewer?.userId ?? null);
  return { comments: rows.map((row) => toComment(row, viewer)) };
}

const OPEN_FOR_DELIBERATION = new Set(['submitted', 'shortlisted']);

export async function addComment(db: Db, actor: Signed, viewer: Viewer, proposalId: string, input: CommentCreate): Promise<Comment> {
  return db.transaction(async (tx) => {
    const proposal = await proposalsRepo.findProposalById(tx, proposalId);
    if (proposal === undefined) throw new NotFoundError('No proposal with this id');
    const cycle = await lockCycleForAction(tx, proposal.cycleId, viewer);
    if (cycle.phase !== 'deliberation') {
      throw new ConflictError(`Comments are open during deliberation only; this cycle is in the ${cycle.phase} phase`);
    }
    if (!OPEN_FOR_DELIBERATION.has(proposal.status)) {
      throw new ConflictError(`This proposal is ${proposal.status.replace(/_/g, ' ')} and no longer takes comments`);
    }
    const parentId = input.parentId ?? null;
    if (parentId !== null) {
      const parent = await repo.findComment(tx, parentId);
      if (parent === undefined || parent.proposalId !== proposalId) {
        throw new ValidationError('You can only reply to a comment on this proposal', [
          { path: 'parentId', message: 'No comment with this id on this proposal' },
        ]);
      }
    }
    const row = await repo.insertComment(tx, { proposalId, authorId: actor.userId, parentId, body: input.body });
    const record = await repo.findCommentRecord(tx, row.id, actor.userId);
    if (record === undefined) throw new Error('the new comment vanished');
    return toComment(record, viewer);
  });
}

export async function flagComment(db: Db, actor: Signed, viewer: Viewer, commentId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const comment = await repo.findComment(tx, commentId);
    if (comment === undefined) throw new NotFoundError('No comment with this id');
    await proposalInVisibleCycle(tx, viewer, comment.proposalId);
    if (!(await repo.insertFlag(tx, commentId, actor.userId))) {
      throw new ConflictError('You have already flagged this comment; a moderator will look at it');
    }
  });
}

export async function hideComment(db: Db, actor: Signed, viewer: Viewer, commentId: string, reason: string): Promise<Comment> {
  return db.transaction(async (tx) => {
    const comment = await repo.findComment(tx, commentId);
    if (comment === undefined) throw new NotFoundError('No comment with this id');
    const proposal = await proposalInVisibleCycle(tx, viewer, comment.proposalId);
    if (comment.hiddenAt !== null) throw new ConflictError('This comment is already hidden');
    await repo.hideComment(tx, commentId, actor.userId, reason);
    await appendAudit(tx, {
      actorId: actor.userId,
      requestId: actor.requestId,
      action: 'comment.hide',
      targetType: 'comment',
      targetId: commentId,
      details: { proposalId: comment.proposalId, reason },
    });
    await insertNotifications(tx, [
      {
        userId: comment.authorId,
        kind: 'comment.hidden',
        title: 'A moderator hid one of your comments',
        body: `Your comment on “${proposal.title}” was hidden. Reason: ${reason}`,
        proposalId: proposal.id,
      },
    ]);
    const record = await repo.findCommentRecord(tx, commentId, actor.userId);
    if (record === undefined) throw new NotFoundError('No comment with this id');
    return toComment(record, viewer);
  });
}

/** Adds or removes the caller's support. The primary key makes parallel supports count once. */
export async function setSupport(db: Db, actor: Signed, viewer: Viewer, proposalId: string, supported: boolean): Promise<SupportState> {
  return db.transaction(async (tx) => {
    const proposal = await proposalsRepo.findProposalById(tx, proposalId);
    if (proposal === undefined) throw new NotFoundError('No proposal with this id');
    const cycle = await lockCycleForAction(tx, proposal.cycleId, viewer);
    if (cycle.phase !== 'deliberation') {
      throw new ConflictError(`Proposals can be supported during deliberation only; this cycle is in the ${cycle.phase} phase`);
    }
    if (!OPEN_FOR_DELIBERATION.has(proposal.status)) {
      throw new ConflictError(`This proposal is ${proposal.status.replace(/_/g, ' ')} and can no longer be supported`);
    }
    if (supported) await repo.addSupport(tx, proposalId, actor.userId);
    else await repo.removeSupport(tx, proposalId, actor.userId);
    const state = await repo.supportState(tx, proposalId, actor.userId);
    return { proposalId, ...state };
  });
}

/**
 * Staff merge a proposal into a similar one in the same cycle and pot: the source becomes
 * `merged`, its authors are credited on the target, supports carried over without double
 * counting and comments moved.
 */
export async function mergeProposal(db: Db, actor: Signed, viewer: Viewer, sourceId: string, intoId: string): Promise<Proposal> {
  if (sourceId === intoId) {
    throw new ValidationError('A proposal cannot be merged into itself', [{ path: 'intoId', message: 'Choose another proposal' }]);
  }
  return db.transaction(async (tx) => {
    const first = await proposalsRepo.findProposalById(tx, sourceId);
    if (first === undefined) throw new NotFoundError('No proposal with this id');
    const cycle = await lockCycleForAction(tx, first.cycleId, viewer);
    const locked = await proposalsRepo.lockProposals(tx, [sourceId, intoId]);
    const source = locked.find((row) => row.id === sourceId);
    const target = locked.find((row) => row.id === intoId);
    if (source === undefined) throw new NotFoundError('No proposal with this id');
    if (target === undefined || target.cycleId !== source.cycleId) {
      throw new ValidationError('Merge into a proposal of the same cycle', [{ path: 'intoId', message: 'No proposal with this id in this cycle' }]);
    }
    if (target.potId !== source.potId) {
      throw new ValidationError('Only proposals for the same pot can be merged', [{ path: 'intoId', message: 'This proposal is for another pot' }]);
    }
    if (cycle.phase !== 'proposals' && cycle.phase !== 'deliberation') {
      throw new ConflictError(`Proposals can be merged before feasibility checks start; this cycle is in the ${cycle.phase} phase`);
    }
    for (const row of [source, target]) {
      if (!OPEN_FOR_DELIBERATION.has(row.status)) {
        throw new ConflictError(`“${row.title}” is ${row.status.replace(/_/g, ' ')} and cannot take part in a merge`);
      }
    }
    const sourceAuthors = await proposalsRepo.authorIds(tx, sourceId);
    const moved = await repo.mergeInto(tx, sourceId, intoId);
    await proposalsRepo.updateProposal(tx, sourceId, { status: 'merged', mergedIntoId: intoId });
    await appendAudit(tx, {
      actorId: actor.userId,
      requestId: actor.requestId,
      action: 'proposal.merge',
      targetType: 'proposal',
      targetId: sourceId,
      details: { intoId, ...moved },
    });
    await insertNotifications(
      tx,
      sourceAuthors.map((userId) => ({
        userId,
        kind: 'proposal.merged' as const,
        title: 'Your proposal was merged with a similar one',
        body: `“${source.title}” was merged into “${target.title}”. You are credited as an author, and its supports and comments moved with it.`,
        proposalId: intoId,
      })),
    );
    return readProposal(tx, intoId, actor.userId);
  });
}

/** Closes a deliberation round and applies its shortlist rule (staff/admin, audited). */
export async function closeRound(db: Db, actor: Signed, cycleId: string, roundId: string): Promise<RoundCloseResult> {
  return db.transaction(async (tx) => {
    const cycle = await lockCycle(tx, cycleId, 'update');
    if (cycle === undefined) throw new NotFoundError('No cycle with this id');
    const round = await repo.findRound(tx, cycleId, roundId);
    if (round === undefined) throw new NotFoundError('No round with this id in this cycle');
    if (cycle.phase !== 'deliberation') {
      throw new ConflictError(`Rounds are closed during deliberation; this cycle is in the ${cycle.phase} phase`);
    }
    if (round.closedAt !== null) throw new ConflictError('This round is already closed');
    const outcome = await closeRoundAndApply(tx, actor, round);
    await appendAudit(tx, {
      actorId: actor.userId,
      requestId: actor.requestId,
      action: 'deliberation.round.close',
      targetType: 'cycle',
      targetId: cycleId,
      details: { roundId, rule: round.shortlistRule, shortlisted: outcome.shortlisted, notShortlisted: outcome.notShortlisted },
    });
    const closed = await repo.findRound(tx, cycleId, roundId);
    return {
      roundId,
      closedAt: (closed?.closedAt ?? new Date()).toISOString(),
      shortlistRule: round.shortlistRule,
      ...outcome,
    };
  });
}
