import { eq, inArray } from 'drizzle-orm';
import type { CycleCreate, PotSelection, ProposalCategory } from '@allot/shared';
import type { Db } from '../db/client';
import { cycles, userRoles, users, wards } from '../db/schema';
import { castOnlineBallot, castPaperBallot } from '../modules/ballots/ballots.service';
import { listPots, setPhase } from '../modules/cycles/cycles.repository';
import { createCycle } from '../modules/cycles/cycles.service';
import { publishResults, tallyCycle } from '../modules/results/results.service';
import { createMilestone, postUpdate, setProgress } from '../modules/implementation/implementation.service';
import { demoCycleResidents } from './demo-cycles';
import { addFeasibleProject } from './feasible-project';
import { seededRandom } from './random';

export const DEMO_RESULTS_CYCLE = 'Greener Streets 2026';

type WardCode = 'NG' | 'OH' | 'MB' | 'SA';
const WARDS: readonly WardCode[] = ['NG', 'OH', 'MB', 'SA'];

interface Project {
  key: string;
  ward: WardCode | null;
  title: string;
  description: string;
  category: ProposalCategory;
  cost: number;
  /** Share of the pot's voters who approve it (the demo's "popularity"). */
  appeal: number;
  contribution?: { volunteerHours?: number; inKindGoods?: string; matchFunding?: number };
}

const projects: Project[] = [
  { key: 'ng-trees', ward: 'NG', title: 'Street trees for Mill Road', description: 'Twelve street trees with tree pits and guards along Mill Road, planted with the school eco-club.', category: 'parks-and-green-spaces', cost: 18_000, appeal: 0.62, contribution: { volunteerHours: 120 } },
  { key: 'ng-planters', ward: 'NG', title: 'Planters and benches on Foundry Lane', description: 'Six large planters and three benches to make the Foundry Lane shops a nicer place to stop.', category: 'streets-and-transport', cost: 9_500, appeal: 0.44 },
  { key: 'ng-pond', ward: 'NG', title: 'Restore the Northgate Rec pond', description: 'Clear the silted pond, re-line it and add a dipping platform for school visits.', category: 'environment-and-climate', cost: 24_000, appeal: 0.31, contribution: { matchFunding: 5_000 } },
  { key: 'ng-bins', ward: 'NG', title: 'Recycling points by the flats', description: 'Three covered recycling points for the Northgate flats, with clear signs in four languages.', category: 'environment-and-climate', cost: 7_000, appeal: 0.27 },
  { key: 'oh-seawall', ward: 'OH', title: 'Wildflower strip along the sea wall', description: 'A 400-metre wildflower strip behind the sea wall, sown and looked after by volunteers.', category: 'parks-and-green-spaces', cost: 8_000, appeal: 0.58, contribution: { volunteerHours: 200, inKindGoods: 'Seed and tools from the Harbour Gardeners' } },
  { key: 'oh-cycle', ward: 'OH', title: 'Covered cycle parking at the ferry', description: 'Secure covered parking for 30 bikes next to the ferry terminal.', category: 'streets-and-transport', cost: 22_000, appeal: 0.41 },
  { key: 'oh-fountain', ward: 'OH', title: 'Drinking fountain on the promenade', description: 'A refill fountain with a dog bowl halfway along the promenade.', category: 'health-and-wellbeing', cost: 6_500, appeal: 0.36 },
  { key: 'oh-garden', ward: 'OH', title: 'Community garden at the old bowls green', description: 'Raised beds, a shed and a water butt on the disused bowls green, run by a residents group.', category: 'parks-and-green-spaces', cost: 15_000, appeal: 0.33, contribution: { matchFunding: 3_000, volunteerHours: 150 } },
  { key: 'mb-crossing', ward: 'MB', title: 'Safer crossing by Millbrook school', description: 'A raised table crossing with flashing signs outside the primary school gate.', category: 'safety-and-lighting', cost: 21_000, appeal: 0.57 },
  { key: 'mb-orchard', ward: 'MB', title: 'Millbrook community orchard', description: 'Twenty fruit trees on the green by the brook, with a yearly harvest day.', category: 'parks-and-green-spaces', cost: 6_000, appeal: 0.46, contribution: { volunteerHours: 80, inKindGoods: 'Trees grafted by the allotment society' } },
  { key: 'mb-lights', ward: 'MB', title: 'Lighting on the brook footpath', description: 'Low, bat-friendly lighting along the footpath between the station and the estate.', category: 'safety-and-lighting', cost: 16_000, appeal: 0.38 },
  { key: 'sa-parklet', ward: 'SA', title: "Parklet outside St Aldhelm's library", description: 'A timber parklet with seating and planting in two parking spaces outside the library.', category: 'streets-and-transport', cost: 12_000, appeal: 0.49 },
  { key: 'sa-hedges', ward: 'SA', title: 'Hedges instead of fences on Church Walk', description: 'Replace broken fencing on Church Walk with a mixed native hedge.', category: 'environment-and-climate', cost: 9_000, appeal: 0.43 },
  { key: 'sa-gym', ward: 'SA', title: 'Outdoor gym in Abbey Park', description: 'Six pieces of outdoor gym equipment with instructions, next to the running track.', category: 'health-and-wellbeing', cost: 19_000, appeal: 0.4 },
  { key: 'city-repair', ward: null, title: 'Repair cafés in four libraries', description: 'Tools, tables and a year of monthly repair cafés in four libraries, run with volunteers.', category: 'environment-and-climate', cost: 14_000, appeal: 0.45, contribution: { volunteerHours: 300 } },
  { key: 'city-water', ward: null, title: 'Rain gardens on three school streets', description: 'Rain gardens that catch storm water on three streets outside schools.', category: 'environment-and-climate', cost: 32_000, appeal: 0.37, contribution: { matchFunding: 10_000 } },
  { key: 'city-map', ward: null, title: 'Walking map of green routes', description: 'A printed and online map of quiet green walking routes across the borough.', category: 'arts-and-culture', cost: 5_000, appeal: 0.3 },
];

