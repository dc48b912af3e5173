/**
 * Arranging cycles, proposals and signed-in callers of every role for the module tests
 * (cycles, proposals, deliberation, reviews, notifications). Test-only: nothing imports it at run time.
 */
import type { CycleCreate, Phase, ProposalCategory, ShortlistRule } from '@allot/shared';
import type { Db } from '../../db/client';
import { bearer, createAccount, createWard, signIn, type TestApp } from '../../../test/helpers';
import { insertProposal } from '../proposals/proposals.repository';
import { setPhase, listPots, listRounds } from './cycles.repository';
import { createCycle } from './cycles.service';

export const ROLES = ['resident', 'staff', 'councillor', 'admin'] as const;
export type Caller = 'signedOut' | (typeof ROLES)[number];
export const CALLERS: Caller[] = ['signedOut', ...ROLES];

export interface Person {
  id: string;
  token: string;
  auth: { authorization: string } | Record<string, never>;
}

export type Cast = Record<Caller, Person>;

/** One signed-in account per role (the councillor holds `wardId`), plus a signed-out caller. */
export async function arrangeCast(t: TestApp, wardId: string): Promise<Cast> {
  const cast = { signedOut: { id: '', token: '', auth: {} } } as Cast;
  for (const role of ROLES) {
    const account = await createAccount(t.db, {
      roles: [role],
      homeWardId: role === 'resident' ? wardId : null,
      ...(role === 'councillor' ? { councillorWardIds: [wardId] } : {}),
    });
    const { accessToken } = await signIn(t.app, account.email);
    cast[role] = { id: account.id, token: accessToken, auth: bearer(accessToken) };
  }
  return cast;
}

export async function arrangeResident(t: TestApp, wardId: string | null = null): Promise<Person> {
  const account = await createAccount(t.db, { roles: ['resident'], homeWardId: wardId });
  const { accessToken } = await signIn(t.app, account.email);
  return { id: account.id, token: accessToken, auth: bearer(accessToken) };
}

export function cycleInput(wardIds: string[], overrides: Partial<CycleCreate> = {}): CycleCreate {
  const perWard = 50_000;
  const cityWide = 20_000;
  return {
    name: 'Riverside 2027',
    description: 'Our second participatory budget.',
    currency: 'GBP',
    totalBudget: perWard * wardIds.length + cityWide,
    pots: [...wardIds.map((wardId) => ({ wardId, budget: perWard })), { wardId: null, budget: cityWide }],
    schedule: {
      proposals: { start: '2027-01-04', end: '2027-02-14' },
      deliberation: { start: '2027-02-15', end: '2027-03-14' },
      feasibility: { start: '2027-03-15', end: '2027-04-30' },
      voting: { start: '2027-05-03', end: '2027-05-23' },
    },
    rounds: [{ name: 'Discussion', start: '2027-02-15', end: '2027-03-14', shortlistRule: null }],
    ballot: { kind: 'approval', maxCount: 5 },
    tally: { rule: 'greedy', tieBreak: ['lowerCost', 'id'] },
    eligibility: { wardEstablishment: 'self-declared', minAge: 16 },
    ...overrides,
  };
}

export interface ArrangedCycle {
  id: string;
  wardIds: string[];
  /** Pot ids by ward id; the city-wide pot under 'city'. */
  pots: Record<string, string>;
  cityPotId: string;
  roundIds: string[];
}

/** A cycle with one pot per new ward plus a city-wide pot, put straight into `phase`. */
export async function arrangeCycle(
  db: Db,
  options: { phase?: Phase; wards?: number; wardIds?: string[]; rounds?: { shortlistRule: ShortlistRule | null }[] } = {},
): Promise<ArrangedCycle> {
  const wardIds = options.wardIds ?? [];
  for (let i = wardIds.length; i < (options.wards ?? 2); i++) wardIds.push((await createWard(db)).id);
  const rounds = (options.rounds ?? [{ shortlistRule: null }]).map((round, index) => ({
    name: `Round ${index + 1}`,
    start: '2027-02-15',
    end: '2027-03-14',
    shortlistRule: round.shortlistRule,
  }));
  const cycle = await createCycle(db, { userId: null }, cycleInput(wardIds, { rounds }));
  if (options.phase !== undefined && options.phase !== 'draft') await setPhase(db, cycle.id, options.phase);
  const pots: Record<string, string> = {};
  for (const pot of await listPots(db, cycle.id)) pots[pot.wardId ?? 'city'] = pot.id;
  return {
    id: cycle.id,
    wardIds,
    pots,
    cityPotId: pots.city ?? '',
    roundIds: (await listRounds(db, cycle.id)).map((round) => round.id),
  };
}

export async function arrangeProposal(
  db: Db,
  cycle: ArrangedCycle,
  authorId: string,
  overrides: { potId?: string; title?: string; estimatedCost?: number; category?: ProposalCategory; status?: 'submitted' | 'shortlisted' } = {},
): Promise<string> {
  const row = await insertProposal(
    db,
    {
      cycleId: cycle.id,
      potId: overrides.potId ?? cycle.pots[cycle.wardIds[0] ?? ''] ?? cycle.cityPotId,
      title: overrides.title ?? 'Benches along the river path',
      description: 'Six oak benches between the bridge and the boathouse, so older residents can rest.',
      category: overrides.category ?? 'parks-and-green-spaces',
      estimatedCost: overrides.estimatedCost ?? 12_000,
      status: overrides.status ?? 'submitted',
    },
    authorId,
  );
  return row.id;
}
