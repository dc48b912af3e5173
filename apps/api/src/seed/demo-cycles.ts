import { eq, inArray } from 'drizzle-orm';
import type { CycleCreate, FeasibilityReviewInput, Phase, ProposalCategory } from '@allot/shared';
import type { Db } from '../db/client';
import { cycles, userRoles, users, wards } from '../db/schema';
import { listPots, setPhase } from '../modules/cycles/cycles.repository';
import { createCycle } from '../modules/cycles/cycles.service';
import { addSupport, insertComment } from '../modules/deliberation/deliberation.repository';
import { insertProposal, setStatus } from '../modules/proposals/proposals.repository';
import { upsertReview } from '../modules/reviews/reviews.repository';

/** Residents who propose, comment and support in the demo cycles (same demo password). */
export const demoCycleResidents = [
  { email: 'amira.khan@demo.test', displayName: 'Amira Khan', homeWardCode: 'NG', birthYear: 1991 },
  { email: 'tom.hughes@demo.test', displayName: 'Tom Hughes', homeWardCode: 'OH', birthYear: 1958 },
  { email: 'grace.okafor@demo.test', displayName: 'Grace Okafor', homeWardCode: 'MB', birthYear: 1984 },
  { email: 'dylan.price@demo.test', displayName: 'Dylan Price', homeWardCode: 'SA', birthYear: 2004 },
  { email: 'maggie.ross@demo.test', displayName: 'Maggie Ross', homeWardCode: 'KM', birthYear: 1949 },
  { email: 'jas.singh@demo.test', displayName: 'Jas Singh', homeWardCode: 'TF', birthYear: 1977 },
] as const;

type Resident = (typeof demoCycleResidents)[number]['email'];

interface DemoProposal {
  key: string;
  ward: string | null;
  title: string;
  description: string;
  category: ProposalCategory;
  cost: number;
  author: Resident;
  location?: string;
  contribution?: { volunteerHours?: number; inKindGoods?: string; matchFunding?: number };
  supporters?: Resident[];
  comments?: { by: Resident; body: string; replies?: { by: Resident; body: string }[] }[];
  review?: FeasibilityReviewInput;
}

const ALL: Resident[] = demoCycleResidents.map((resident) => resident.email);

