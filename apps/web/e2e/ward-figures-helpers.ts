import { randomBytes } from 'node:crypto';
import { Cycle, CycleResults, Proposal, WardList, type CycleCreateInput, type Ward } from '@allot/shared';
import { api } from './api';
import { DEMO_ADMIN_EMAIL } from './demo';
import { castThroughApi, movePhase, registerVoter, STAFF_EMAIL, tokenFor } from './voting-helpers';

/** Set-up for the ward figures and delivery browser tests, straight through the API. */

export const COUNCILLOR_EMAIL = 'councillor@demo.test';

/** A demo ward by code (the demo councillor holds Old Harbour, "OH"). */
export async function demoWard(code: string): Promise<Ward> {
  const { wards } = await api('/api/wards', {}, (json) => WardList.parse(json));
  const ward = wards.find((candidate) => candidate.code === code);
  if (!ward) throw new Error(`The demo council has no ward ${code}`);
  return ward;
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export interface WardCycle {
  id: string;
  name: string;
  /** Proposal ids by title, for the projects on the ballot. */
  projects: Record<string, string>;
}

/**
 * A cycle in voting with a pot for each of `wardIds` (the first gets the projects), its projects
 * submitted by a resident of that ward and found feasible by staff at their cost.
 */
export async function createWardVotingCycle(wardIds: readonly string[], projects: readonly { title: string; cost: number }[]): Promise<WardCycle> {
  const [adminToken, staffToken] = await Promise.all([tokenFor(DEMO_ADMIN_EMAIL), tokenFor(STAFF_EMAIL)]);
  const [wardId] = wardIds;
  if (wardId === undefined) throw new Error('A cycle needs at least one ward');
  const name = `Ward cycle ${randomBytes(3).toString('hex')}`;
  const body: CycleCreateInput = {
    name,
    description: 'A cycle made by the ward figures and delivery browser tests.',
    currency: 'GBP',
    totalBudget: 30_000 * wardIds.length,
    pots: wardIds.map((id) => ({ wardId: id, budget: 30_000 })),
    schedule: { proposals: { start: isoDay(-1), end: isoDay(-1) }, voting: { start: isoDay(-1), end: isoDay(1) } },
    rounds: [{ name: 'Round 1', start: isoDay(-1), end: isoDay(-1) }],
    ballot: { kind: 'approval' },
    tally: { rule: 'greedy' },
    eligibility: { wardEstablishment: 'self-declared' },
  };
  const cycle = await api('/api/cycles', { method: 'POST', token: adminToken, body }, (json) => Cycle.parse(json));
  const potId = cycle.pots.find((pot) => pot.wardId === wardId)?.id ?? '';
  await movePhase(cycle.id, 'proposals', adminToken);
  const author = await registerVoter('author', wardId, 1979);
  const authorToken = await tokenFor(author.email, author.password);
  const ids: Record<string, string> = {};
  for (const project of projects) {
    const proposal = await api(
      `/api/cycles/${cycle.id}/proposals`,
      {
        method: 'POST',
        token: authorToken,
        body: { title: project.title, description: `${project.title}: an idea for the browser tests.`, potId, category: 'community-spaces', estimatedCost: project.cost },
      },
      (json) => Proposal.parse(json),
    );
    ids[project.title] = proposal.id;
  }
  await movePhase(cycle.id, 'feasibility', adminToken);
  for (const project of projects) {
    await api(
      `/api/proposals/${ids[project.title]}/feasibility`,
      { method: 'PUT', token: staffToken, body: { verdict: 'feasible', costEstimate: project.cost, breakdown: [{ item: 'Works', amount: project.cost }] } },
      (json) => json,
    );
  }
  await movePhase(cycle.id, 'voting', adminToken);
  return { id: cycle.id, name, projects: ids };
}

/** Residents of `wardId` vote (the first project of their pot), one per birth year given. */
export async function castBallotsIn(cycleId: string, wardId: string, birthYears: readonly number[]): Promise<void> {
  for (const [index, birthYear] of birthYears.entries()) {
    const voter = await registerVoter(`voter${index}`, wardId, birthYear);
    await castThroughApi(cycleId, voter);
  }
}

/** The admin counts the votes and publishes the result (the cycle moves to the results phase). */
export async function countAndPublish(cycleId: string): Promise<CycleResults> {
  const adminToken = await tokenFor(DEMO_ADMIN_EMAIL);
  await movePhase(cycleId, 'counting', adminToken);
  await api(`/api/cycles/${cycleId}/tally`, { method: 'POST', token: adminToken }, (json) => CycleResults.parse(json));
  return api(`/api/cycles/${cycleId}/publish`, { method: 'POST', token: adminToken }, (json) => CycleResults.parse(json));
}
