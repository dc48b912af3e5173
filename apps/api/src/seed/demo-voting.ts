import { eq, inArray } from 'drizzle-orm';
import type { CycleCreate, PotSelection, ProposalCategory } from '@allot/shared';
import type { Db } from '../db/client';
import { cycles, users, wards } from '../db/schema';
import { castOnlineBallot } from '../modules/ballots/ballots.service';
import { listPots, setPhase } from '../modules/cycles/cycles.repository';
import { createCycle } from '../modules/cycles/cycles.service';
import { demoCycleResidents } from './demo-cycles';
import { addFeasibleProject } from './feasible-project';

export const DEMO_VOTING_CYCLE = 'Play Spaces Fund';

interface Project {
  key: string;
  ward: 'NG' | 'OH' | null;
  title: string;
  description: string;
  category: ProposalCategory;
  cost: number;
}

const projects: Project[] = [
  { key: 'ng-swings', ward: 'NG', title: 'Accessible swings for Northgate Rec', description: 'Two wheelchair-accessible swings and a soft surface under them, next to the existing climbing frame.', category: 'parks-and-green-spaces', cost: 14_000 },
  { key: 'ng-mural', ward: 'NG', title: 'Chalk wall and mural at Foundry Lane', description: 'A chalkboard wall for children and a mural painted with the primary school on the blank side of the community centre.', category: 'arts-and-culture', cost: 6_500 },
  { key: 'ng-shelter', ward: 'NG', title: 'Rain shelter for parents at the playground', description: 'A timber shelter with two benches so parents and carers can wait out of the rain.', category: 'parks-and-green-spaces', cost: 11_000 },
  { key: 'oh-sandpit', ward: 'OH', title: 'Harbour Green sand and water play', description: 'A covered sandpit with a hand pump and water channels for under-eights.', category: 'parks-and-green-spaces', cost: 17_500 },
  { key: 'oh-lighting', ward: 'OH', title: 'Solar lights on the skate park path', description: 'Eight solar bollards along the path from the bus stop to the skate park, for safer winter evenings.', category: 'safety-and-lighting', cost: 9_000 },
  { key: 'oh-table-tennis', ward: 'OH', title: 'Outdoor table tennis tables', description: 'Two concrete table tennis tables by the harbour wall, with bats to borrow from the café.', category: 'play-and-youth', cost: 5_500 },
  { key: 'city-play-streets', ward: null, title: 'Play Streets kit for every ward', description: 'Road-closure signs, cones and a storage box per ward so residents can run monthly play streets.', category: 'streets-and-transport', cost: 12_000 },
  { key: 'city-map', ward: null, title: 'Printed and online map of play spaces', description: 'A map of every play space in the borough with accessibility notes, printed for libraries and online.', category: 'arts-and-culture', cost: 4_000 },
];

/** Who voted in the demo, and for what (Rosa Resident is left to vote herself). */
const demoVotes: { email: string; choose: string[] }[] = [
  { email: 'amira.khan@demo.test', choose: ['ng-swings', 'ng-shelter', 'city-play-streets'] },
  { email: 'tom.hughes@demo.test', choose: ['oh-lighting', 'oh-table-tennis', 'city-map'] },
  { email: 'councillor@demo.test', choose: ['oh-sandpit', 'city-play-streets'] },
];

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
const daysFrom = (date: Date, days: number): Date => new Date(date.getTime() + days * 24 * 60 * 60 * 1000);

/**
 * A cycle in voting (open from a week ago for three weeks, so the demo can vote today) with
 * feasible projects on its ballot and a few ballots already cast. Idempotent: an existing cycle
 * of the same name is left alone. Ballots go through the same cast path as the API.
 */
export async function seedDemoVoting(db: Db, ballotSecret: string, now = new Date()): Promise<void> {
  const existing = await db.select({ id: cycles.id }).from(cycles).where(eq(cycles.name, DEMO_VOTING_CYCLE));
  if (existing.length > 0) return;
  const wardRows = await db.select({ id: wards.id, code: wards.code }).from(wards).where(inArray(wards.code, ['NG', 'OH']));
  const wardIdOf = (code: string): string => {
    const row = wardRows.find((ward) => ward.code === code);
    if (row === undefined) throw new Error(`demo ward ${code} is missing`);
    return row.id;
  };
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [...demoCycleResidents.map((resident) => resident.email), 'staff@demo.test', 'councillor@demo.test']));
  const userIdOf = (email: string): string => {
    const row = people.find((person) => person.email === email);
    if (row === undefined) throw new Error(`demo account ${email} is missing`);
    return row.id;
  };

  const input: CycleCreate = {
    name: DEMO_VOTING_CYCLE,
    description: 'A £90,000 fund for places to play in Northgate and Old Harbour, plus borough-wide ideas. Choose up to three projects in your ward and up to three borough-wide.',
    currency: 'GBP',
    totalBudget: 90_000,
    pots: [
      { wardId: wardIdOf('NG'), budget: 30_000 },
      { wardId: wardIdOf('OH'), budget: 30_000 },
      { wardId: null, budget: 30_000 },
    ],
    schedule: { voting: { start: isoDay(daysFrom(now, -7)), end: isoDay(daysFrom(now, 14)) } },
    rounds: [{ name: 'Spring discussion', start: isoDay(daysFrom(now, -90)), end: isoDay(daysFrom(now, -60)), shortlistRule: null }],
    ballot: { kind: 'approval', maxCount: 3 },
    tally: { rule: 'greedy', tieBreak: ['lowerCost', 'id'] },
    eligibility: { wardEstablishment: 'self-declared', minAge: 16 },
  };
  const proposalIds = new Map<string, string>();
  const cycleId = await db.transaction(async (tx) => {
    const cycle = await createCycle(tx, { userId: null }, input);
    const pots = await listPots(tx, cycle.id);
    const staffId = userIdOf('staff@demo.test');
    for (const [index, project] of projects.entries()) {
      const wardId = project.ward === null ? null : wardIdOf(project.ward);
      const pot = pots.find((candidate) => candidate.wardId === wardId);
      if (pot === undefined) throw new Error('demo pot missing');
      const author = demoCycleResidents[index % demoCycleResidents.length]?.email ?? 'amira.khan@demo.test';
      const id = await addFeasibleProject(
        tx,
        { cycleId: cycle.id, potId: pot.id, title: project.title, description: project.description, category: project.category, cost: project.cost, costItem: 'Supply and installation' },
        userIdOf(author),
        staffId,
      );
      proposalIds.set(project.key, id);
    }
    await setPhase(tx, cycle.id, 'voting');
    return cycle.id;
  });

  const potIds = new Map((await listPots(db, cycleId)).map((pot) => [pot.wardId, pot.id]));
  for (const vote of demoVotes) {
    const byPot = new Map<string, string[]>();
    for (const key of vote.choose) {
      const project = projects.find((candidate) => candidate.key === key);
      const potId = potIds.get(project?.ward === undefined || project.ward === null ? null : wardIdOf(project.ward));
      const id = proposalIds.get(key);
      if (potId === undefined || id === undefined) throw new Error(`demo project ${key} is missing`);
      byPot.set(potId, [...(byPot.get(potId) ?? []), id]);
    }
    const selections: PotSelection[] = [...byPot].map(([potId, chosen]) => ({ potId, projects: chosen }));
    await castOnlineBallot(db, ballotSecret, { userId: userIdOf(vote.email), roles: ['resident'], sessionId: '' }, { cycleId, selections }, now);
  }
}