const deliberationProposals: DemoProposal[] = [
  {
    key: 'ng-planters',
    ward: 'NG',
    title: 'Planters and benches on Northgate High Street',
    description:
      'The high street has nowhere to sit between the Co-op and the post office. We propose **eight timber planters with built-in benches**, planted with pollinator-friendly shrubs and looked after by the Northgate Traders’ Association.\n\n- 8 planters with seating\n- Drought-tolerant planting\n- Watering rota run by local shops',
    category: 'streets-and-transport',
    cost: 18_500,
    author: 'amira.khan@demo.test',
    location: 'Northgate High Street, between the Co-op and the post office',
    contribution: { volunteerHours: 120, inKindGoods: 'Watering and weeding by traders' },
    supporters: ['tom.hughes@demo.test', 'maggie.ross@demo.test', 'dylan.price@demo.test', 'jas.singh@demo.test'],
    comments: [
      {
        by: 'maggie.ross@demo.test',
        body: 'Yes please. I can only walk ten minutes before I need a rest, and there is nowhere to sit.',
        replies: [{ by: 'amira.khan@demo.test', body: 'Thank you Maggie, that is exactly why we suggested it. We will ask for armrests too.' }],
      },
      { by: 'dylan.price@demo.test', body: 'Could the planters have a QR code about the plants? The school could help.' },
    ],
  },
  {
    key: 'ng-football',
    ward: 'NG',
    title: 'Free Saturday football for under-12s at Northgate Rec',
    description:
      'A qualified coach, bibs, balls and pitch hire for 40 Saturday mornings, free for any child under 12. Parents from Northgate Juniors will help run it.',
    category: 'play-and-youth',
    cost: 9_800,
    author: 'amira.khan@demo.test',
    contribution: { volunteerHours: 200 },
    supporters: ['grace.okafor@demo.test', 'jas.singh@demo.test'],
  },
  {
    key: 'ng-towpath',
    ward: 'NG',
    title: 'Solar lights on the canal towpath',
    description: 'The towpath from Lock 4 to the station is pitch dark after 5pm in winter. Low-glare solar bollards would make it safer without disturbing bats.',
    category: 'safety-and-lighting',
    cost: 32_000,
    author: 'dylan.price@demo.test',
    location: 'Canal towpath, Lock 4 to Riverside station',
    supporters: ['amira.khan@demo.test'],
    comments: [{ by: 'tom.hughes@demo.test', body: 'The Canal & River Trust owns the towpath. Has anyone asked them?' }],
  },
  {
    key: 'oh-fountain',
    ward: 'OH',
    title: 'Restore the Old Harbour drinking fountain',
    description: 'The Victorian fountain on the quay has been dry since 2009. Restore it and connect it to the mains so people can refill bottles.',
    category: 'community-spaces',
    cost: 14_000,
    author: 'tom.hughes@demo.test',
    contribution: { matchFunding: 2_000 },
    supporters: ['maggie.ross@demo.test', 'grace.okafor@demo.test', 'amira.khan@demo.test'],
  },
  {
    key: 'oh-fridge',
    ward: 'OH',
    title: 'Community fridge at St Mary’s Hall',
    description: 'A fridge and freezer where shops and neighbours leave surplus food for anyone to take. Volunteers already run the hall’s food bank.',
    category: 'health-and-wellbeing',
    cost: 6_500,
    author: 'tom.hughes@demo.test',
    contribution: { volunteerHours: 300, inKindGoods: 'Electricity from St Mary’s Hall' },
    supporters: ['jas.singh@demo.test'],
  },
  {
    key: 'mb-crossing',
    ward: 'MB',
    title: 'Safe crossing outside Millbrook Primary',
    description: 'Parents have counted over 30 near misses this year on Station Road. A zebra crossing with a raised table would slow traffic at school times.',
    category: 'streets-and-transport',
    cost: 38_000,
    author: 'grace.okafor@demo.test',
    supporters: ['amira.khan@demo.test', 'tom.hughes@demo.test', 'dylan.price@demo.test', 'maggie.ross@demo.test', 'jas.singh@demo.test'],
    comments: [{ by: 'jas.singh@demo.test', body: 'My daughter walks this way. Strongly support.' }],
  },
  {
    key: 'mb-orchard',
    ward: 'MB',
    title: 'Community orchard on Millbrook allotments',
    description: 'Twenty heritage fruit trees on the unused corner plot, with a picking day every autumn.',
    category: 'parks-and-green-spaces',
    cost: 4_200,
    author: 'grace.okafor@demo.test',
    contribution: { volunteerHours: 80, inKindGoods: 'Tools from the allotment society' },
  },
  {
    key: 'sa-repair',
    ward: 'SA',
    title: 'Monthly repair café in St Aldhelm’s library',
    description: 'Volunteers fix toasters, bikes and clothes for free once a month. Funding pays for tools, PAT testing and insurance for two years.',
    category: 'environment-and-climate',
    cost: 7_800,
    author: 'dylan.price@demo.test',
    supporters: ['grace.okafor@demo.test'],
  },
  {
    key: 'km-gym',
    ward: 'KM',
    title: 'Outdoor gym in Kingsmead Park',
    description: 'Eight pieces of outdoor fitness equipment suitable for older adults, next to the bowling green.',
    category: 'health-and-wellbeing',
    cost: 24_000,
    author: 'maggie.ross@demo.test',
    supporters: ['tom.hughes@demo.test'],
  },
  {
    key: 'city-trees',
    ward: null,
    title: 'Borough-wide street tree planting with schools',
    description: 'Plant 300 street trees across all six wards, with each primary school adopting the trees on its road.',
    category: 'environment-and-climate',
    cost: 45_000,
    author: 'jas.singh@demo.test',
    supporters: ALL.filter((email) => email !== 'jas.singh@demo.test'),
  },
  {
    key: 'city-toilet',
    ward: null,
    title: 'Changing Places toilet in the town centre',
    description: 'A fully accessible toilet with a hoist and adult-sized changing bench, so disabled residents can stay in town for more than an hour.',
    category: 'health-and-wellbeing',
    cost: 55_000,
    author: 'maggie.ross@demo.test',
    supporters: ['grace.okafor@demo.test', 'dylan.price@demo.test'],
  },
];

