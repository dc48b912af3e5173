/**
 * Arranging a cycle in voting with projects on its ballot, and voters, for the voting tests.
 * Test-only: nothing imports it at run time.
 */
import type { BallotSettings, EligibilitySettings, Phase, Schedule } from '@allot/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { bearer, count, createAccount, createWard, signIn, type TestApp } from '../../../test/helpers';
import { arrangeProposal, cycleInput } from '../cycles/test-fixtures';
import { listPots, setPhase } from '../cycles/cycles.repository';
import { createCycle } from '../cycles/cycles.service';
import { setStatus } from '../proposals/proposals.repository';
import { upsertReview } from '../reviews/reviews.repository';
import { findParticipation } from './ballots.repository';

const DAY = 24 * 60 * 60 * 1000;
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** A voting window from yesterday to tomorrow (UTC), so casting is open now. */
export function openWindow(now = new Date()): Schedule {
  return { voting: { start: isoDay(new Date(now.getTime() - DAY)), end: isoDay(new Date(now.getTime() + DAY)) } };
}

export interface VotingCycle {
  id: string;
  wardA: string;
  wardB: string;
  potA: string;
  potB: string;
  cityPot: string;
  /** Ballot project ids per pot, in creation order; costs 10k, 15k, 20k in ward pots. */
  a: string[];
  b: string[];
  city: string[];
  /** Proposals of pot A that are not on the ballot. */
  notFeasibleA: string;
  withdrawnA: string;
}

export async function arrangeVotingCycle(
  db: Db,
  options: { ballot?: BallotSettings; eligibility?: EligibilitySettings; schedule?: Schedule; phase?: Phase } = {},
): Promise<VotingCycle> {
  const wardA = (await createWard(db)).id;
  const wardB = (await createWard(db)).id;
  const cycle = await createCycle(
    db,
    { userId: null },
    cycleInput([wardA, wardB], {
      schedule: options.schedule ?? openWindow(),
      ballot: options.ballot ?? { kind: 'approval', maxCount: 2 },
      tally: { rule: 'greedy', tieBreak: ['lowerCost', 'id'] },
      eligibility: options.eligibility ?? { wardEstablishment: 'self-declared', minAge: 16, ageOnDate: '2027-05-03' },
    }),
  );
  const pots: Record<string, string> = {};
  for (const pot of await listPots(db, cycle.id)) pots[pot.wardId ?? 'city'] = pot.id;
  const author = await createAccount(db, { homeWardId: wardA });
  const arranged = { id: cycle.id, wardIds: [wardA, wardB], pots, cityPotId: pots.city ?? '', roundIds: [] };
  const feasible = async (potId: string, cost: number, verdict: 'feasible' | 'not_feasible' = 'feasible'): Promise<string> => {
    const id = await arrangeProposal(db, arranged, author.id, { potId, estimatedCost: cost, status: 'shortlisted', title: `Project ${cost}` });
    await upsertReview(db, id, null, {
      verdict,
      costEstimate: cost,
      breakdown: [{ item: 'Works', amount: cost }],
      publicExplanation: verdict === 'feasible' ? null : 'Not on council land',
    });
    await setStatus(db, [id], verdict);
    return id;
  };
  const potA = pots[wardA] ?? '';
  const potB = pots[wardB] ?? '';
  const cityPot = pots.city ?? '';
  const a = [await feasible(potA, 10_000), await feasible(potA, 15_000), await feasible(potA, 20_000), await feasible(potA, 30_000)];
  const b = [await feasible(potB, 10_000), await feasible(potB, 15_000)];
  const city = [await feasible(cityPot, 5_000), await feasible(cityPot, 8_000)];
  const notFeasibleA = await feasible(potA, 7_000, 'not_feasible');
  const withdrawnA = await arrangeProposal(db, arranged, author.id, { potId: potA, estimatedCost: 3_000, title: 'Withdrawn idea' });
  await setStatus(db, [withdrawnA], 'withdrawn');
  await setPhase(db, cycle.id, options.phase ?? 'voting');
  return { id: cycle.id, wardA, wardB, potA, potB, cityPot, a, b, city, notFeasibleA, withdrawnA };
}

export interface Voter {
  id: string;
  email: string;
  auth: { authorization: string };
}

export async function arrangeVoter(
  t: TestApp,
  spec: { wardId: string | null; birthYear?: number | null; roles?: ('resident' | 'staff' | 'councillor' | 'admin')[]; councillorWardIds?: string[] },
): Promise<Voter> {
  const account = await createAccount(t.db, {
    homeWardId: spec.wardId,
    birthYear: spec.birthYear === undefined ? 1980 : spec.birthYear,
    roles: spec.roles ?? ['resident'],
    ...(spec.councillorWardIds !== undefined ? { councillorWardIds: spec.councillorWardIds } : {}),
  });
  const { accessToken } = await signIn(t.app, account.email);
  return { id: account.id, email: account.email, auth: bearer(accessToken) };
}

/** Rows in the two voting tables for one cycle: a refused request must leave both unchanged. */
export async function votingRows(db: Db, cycleId: string): Promise<{ ballots: number; participation: number }> {
  return {
    ballots: await count(db, sql`ballots where cycle_id = ${cycleId}`),
    participation: await count(db, sql`participation where cycle_id = ${cycleId}`),
  };
}

/** The ward stored on a voter's participation row: undefined when the voter has no row. */
export async function participationWard(db: Db, cycleId: string, userId: string): Promise<string | null | undefined> {
  return (await findParticipation(db, cycleId, userId))?.wardId;
}
