import { randomBytes } from 'node:crypto';
import {
  Cycle,
  MyBallot,
  Proposal,
  VoterList,
  WardList,
  type BallotSettings,
  type CycleCreateInput,
  type EligibilitySettings,
  type Phase,
} from '@allot/shared';
import { uniqueEmail } from './accounts';
import { api, apiToken } from './api';
import { baseUrl } from './browser';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from './demo';

/** Set-up for the voting browser tests, done straight through the API as the demo admin and staff. */

export const STAFF_EMAIL = 'staff@demo.test';


export function tokenFor(email: string, password = DEMO_PASSWORD): Promise<string> {
  return apiToken(email, password);
}

export async function demoWards(): Promise<{ id: string; name: string }[]> {
  return api('/api/wards', {}, (json) => WardList.parse(json).wards);
}

export interface Voter {
  email: string;
  password: string;
  displayName: string;
}

/**
 * A resident of the given ward (by default the first ward, which the voting cycles cover), born in
 * `birthYear` (which decides their age band in the ward figures).
 */
export async function registerVoter(prefix: string, wardId?: string, birthYear = 1985): Promise<Voter> {
  const ward = wardId ?? (await demoWards())[0]?.id;
  const voter = { email: uniqueEmail(prefix), password: 'correct horse battery staple', displayName: `Voter ${prefix} ${randomBytes(2).toString('hex')}` };
  const response = await fetch(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...voter, homeWardId: ward, birthYear }),
  });
  if (!response.ok) throw new Error(`Registering a voter failed: ${response.status} ${await response.text()}`);
  return voter;
}

export interface ProjectSpec {
  title: string;
  cost: number;
  /** In the city-wide pot rather than the first ward's. */
  cityWide?: boolean;
}

export interface VotingCycle {
  id: string;
  name: string;
  wardPotId: string;
  cityPotId: string;
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * A cycle in voting (open from yesterday to tomorrow, UTC) with a £30,000 pot for the first ward
 * and a £10,000 city-wide pot. The projects go the way residents' ideas do: submitted during
 * proposals, shortlisted when deliberation is skipped, found feasible by staff at their cost.
 */
export async function createVotingCycle(options: {
  ballot: BallotSettings;
  projects: ProjectSpec[];
  eligibility?: EligibilitySettings;
}): Promise<VotingCycle> {
  const [adminToken, staffToken] = await Promise.all([tokenFor(DEMO_ADMIN_EMAIL), tokenFor(STAFF_EMAIL)]);
  const [ward] = await demoWards();
  if (!ward) throw new Error('The demo council has no wards');
  const name = `Vote ${options.ballot.kind} ${randomBytes(3).toString('hex')}`;
  const body: CycleCreateInput = {
    name,
    description: `A ${options.ballot.kind} ballot made by the voting browser tests.`,
    currency: 'GBP',
    totalBudget: 40_000,
    pots: [
      { wardId: ward.id, budget: 30_000 },
      { wardId: null, budget: 10_000 },
    ],
    schedule: { proposals: { start: isoDay(-1), end: isoDay(-1) }, voting: { start: isoDay(-1), end: isoDay(1) } },
    rounds: [{ name: 'Round 1', start: isoDay(-1), end: isoDay(-1) }],
    ballot: options.ballot,
    tally: { rule: 'greedy' },
    eligibility: options.eligibility ?? { wardEstablishment: 'self-declared' },
  };
  const cycle = await api('/api/cycles', { method: 'POST', token: adminToken, body }, (json) => Cycle.parse(json));
  const wardPotId = cycle.pots.find((pot) => pot.wardId === ward.id)?.id ?? '';
  const cityPotId = cycle.pots.find((pot) => pot.wardId === null)?.id ?? '';
  await movePhase(cycle.id, 'proposals', adminToken);
  const author = await registerVoter('author');
  const authorToken = await tokenFor(author.email, author.password);
  const proposals = [];
  for (const project of options.projects) {
    proposals.push(
      await api(
        `/api/cycles/${cycle.id}/proposals`,
        {
          method: 'POST',
          token: authorToken,
          body: {
            title: project.title,
            description: `${project.title}: an idea for the voting browser tests.`,
            potId: project.cityWide ? cityPotId : wardPotId,
            category: 'community-spaces',
            estimatedCost: project.cost,
          },
        },
        (json) => Proposal.parse(json),
      ),
    );
  }
  await movePhase(cycle.id, 'feasibility', adminToken);
  for (const [index, proposal] of proposals.entries()) {
    const cost = options.projects[index]?.cost ?? 1;
    await api(
      `/api/proposals/${proposal.id}/feasibility`,
      { method: 'PUT', token: staffToken, body: { verdict: 'feasible', costEstimate: cost, breakdown: [{ item: 'Works', amount: cost }] } },
      (json) => json,
    );
  }
  await movePhase(cycle.id, 'voting', adminToken);
  return { id: cycle.id, name, wardPotId, cityPotId };
}

export async function movePhase(cycleId: string, to: Phase, token?: string): Promise<void> {
  await api(`/api/cycles/${cycleId}/phase`, { method: 'POST', token: token ?? (await tokenFor(DEMO_ADMIN_EMAIL)), body: { to } }, (json) => json);
}

/** Casts a ballot for a voter straight through the API: the first project of each of their pots. */
export async function castThroughApi(cycleId: string, voter: Voter): Promise<void> {
  const token = await tokenFor(voter.email, voter.password);
  const ballot = await api(`/api/cycles/${cycleId}/ballot`, { token }, (json) => MyBallot.parse(json));
  const selections = ballot.pots
    .filter((pot) => pot.projects.length > 0)
    .map((pot) => ({ potId: pot.potId, projects: [pot.projects[0]?.id ?? ''] }));
  await api(`/api/cycles/${cycleId}/ballot`, { method: 'PUT', token, body: { selections } }, (json) => json);
}

/** Staff verify a resident's home ward through the API (found by email on the paper-ballot desk). */
export async function verifyWardThroughApi(cycleId: string, email: string): Promise<void> {
  const staffToken = await tokenFor(STAFF_EMAIL);
  const { voters } = await api(`/api/cycles/${cycleId}/voters?q=${encodeURIComponent(email)}`, { token: staffToken }, (json) =>
    VoterList.parse(json),
  );
  const voter = voters[0];
  if (voter?.homeWardId == null) throw new Error(`No resident ${email} with a home ward`);
  await api(`/api/users/${voter.id}/ward-verification`, { method: 'POST', token: staffToken, body: { wardId: voter.homeWardId } }, (json) => json);
}
