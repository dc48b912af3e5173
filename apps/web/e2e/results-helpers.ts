import { Cycle, MyBallot } from '@allot/shared';
import { api } from './api';
import { DEMO_ADMIN_EMAIL } from './demo';
import { createVotingCycle, movePhase, registerVoter, tokenFor, type Voter, type VotingCycle } from './voting-helpers';

/** Set-up for the results browser tests: an equal-shares election with ballots cast through the API. */

/** Casts an approval ballot naming projects by title, in whichever pot each one is. */
export async function castApprovalByTitle(cycleId: string, voter: Voter, titles: readonly string[]): Promise<void> {
  const token = await tokenFor(voter.email, voter.password);
  const ballot = await api(`/api/cycles/${cycleId}/ballot`, { token }, (json) => MyBallot.parse(json));
  const selections = ballot.pots
    .map((pot) => ({ potId: pot.potId, projects: pot.projects.filter((project) => titles.includes(project.title)).map((project) => project.id) }))
    .filter((selection) => selection.projects.length > 0);
  if (selections.flatMap((selection) => selection.projects).length !== titles.length) throw new Error(`Not every project of ${titles.join(', ')} is on the ballot`);
  await api(`/api/cycles/${cycleId}/ballot`, { method: 'PUT', token, body: { selections } }, (json) => json);
}

export const PROJECTS = {
  garden: { title: 'Library garden', cost: 12_000 },
  shelter: { title: 'Rain shelter', cost: 8_000 },
  ramp: { title: 'Skate ramp', cost: 14_000 },
  map: { title: 'Borough tree map', cost: 4_000, cityWide: true },
} as const;

export interface CountingElection {
  cycle: VotingCycle;
  voters: Voter[];
}

/**
 * A cycle counted by the method of equal shares, moved on to counting, with five ballots:
 *
 *   ward pot (£30,000, 5 voters, £6,000 each)      city-wide pot (£10,000, 2 voters, £5,000 each)
 *   v1: garden, shelter · v2: garden, ramp          v1, v2: tree map
 *   v3: garden, ramp · v4: garden · v5: shelter
 *
 * The garden (4 supporters) is funded first at £3,000 each, leaving v1 £3,000. The shelter's equal
 * share would be £4,000: v1 pays the £3,000 they have left and v5 pays £5,000. The ramp's two
 * supporters have only £6,000 left between them, so it is not funded. The tree map costs £2,000 each.
 */
export async function createCountingElection(): Promise<CountingElection> {
  const cycle = await createVotingCycle({ ballot: { kind: 'approval' }, projects: Object.values(PROJECTS) });
  const adminToken = await tokenFor(DEMO_ADMIN_EMAIL);
  // The rule may still change in voting until the first ballot is cast.
  await api(`/api/cycles/${cycle.id}`, { method: 'PATCH', token: adminToken, body: { tally: { rule: 'equal-shares' } } }, (json) => Cycle.parse(json));
  const voters = await Promise.all([1, 2, 3, 4, 5].map((n) => registerVoter(`results-v${n}`)));
  const [v1, v2, v3, v4, v5] = voters as [Voter, Voter, Voter, Voter, Voter];
  const { garden, shelter, ramp, map } = PROJECTS;
  await castApprovalByTitle(cycle.id, v1, [garden.title, shelter.title, map.title]);
  await castApprovalByTitle(cycle.id, v2, [garden.title, ramp.title, map.title]);
  await castApprovalByTitle(cycle.id, v3, [garden.title, ramp.title]);
  await castApprovalByTitle(cycle.id, v4, [garden.title]);
  await castApprovalByTitle(cycle.id, v5, [shelter.title]);
  await movePhase(cycle.id, 'counting', adminToken);
  return { cycle, voters };
}
