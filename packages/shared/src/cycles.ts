import { z } from 'zod';
import { WardId } from './wards';

/** The phases of a PB cycle, in their fixed order. A cycle only ever moves forward. */
export const PHASES = [
  'draft',
  'proposals',
  'deliberation',
  'feasibility',
  'voting',
  'counting',
  'results',
  'implementation',
  'closed',
] as const;
export const Phase = z.enum(PHASES);
export type Phase = z.infer<typeof Phase>;

/** Plain-language names of the phases, for residents. */
export const PHASE_LABELS: Record<Phase, string> = {
  draft: 'Being prepared',
  proposals: 'Sharing ideas',
  deliberation: 'Discussing ideas',
  feasibility: 'Checking feasibility',
  voting: 'Voting',
  counting: 'Counting votes',
  results: 'Results',
  implementation: 'Delivering projects',
  closed: 'Closed',
};

/** Position of a phase in the fixed order (draft = 0). */
export function phaseIndex(phase: Phase): number {
  return PHASES.indexOf(phase);
}

export const CycleId = z.string().uuid();
export const PotId = z.string().uuid();

/** Whole currency units (no pence): a non-negative JSON integer. */
export const Money = z.number().int('Use whole currency units (no pence)').nonnegative().max(Number.MAX_SAFE_INTEGER);
/** A strictly positive amount in whole currency units. */
export const PositiveMoney = z
  .number()
  .int('Use whole currency units (no pence)')
  .positive('Enter an amount above zero')
  .max(Number.MAX_SAFE_INTEGER);

/** ISO 4217 code, e.g. GBP. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as GBP');

/** A calendar date, YYYY-MM-DD. */
export const IsoDate = z.iso.date('Use a date like 2027-03-31');

export const DateRange = z
  .strictObject({ start: IsoDate, end: IsoDate })
  .refine((range) => range.start <= range.end, { message: 'The end date must not be before the start date', path: ['end'] });
export type DateRange = z.infer<typeof DateRange>;

/**
 * Scheduled start/end dates per phase (after draft). Phases may be left unscheduled; those that
 * are scheduled must not start before an earlier phase starts.
 */
export const Schedule = z
  .strictObject({
    proposals: DateRange.optional(),
    deliberation: DateRange.optional(),
    feasibility: DateRange.optional(),
    voting: DateRange.optional(),
    counting: DateRange.optional(),
    results: DateRange.optional(),
    implementation: DateRange.optional(),
    closed: DateRange.optional(),
  })
  .superRefine((schedule, ctx) => {
    let previous: { phase: Phase; start: string } | undefined;
    for (const phase of PHASES) {
      if (phase === 'draft') continue;
      const range = schedule[phase];
      if (range === undefined) continue;
      if (previous !== undefined && range.start < previous.start) {
        ctx.addIssue({
          code: 'custom',
          path: [phase, 'start'],
          message: `The ${phase} phase cannot start before the ${previous.phase} phase`,
        });
      }
      previous = { phase, start: range.start };
    }
  });
export type Schedule = z.infer<typeof Schedule>;

const Count = z.number().int().min(0).max(1000);

const countBounds = (value: { minCount?: number | undefined; maxCount?: number | undefined }, ctx: z.RefinementCtx) => {
  if (value.minCount !== undefined && value.maxCount !== undefined && value.minCount > value.maxCount) {
    ctx.addIssue({ code: 'custom', path: ['maxCount'], message: 'The maximum must not be below the minimum' });
  }
};

/** Minimum spend on a knapsack ballot: an amount in whole units, or a percentage of the pot. */
export const MinSpend = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.literal('amount'), value: Money }),
  z.strictObject({ unit: z.literal('percent'), value: z.number().int().min(0).max(100) }),
]);
export type MinSpend = z.infer<typeof MinSpend>;

export const ApprovalBallot = z
  .strictObject({ kind: z.literal('approval'), minCount: Count.optional(), maxCount: Count.min(1).optional() })
  .superRefine(countBounds);
export const KnapsackBallot = z
  .strictObject({
    kind: z.literal('knapsack'),
    minCount: Count.optional(),
    maxCount: Count.min(1).optional(),
    minSpend: MinSpend.optional(),
  })
  .superRefine(countBounds);
