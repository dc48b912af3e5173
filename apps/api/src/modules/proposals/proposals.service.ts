import {
  phaseIndex,
  type Proposal,
  type ProposalCategory,
  type ProposalCreate,
  type ProposalList,
  type ProposalListQuery,
  type ProposalUpdate,
} from '@allot/shared';
import type { Db } from '../../db/client';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import { findPotById, lockCycle, type CycleRow } from '../cycles/cycles.repository';
import { visibleCycle } from '../cycles/cycles.service';
import { isAdmin, type Viewer } from '../cycles/viewer';
import type { Actor } from '../wards/wards.service';
import * as repo from './proposals.repository';

/** The only way a proposal leaves the API: explicit public fields (never review internals). */
export function toProposal(record: repo.PublicProposalRecord): Proposal {
  const row = record.proposal;
  return {
    id: row.id,
    cycleId: row.cycleId,
    potId: row.potId,
    wardId: record.wardId,
    title: row.title,
    description: row.description,
    category: row.category as ProposalCategory,
    estimatedCost: row.estimatedCost,
    location: row.location ?? null,
    contribution: row.contribution ?? null,
    status: row.status,
    mergedIntoId: row.mergedIntoId,
    authors: record.authors,
    supportCount: record.supportCount,
    commentCount: record.commentCount,
    supportedByMe: record.supportedByMe,
    isAuthor: record.isAuthor,
    feasibility:
      record.reviewVerdict === null || record.reviewCost === null || record.reviewedAt === null
        ? null
        : {
            verdict: record.reviewVerdict,
            costEstimate: record.reviewCost,
            breakdown: record.reviewBreakdown ?? [],
            publicExplanation: record.reviewExplanation,
            reviewedAt: record.reviewedAt.toISOString(),
          },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Reads a proposal as `viewerId` sees it (after a write, with the same handle). */
export async function readProposal(db: Db, id: string, viewerId: string | null): Promise<Proposal> {
  const record = await repo.findPublicProposal(db, id, viewerId);
  if (record === undefined) throw new NotFoundError('No proposal with this id');
  return toProposal(record);
}

export async function listProposals(db: Db, viewer: Viewer, cycleId: string, query: ProposalListQuery): Promise<ProposalList> {
  await visibleCycle(db, viewer, cycleId);
  const { rows, total } = await repo.listPublicProposals(db, cycleId, query, viewer?.userId ?? null);
  return { proposals: rows.map(toProposal), total };
}

export async function getProposal(db: Db, viewer: Viewer, id: string): Promise<Proposal> {
  const row = await repo.findProposalById(db, id);
  if (row === undefined) throw new NotFoundError('No proposal with this id');
  await visibleCycle(db, viewer, row.cycleId);
  return readProposal(db, id, viewer?.userId ?? null);
}

/** The cycle of a phase-gated action, locked against a concurrent phase move. */
export async function lockCycleForAction(tx: Db, cycleId: string, viewer: Viewer): Promise<CycleRow> {
  const cycle = await lockCycle(tx, cycleId, 'share');
  if (cycle === undefined || (cycle.phase === 'draft' && !isAdmin(viewer))) throw new NotFoundError('No cycle with this id');
  return cycle;
}

async function checkPotAndCost(tx: Db, cycleId: string, potId: string, cost: number): Promise<void> {
  const pot = await findPotById(tx, potId);
  if (pot === undefined || pot.cycleId !== cycleId) {
    throw new ValidationError('Choose a pot of this cycle', [{ path: 'potId', message: 'No pot with this id in this cycle' }]);
  }
  if (cost > pot.budget) {
    throw new ValidationError('The estimated cost is more than the pot’s whole budget', [
      { path: 'estimatedCost', message: `Enter at most ${pot.budget}, the budget of ${pot.name}` },
    ]);
  }
}

export async function createProposal(db: Db, actor: Actor & { userId: string }, viewer: Viewer, cycleId: string, input: ProposalCreate): Promise<Proposal> {
  return db.transaction(async (tx) => {
    const cycle = await lockCycleForAction(tx, cycleId, viewer);
    if (cycle.phase !== 'proposals') {
      throw new ConflictError(`Ideas can only be submitted while the cycle is taking proposals; it is now in the ${cycle.phase} phase`);
    }
    await checkPotAndCost(tx, cycleId, input.potId, input.estimatedCost);
    const row = await repo.insertProposal(
      tx,
      {
        cycleId,
        potId: input.potId,
        title: input.title,
        description: input.description,
        category: input.category,
        estimatedCost: input.estimatedCost,
        location: input.location ?? null,
        contribution: input.contribution ?? null,
      },
      actor.userId,
    );
    return readProposal(tx, row.id, actor.userId);
  });
}

/** Locks a proposal's cycle, then the proposal, for a change only its authors may make (`action` words the refusal). */
async function lockOwnProposal(tx: Db, userId: string, viewer: Viewer, id: string, action: 'edit' | 'withdraw') {
  const current = await repo.findProposalById(tx, id);
  if (current === undefined) throw new NotFoundError('No proposal with this id');
  const cycle = await lockCycleForAction(tx, current.cycleId, viewer);
  const [proposal] = await repo.lockProposals(tx, [id]);
  if (proposal === undefined) throw new NotFoundError('No proposal with this id');
  if (!(await repo.isAuthor(tx, id, userId))) throw new ForbiddenError(`Only the authors of a proposal can ${action} it`);
  return { cycle, proposal };
}

export async function updateProposal(db: Db, actor: Actor & { userId: string }, viewer: Viewer, id: string, changes: ProposalUpdate): Promise<Proposal> {
  if (Object.keys(changes).length === 0) throw new ValidationError('Nothing to change', [{ path: '', message: 'Give at least one field to change' }]);
  return db.transaction(async (tx) => {
    const { cycle, proposal } = await lockOwnProposal(tx, actor.userId, viewer, id, 'edit');
    if (cycle.phase !== 'proposals' && cycle.phase !== 'deliberation') {
      throw new ConflictError(`Proposals can be revised until feasibility checks start; this cycle is in the ${cycle.phase} phase`);
    }
    if (proposal.status !== 'submitted' && proposal.status !== 'shortlisted') {
      throw new ConflictError(`A ${proposal.status.replace(/_/g, ' ')} proposal cannot be edited`);
    }
    if (changes.potId !== undefined && changes.potId !== proposal.potId && cycle.phase !== 'proposals') {
      throw new ConflictError('A proposal can only move to another pot while the cycle is taking proposals');
    }
    await checkPotAndCost(tx, proposal.cycleId, changes.potId ?? proposal.potId, changes.estimatedCost ?? proposal.estimatedCost);
    await repo.updateProposal(tx, id, {
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.potId !== undefined ? { potId: changes.potId } : {}),
      ...(changes.category !== undefined ? { category: changes.category } : {}),
      ...(changes.estimatedCost !== undefined ? { estimatedCost: changes.estimatedCost } : {}),
      ...(changes.location !== undefined ? { location: changes.location } : {}),
      ...(changes.contribution !== undefined ? { contribution: changes.contribution } : {}),
    });
    return readProposal(tx, id, actor.userId);
  });
}

/** An author takes their proposal out of the cycle, any time before voting starts. */
export async function withdrawProposal(db: Db, actor: Actor & { userId: string }, viewer: Viewer, id: string): Promise<Proposal> {
  return db.transaction(async (tx) => {
    const { cycle, proposal } = await lockOwnProposal(tx, actor.userId, viewer, id, 'withdraw');
    if (phaseIndex(cycle.phase) >= phaseIndex('voting')) {
      throw new ConflictError(`Proposals can be withdrawn until voting starts; this cycle is in the ${cycle.phase} phase`);
    }
    if (proposal.status === 'withdrawn' || proposal.status === 'merged') {
      throw new ConflictError(`This proposal is already ${proposal.status}`);
    }
    await repo.setStatus(tx, [id], 'withdrawn');
    return readProposal(tx, id, actor.userId);
  });
}
