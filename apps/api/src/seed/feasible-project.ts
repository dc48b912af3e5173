import type { CommunityContribution, ProposalCategory } from '@allot/shared';
import type { Db } from '../db/client';
import { insertProposal, setStatus } from '../modules/proposals/proposals.repository';
import { upsertReview } from '../modules/reviews/reviews.repository';

export interface FeasibleProject {
  cycleId: string;
  potId: string;
  title: string;
  description: string;
  category: ProposalCategory;
  cost: number;
  contribution?: CommunityContribution;
  /** What the council's one-line cost breakdown calls the work (it costs the whole amount). */
  costItem: string;
}

/**
 * A proposal ready for the ballot, arranged straight in the database (for the demo council and the
 * benchmarks): shortlisted, found feasible at its own cost by `reviewerId` (null: no named
 * reviewer), so its status is `feasible`. Returns the proposal id.
 */
export async function addFeasibleProject(db: Db, project: FeasibleProject, authorId: string, reviewerId: string | null): Promise<string> {
  const row = await insertProposal(
    db,
    {
      cycleId: project.cycleId,
      potId: project.potId,
      title: project.title,
      description: project.description,
      category: project.category,
      estimatedCost: project.cost,
      contribution: project.contribution ?? null,
      status: 'shortlisted',
    },
    authorId,
  );
  await upsertReview(db, row.id, reviewerId, {
    verdict: 'feasible',
    costEstimate: project.cost,
    breakdown: [{ item: project.costItem, amount: project.cost }],
    publicExplanation: null,
  });
  await setStatus(db, [row.id], 'feasible');
  return row.id;
}