/** Demo voters per ward (plus the named demo residents and accounts where they live there). */
const VOTERS_PER_WARD: Record<WardCode, number> = { NG: 96, OH: 84, MB: 62, SA: 58 };
/** Birth years are drawn around these ages; one in twelve voters gave no birth year. */
const AGE_WEIGHTS: [minAge: number, maxAge: number, weight: number][] = [
  [16, 17, 3],
  [18, 24, 8],
  [25, 34, 15],
  [35, 44, 19],
  [45, 54, 18],
  [55, 64, 17],
  [65, 74, 14],
  [75, 88, 6],
];

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The year the demo vote took place: voting ran for two weeks in late spring. */
function demoResultsWindow(now: Date): { start: Date; end: Date } {
  const year = now.getUTCMonth() >= 6 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return { start: new Date(Date.UTC(year, 4, 11)), end: new Date(Date.UTC(year, 4, 24)) };
}

interface DemoVoter {
  id: string;
  ward: WardCode;
}

async function createDemoVoters(db: Db, passwordHash: string, wardIdOf: (code: string) => string, year: number): Promise<DemoVoter[]> {
  const draw = seededRandom(2026);
  const totalWeight = AGE_WEIGHTS.reduce((sum, [, , weight]) => sum + weight, 0);
  const birthYear = (): number | null => {
    if (draw() < 1 / 12) return null;
    let pick = draw() * totalWeight;
    for (const [min, max, weight] of AGE_WEIGHTS) {
      if (pick < weight) return year - (min + Math.floor(draw() * (max - min + 1)));
      pick -= weight;
    }
    return year - 40;
  };
  const voters: DemoVoter[] = [];
  for (const ward of WARDS) {
    const rows = Array.from({ length: VOTERS_PER_WARD[ward] }, (_, index) => ({
      email: `voter.${ward.toLowerCase()}.${String(index + 1).padStart(3, '0')}@demo.test`,
      passwordHash,
      displayName: `Demo voter ${ward}-${String(index + 1).padStart(3, '0')}`,
      homeWardId: wardIdOf(ward),
      birthYear: birthYear(),
    }));
    const created = await db.insert(users).values(rows).onConflictDoNothing().returning({ id: users.id });
    if (created.length > 0) await db.insert(userRoles).values(created.map((row) => ({ userId: row.id, role: 'resident' as const })));
    const all = await db
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.email, rows.map((row) => row.email)));
    voters.push(...all.map((row) => ({ id: row.id, ward })));
  }
  // The named demo residents of these wards vote too.
  const named = demoCycleResidents.filter((resident) => (WARDS as readonly string[]).includes(resident.homeWardCode));
  const namedRows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, named.map((resident) => resident.email)));
  for (const row of namedRows) {
    const resident = named.find((candidate) => candidate.email === row.email);
    if (resident !== undefined) voters.push({ id: row.id, ward: resident.homeWardCode as WardCode });
  }
  return voters;
}

/** When a voter cast: busier on the first two days and the last day, as real votes are. */
function castDay(draw: () => number, days: number): number {
  const roll = draw();
  if (roll < 0.22) return 0;
  if (roll < 0.34) return 1;
  if (roll < 0.5) return days - 1;
  return 2 + Math.floor(draw() * (days - 3));
}