const feasibilityProposals: DemoProposal[] = [
  {
    key: 'gs-ng-rain',
    ward: 'NG',
    title: 'Rain gardens on Tanner Street',
    description: 'Turn four unused verges into rain gardens that soak up storm water before it floods the underpass.',
    category: 'environment-and-climate',
    cost: 16_000,
    author: 'amira.khan@demo.test',
    review: {
      verdict: 'feasible_with_changes',
      costEstimate: 21_400,
      breakdown: [
        { item: 'Excavation and drainage layers', amount: 12_600 },
        { item: 'Planting and mulch', amount: 5_300 },
        { item: 'Traffic management during works', amount: 3_500 },
      ],
      publicExplanation: 'Feasible on three of the four verges; the fourth has a gas main under it. Cost includes traffic management.',
      internalNotes: 'Highways prefer to combine with the 2027 resurfacing contract.',
    },
  },
  {
    key: 'gs-ng-bikes',
    ward: 'NG',
    title: 'Secure bike hangars for terraced streets',
    description: 'Six lockable bike hangars, each holding six bikes, for streets where there is no room to keep a bike indoors.',
    category: 'streets-and-transport',
    cost: 19_800,
    author: 'dylan.price@demo.test',
    review: {
      verdict: 'feasible',
      costEstimate: 19_800,
      breakdown: [
        { item: 'Six bike hangars', amount: 16_200 },
        { item: 'Installation', amount: 3_600 },
      ],
      publicExplanation: null,
      internalNotes: null,
    },
  },
  {
    key: 'gs-oh-lido',
    ward: 'OH',
    title: 'Reopen the harbour lido',
    description: 'Bring the 1930s lido back into use for summer swimming.',
    category: 'health-and-wellbeing',
    cost: 30_000,
    author: 'tom.hughes@demo.test',
    review: {
      verdict: 'not_feasible',
      costEstimate: 1_850_000,
      breakdown: [
        { item: 'Structural repair of the pool tank', amount: 1_400_000 },
        { item: 'Filtration plant and plant room', amount: 450_000 },
      ],
      publicExplanation:
        'A structural survey found the pool tank cracked. Repairs would cost about £1.85 million, far beyond this budget. The council will look at other funding.',
      internalNotes: 'Survey report ref. OH-2026-114; do not publish the contractor name.',
    },
  },
  {
    key: 'gs-oh-benches',
    ward: 'OH',
    title: 'Memorial benches along the sea wall',
    description: 'Ten benches along the sea wall, with plaques residents can sponsor.',
    category: 'community-spaces',
    cost: 12_000,
    author: 'tom.hughes@demo.test',
  },
  {
    key: 'gs-city-bins',
    ward: null,
    title: 'Recycling bins in every park',
    description: 'Paired litter and recycling bins at every park entrance across the borough.',
    category: 'environment-and-climate',
    cost: 28_000,
    author: 'grace.okafor@demo.test',
  },
];

interface DemoCycle {
  phase: Phase;
  input: (wardIdOf: (code: string) => string) => CycleCreate;
  proposals: DemoProposal[];
  /** Status given to every proposal (feasibility cycles start from a shortlist). */
  startStatus: 'submitted' | 'shortlisted';
}

const demoCycles: DemoCycle[] = [
  {
    phase: 'deliberation',
    startStatus: 'submitted',
    proposals: deliberationProposals,
    input: (wardIdOf) => ({
      name: 'Riverside Participatory Budget 2027',
      description:
        'Riverside Borough Council has set aside £300,000 for projects chosen by residents: £40,000 for each ward and £60,000 for ideas that benefit the whole borough.',
      currency: 'GBP',
      totalBudget: 300_000,
      pots: [...['NG', 'OH', 'MB', 'SA', 'KM', 'TF'].map((code) => ({ wardId: wardIdOf(code), budget: 40_000 })), { wardId: null, budget: 60_000 }],
      schedule: {
        proposals: { start: '2026-09-01', end: '2026-10-31' },
        deliberation: { start: '2026-11-01', end: '2026-12-20' },
        feasibility: { start: '2027-01-05', end: '2027-02-28' },
        voting: { start: '2027-03-08', end: '2027-03-28' },
        counting: { start: '2027-03-29', end: '2027-04-02' },
        results: { start: '2027-04-05', end: '2027-04-30' },
        implementation: { start: '2027-05-01', end: '2028-03-31' },
      },
      rounds: [{ name: 'Community conversation', start: '2026-11-01', end: '2026-12-20', shortlistRule: { kind: 'topN', n: 5 } }],
      ballot: { kind: 'knapsack', maxCount: 10 },
      tally: { rule: 'equal-shares-add1', tieBreak: ['lowerCost', 'id'] },
      eligibility: { wardEstablishment: 'self-declared', minAge: 16, ageOnDate: '2027-03-08' },
    }),
  },
  {
    phase: 'feasibility',
    startStatus: 'shortlisted',
    proposals: feasibilityProposals,
    input: (wardIdOf) => ({
      name: 'Green Streets Fund 2026',
      description: 'A £100,000 pilot for greener, safer streets in Northgate and Old Harbour, plus borough-wide ideas.',
      currency: 'GBP',
      totalBudget: 100_000,
      pots: [
        { wardId: wardIdOf('NG'), budget: 40_000 },
        { wardId: wardIdOf('OH'), budget: 40_000 },
        { wardId: null, budget: 20_000 },
      ],
      schedule: {
        proposals: { start: '2026-05-01', end: '2026-06-15' },
        deliberation: { start: '2026-06-16', end: '2026-07-31' },
        feasibility: { start: '2026-08-01', end: '2026-12-15' },
        voting: { start: '2027-01-11', end: '2027-01-31' },
      },
      rounds: [{ name: 'Summer discussion', start: '2026-06-16', end: '2026-07-31', shortlistRule: null }],
      ballot: { kind: 'approval', maxCount: 3 },
      tally: { rule: 'greedy', tieBreak: ['lowerCost', 'id'] },
      eligibility: { wardEstablishment: 'self-declared', minAge: 16 },
    }),
  },
];