export const CumulativeBallot = z
  .strictObject({
    kind: z.literal('cumulative'),
    points: z.number().int().min(1).max(1000).describe('Points each voter spreads across projects'),
    perProjectCap: z.number().int().min(1).max(1000).optional().describe('Most points one project may get'),
  })
  .refine((value) => value.perProjectCap === undefined || value.perProjectCap <= value.points, {
    message: 'The per-project cap cannot exceed the points available',
    path: ['perProjectCap'],
  });
export const RankedBallot = z.strictObject({
  kind: z.literal('ranked'),
  maxRanks: z.number().int().min(1).max(100).optional().describe('How many projects a voter may rank'),
});

/** How residents fill in their ballot; validated per kind. */
export const BallotSettings = z.discriminatedUnion('kind', [ApprovalBallot, KnapsackBallot, CumulativeBallot, RankedBallot]);
export type BallotSettings = z.infer<typeof BallotSettings>;
export type BallotKind = BallotSettings['kind'];
export const BallotKind = z.enum(['approval', 'knapsack', 'cumulative', 'ranked']);

export const TallyRule = z.enum(['greedy', 'equal-shares', 'equal-shares-add1', 'phragmen', 'max-welfare', 'equal-shares-add1-greedy']);
export type TallyRule = z.infer<typeof TallyRule>;

/** The tally rules that make sense for each ballot kind (Phragmén needs approval sets). */
export const TALLY_RULES_BY_BALLOT_KIND: Record<BallotKind, readonly TallyRule[]> = {
  approval: ['greedy', 'equal-shares', 'equal-shares-add1', 'phragmen', 'max-welfare', 'equal-shares-add1-greedy'],
  knapsack: ['greedy', 'equal-shares', 'equal-shares-add1', 'phragmen', 'max-welfare', 'equal-shares-add1-greedy'],
  cumulative: ['greedy', 'equal-shares', 'equal-shares-add1', 'max-welfare', 'equal-shares-add1-greedy'],
  ranked: ['greedy'],
};

export const TieBreakCriterion = z.enum(['lowerCost', 'higherCost', 'moreVotes', 'id']);
export type TieBreakCriterion = z.infer<typeof TieBreakCriterion>;
export const DEFAULT_TIE_BREAK: TieBreakCriterion[] = ['lowerCost', 'id'];

export const TallySettings = z.strictObject({
  rule: TallyRule,
  tieBreak: z
    .array(TieBreakCriterion)
    .min(1)
    .max(4)
    .refine((items) => new Set(items).size === items.length, 'List each tie-break criterion once')
    .default(DEFAULT_TIE_BREAK),
});
export type TallySettings = z.infer<typeof TallySettings>;
export type TallySettingsInput = z.input<typeof TallySettings>;

export const EligibilitySettings = z.strictObject({
  wardEstablishment: z.enum(['self-declared', 'verified']),
  minAge: z.number().int().min(0).max(120).optional(),
  ageOnDate: IsoDate.optional().describe('The date on which the minimum age applies (default: voting start)'),
});
export type EligibilitySettings = z.infer<typeof EligibilitySettings>;

export const ShortlistRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('topN'), n: z.number().int().min(1).max(1000).describe('Per pot, by supports; ties at the cut-off all go through') }),
  z.strictObject({ kind: z.literal('threshold'), minSupports: z.number().int().min(1).max(1_000_000) }),
]);
export type ShortlistRule = z.infer<typeof ShortlistRule>;

export const RoundInput = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    start: IsoDate,
    end: IsoDate,
    shortlistRule: ShortlistRule.nullable().default(null),
  })
  .refine((round) => round.start <= round.end, { message: 'The end date must not be before the start date', path: ['end'] });
export type RoundInput = z.input<typeof RoundInput>;

export const PotInput = z.strictObject({
  wardId: WardId.nullable().describe('The ward of this pot; null for the city-wide pot'),
  name: z.string().trim().min(1).max(120).optional().describe('Defaults to the ward name, or "City-wide"'),
  budget: Money,
});
export type PotInput = z.infer<typeof PotInput>;