interface SeededResultsCycle {
  cycleId: string;
  /** Proposal ids by demo key. */
  projectIds: Map<string, string>;
}

/**
 * A finished vote: an approval ballot counted by the method of equal shares with both usual
 * completions ("increase the per-voter budget", then the money left goes to the most-voted
 * projects that still fit), cast last spring by a few hundred demo voters
 * online and on paper. Leaves the cycle in `counting`; the results seed counts and publishes it.
 * Idempotent: returns null when the cycle already exists.
 */
async function seedDemoResultsVote(db: Db, passwordHash: string, ballotSecret: string, now = new Date()): Promise<SeededResultsCycle | null> {
  const existing = await db.select({ id: cycles.id }).from(cycles).where(eq(cycles.name, DEMO_RESULTS_CYCLE));
  if (existing.length > 0) return null;
  const window = demoResultsWindow(now);
  const wardRows = await db.select({ id: wards.id, code: wards.code }).from(wards);
  const wardIdOf = (code: string): string => {
    const row = wardRows.find((ward) => ward.code === code);
    if (row === undefined) throw new Error(`demo ward ${code} is missing`);
    return row.id;
  };
  const [staff] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'staff@demo.test'));
  if (staff === undefined) throw new Error('demo staff account is missing');
  const voters = await createDemoVoters(db, passwordHash, wardIdOf, window.start.getUTCFullYear());

  const year = window.start.getUTCFullYear();
  const input: CycleCreate = {
    name: DEMO_RESULTS_CYCLE,
    description: `Riverside's £220,000 fund for greener, safer streets in Northgate, Old Harbour, Millbrook and St Aldhelm's, plus borough-wide ideas. Voted in May ${year}, counted by the method of equal shares so that every group of residents gets a fair share of each pot, with any money left over going to the most-voted projects that still fit.`,
    currency: 'GBP',
    totalBudget: 220_000,
    pots: [...WARDS.map((code) => ({ wardId: wardIdOf(code), budget: 40_000 })), { wardId: null, budget: 60_000 }],
    schedule: {
      proposals: { start: `${year - 1}-09-01`, end: `${year - 1}-10-31` },
      deliberation: { start: `${year - 1}-11-01`, end: `${year - 1}-12-15` },
      feasibility: { start: `${year}-01-05`, end: `${year}-03-31` },
      voting: { start: isoDay(window.start), end: isoDay(window.end) },
    },
    rounds: [{ name: 'Autumn discussion', start: `${year - 1}-11-01`, end: `${year - 1}-12-15`, shortlistRule: null }],
    ballot: { kind: 'approval', maxCount: 4 },
    tally: { rule: 'equal-shares-add1-greedy', tieBreak: ['lowerCost', 'id'] },
    eligibility: { wardEstablishment: 'self-declared' },
  };
  const projectIds = new Map<string, string>();
  const cycleId = await db.transaction(async (tx) => {
    const cycle = await createCycle(tx, { userId: null }, input);
    const pots = await listPots(tx, cycle.id);
    for (const [index, project] of projects.entries()) {
      const wardId = project.ward === null ? null : wardIdOf(project.ward);
      const pot = pots.find((candidate) => candidate.wardId === wardId);
      if (pot === undefined) throw new Error('demo pot missing');
      const author = voters[(index * 37) % voters.length]?.id ?? staff.id;
      const id = await addFeasibleProject(
        tx,
        {
          cycleId: cycle.id,
          potId: pot.id,
          title: project.title,
          description: project.description,
          category: project.category,
          cost: project.cost,
          contribution: project.contribution,
          costItem: 'Supply and works',
        },
        author,
        staff.id,
      );
      projectIds.set(project.key, id);
    }
    await setPhase(tx, cycle.id, 'voting');
    return cycle.id;
  });

  const potIdOf = new Map((await listPots(db, cycleId)).map((pot) => [pot.wardId, pot.id]));
  const draw = seededRandom(5);
  const days = Math.round((window.end.getTime() - window.start.getTime()) / DAY) + 1;
  const clerk = { userId: staff.id, roles: ['staff' as const], sessionId: '' };
  for (const voter of voters) {
    const selections: PotSelection[] = [];
    for (const ward of [voter.ward, null] as const) {
      const offered = projects.filter((project) => project.ward === ward);
      const chosen = offered
        .filter((project) => draw() < project.appeal)
        .slice(0, 4)
        .map((project) => projectIds.get(project.key) ?? '');
      const potId = potIdOf.get(ward === null ? null : wardIdOf(ward));
      if (chosen.length > 0 && potId !== undefined) selections.push({ potId, projects: chosen });
    }
    if (selections.length === 0) continue;
    const castAt = new Date(window.start.getTime() + castDay(draw, days) * DAY + (8 + Math.floor(draw() * 12)) * 60 * 60 * 1000);
    if (draw() < 0.2) {
      await db.transaction((tx) => castPaperBallot(tx, ballotSecret, clerk, { cycleId, userId: voter.id, selections }, castAt));
    } else {
      await castOnlineBallot(db, ballotSecret, { userId: voter.id, roles: ['resident'], sessionId: '' }, { cycleId, selections }, castAt);
    }
  }
  await setPhase(db, cycleId, 'counting');
  return { cycleId, projectIds };
}