/**
 * Seeds a cycle in deliberation (proposals, comments, supports) and one in feasibility (with some
 * verdicts) on the demo wards. Idempotent: a cycle whose name already exists is left alone.
 */
export async function seedDemoCycles(db: Db, passwordHash: string): Promise<void> {
  await db.transaction(async (tx) => {
    const wardRows = await tx.select({ id: wards.id, code: wards.code }).from(wards);
    const wardIdOf = (code: string): string => {
      const row = wardRows.find((ward) => ward.code === code);
      if (row === undefined) throw new Error(`demo ward ${code} is missing`);
      return row.id;
    };
    for (const resident of demoCycleResidents) {
      const [created] = await tx
        .insert(users)
        .values({
          email: resident.email,
          passwordHash,
          displayName: resident.displayName,
          homeWardId: wardIdOf(resident.homeWardCode),
          birthYear: resident.birthYear,
        })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (created !== undefined) await tx.insert(userRoles).values({ userId: created.id, role: 'resident' });
    }
    const people = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, [...ALL]));
    const userIdOf = (email: string): string => {
      const row = people.find((person) => person.email === email);
      if (row === undefined) throw new Error(`demo resident ${email} is missing`);
      return row.id;
    };

    for (const demo of demoCycles) {
      const input = demo.input(wardIdOf);
      const existing = await tx.select({ id: cycles.id }).from(cycles).where(eq(cycles.name, input.name));
      if (existing.length > 0) continue;
      const cycle = await createCycle(tx, { userId: null }, input);
      const pots = await listPots(tx, cycle.id);
      const potOf = (ward: string | null): string => {
        const wardId = ward === null ? null : wardIdOf(ward);
        const pot = pots.find((candidate) => candidate.wardId === wardId);
        if (pot === undefined) throw new Error(`demo pot for ${ward ?? 'city'} is missing`);
        return pot.id;
      };
      for (const proposal of demo.proposals) {
        const row = await insertProposal(
          tx,
          {
            cycleId: cycle.id,
            potId: potOf(proposal.ward),
            title: proposal.title,
            description: proposal.description,
            category: proposal.category,
            estimatedCost: proposal.cost,
            location: proposal.location === undefined ? null : { description: proposal.location },
            contribution: proposal.contribution ?? null,
            status: demo.startStatus,
          },
          userIdOf(proposal.author),
        );
        for (const supporter of proposal.supporters ?? []) await addSupport(tx, row.id, userIdOf(supporter));
        for (const comment of proposal.comments ?? []) {
          const parent = await insertComment(tx, { proposalId: row.id, authorId: userIdOf(comment.by), parentId: null, body: comment.body });
          for (const reply of comment.replies ?? []) {
            await insertComment(tx, { proposalId: row.id, authorId: userIdOf(reply.by), parentId: parent.id, body: reply.body });
          }
        }
        if (proposal.review !== undefined) {
          const [staff] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'staff@demo.test'));
          await upsertReview(tx, row.id, staff?.id ?? null, proposal.review);
          await setStatus(tx, [row.id], proposal.review.verdict);
        }
      }
      await setPhase(tx, cycle.id, demo.phase);
    }
  });
}