const potsField = z
  .array(PotInput)
  .min(1, 'Add at least one pot')
  .max(200)
  .superRefine((pots, ctx) => {
    const seen = new Set<string | null>();
    pots.forEach((pot, index) => {
      if (seen.has(pot.wardId)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'wardId'],
          message: pot.wardId === null ? 'Only one city-wide pot is allowed' : 'Only one pot per ward',
        });
      }
      seen.add(pot.wardId);
    });
  });

const roundsField = z.array(RoundInput).min(1, 'Add at least one deliberation round').max(20);

export const CycleCreate = z.strictObject({
  name: z.string().trim().min(2).max(120),
  description: z.string().max(10_000).default(''),
  currency: CurrencyCode.default('GBP'),
  totalBudget: Money,
  pots: potsField.describe('Pot budgets must add up to totalBudget'),
  schedule: Schedule.default({}),
  rounds: roundsField,
  ballot: BallotSettings,
  tally: TallySettings,
  eligibility: EligibilitySettings.default({ wardEstablishment: 'self-declared' }),
});
export type CycleCreate = z.infer<typeof CycleCreate>;
export type CycleCreateInput = z.input<typeof CycleCreate>;

/**
 * Partial update. `pots` replaces the set of pots, matched by ward (a pot holding proposals
 * cannot be removed); `totalBudget` and pots are checked together. `rounds` replaces the rounds
 * (only before deliberation starts).
 */
export const CycleUpdate = z.strictObject({
  name: z.string().trim().min(2).max(120).optional(),
  description: z.string().max(10_000).optional(),
  currency: CurrencyCode.optional(),
  totalBudget: Money.optional(),
  pots: potsField.optional(),
  schedule: Schedule.optional(),
  rounds: roundsField.optional(),
  ballot: BallotSettings.optional(),
  tally: TallySettings.optional(),
  eligibility: EligibilitySettings.optional(),
});
export type CycleUpdate = z.infer<typeof CycleUpdate>;

export const Pot = z.object({
  id: PotId,
  wardId: WardId.nullable(),
  name: z.string(),
  budget: Money,
});
export type Pot = z.infer<typeof Pot>;

export const Round = z.object({
  id: z.string().uuid(),
  position: z.number().int(),
  name: z.string(),
  start: IsoDate,
  end: IsoDate,
  shortlistRule: ShortlistRule.nullable(),
  closedAt: z.string().nullable(),
});
export type Round = z.infer<typeof Round>;

export const CycleSummary = z.object({
  id: CycleId,
  name: z.string(),
  description: z.string(),
  currency: z.string(),
  totalBudget: Money,
  phase: Phase,
  schedule: Schedule,
  createdAt: z.string(),
});
export type CycleSummary = z.infer<typeof CycleSummary>;

export const Cycle = CycleSummary.extend({
  pots: z.array(Pot),
  rounds: z.array(Round),
  ballot: BallotSettings,
  tally: TallySettings,
  eligibility: EligibilitySettings,
  phaseChangedAt: z.string(),
  /** What residents can do in the current phase, in plain language. */
  whatYouCanDoNow: z.string(),
});
export type Cycle = z.infer<typeof Cycle>;

export const CycleList = z.object({ cycles: z.array(CycleSummary) });
export type CycleList = z.infer<typeof CycleList>;

export const CycleIdParams = z.strictObject({ id: CycleId });
export type CycleIdParams = z.infer<typeof CycleIdParams>;

/** Move to the next phase (empty body) or forward to a named later phase. */
export const PhaseMoveRequest = z.strictObject({ to: Phase.optional() });
export type PhaseMoveRequest = z.infer<typeof PhaseMoveRequest>;

export const BallotProject = z.object({
  id: z.string().uuid(),
  potId: PotId,
  title: z.string(),
  cost: PositiveMoney.describe('The staff cost estimate'),
});
export type BallotProject = z.infer<typeof BallotProject>;

export const BallotProjectList = z.object({ projects: z.array(BallotProject) });
export type BallotProjectList = z.infer<typeof BallotProjectList>;