/** Delivery so far for the funded projects, keyed by demo project key (those not funded are skipped). */
const delivery: Record<string, { progress: number; milestones: { title: string; status: 'planned' | 'in_progress' | 'done'; monthsAfterVote: number }[]; update?: string }> = {
  'ng-trees': {
    progress: 60,
    milestones: [
      { title: 'Tree species agreed with the school eco-club', status: 'done', monthsAfterVote: 1 },
      { title: 'Tree pits dug and guards installed', status: 'done', monthsAfterVote: 3 },
      { title: 'Planting day with volunteers', status: 'in_progress', monthsAfterVote: 6 },
      { title: 'First summer of watering checked', status: 'planned', monthsAfterVote: 14 },
    ],
    update: 'The tree pits on Mill Road are ready. Planting is booked for the first weekend of the planting season; the eco-club will plant the first three trees.',
  },
  'oh-seawall': {
    progress: 100,
    milestones: [
      { title: 'Ground prepared behind the sea wall', status: 'done', monthsAfterVote: 1 },
      { title: 'Wildflower seed sown by volunteers', status: 'done', monthsAfterVote: 2 },
    ],
    update: 'The wildflower strip is sown along the whole 400 metres. Thank you to the 34 volunteers from the Harbour Gardeners who came along.',
  },
  'mb-crossing': {
    progress: 25,
    milestones: [
      { title: 'Road safety audit', status: 'done', monthsAfterVote: 2 },
      { title: 'Traffic order consultation', status: 'in_progress', monthsAfterVote: 5 },
      { title: 'Crossing built in the school holidays', status: 'planned', monthsAfterVote: 14 },
    ],
  },
  'city-repair': {
    progress: 40,
    milestones: [
      { title: 'Tools and tables bought', status: 'done', monthsAfterVote: 2 },
      { title: 'Repair cafés running in all four libraries', status: 'in_progress', monthsAfterVote: 4 },
    ],
    update: 'Repair cafés now run monthly at Northgate and Millbrook libraries. Old Harbour and St Aldhelm’s start next month.',
  },
};

const addMonths = (date: Date, months: number): string => isoDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 15)));

/**
 * The finished vote counted, published and in delivery: the cycle ends in the implementation
 * phase with progress, milestones and updates on some funded projects. Counting and publication
 * go through the same service functions as the admin's buttons.
 */
export async function seedDemoResults(db: Db, passwordHash: string, ballotSecret: string, now = new Date()): Promise<void> {
  const seeded = await seedDemoResultsVote(db, passwordHash, ballotSecret, now);
  if (seeded === null) return;
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@demo.test'));
  const [staff] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'staff@demo.test'));
  if (admin === undefined || staff === undefined) throw new Error('demo admin or staff account is missing');
  const results = await tallyCycle(db, { userId: admin.id, requestId: 'demo-seed' }, seeded.cycleId);
  await publishResults(db, { userId: admin.id, requestId: 'demo-seed' }, seeded.cycleId);
  await setPhase(db, seeded.cycleId, 'implementation');

  const funded = new Set(results.pots.flatMap((pot) => pot.funded));
  const voteEnd = demoResultsWindow(now).end;
  const writer = { userId: staff.id, requestId: 'demo-seed' };
  for (const [key, plan] of Object.entries(delivery)) {
    const projectId = seeded.projectIds.get(key);
    if (projectId === undefined || !funded.has(projectId)) continue;
    await setProgress(db, writer, projectId, { progress: plan.progress });
    for (const milestone of plan.milestones) {
      const due = addMonths(voteEnd, milestone.monthsAfterVote);
      await createMilestone(db, writer, projectId, {
        title: milestone.title,
        status: milestone.status,
        dueOn: due,
        completedOn: milestone.status === 'done' && due <= isoDay(now) ? due : null,
      });
    }
    if (plan.update !== undefined) await postUpdate(db, writer, projectId, { body: plan.update });
  }
}
