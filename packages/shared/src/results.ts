import { z } from 'zod';
import { BallotKind, CycleId, Money, PotId, TallyRule, TieBreakCriterion } from './cycles';
import { CommunityContribution } from './proposals';
import { WardId } from './wards';

/**
 * Counting and results. `POST /cycles/:id/tally` counts every pot (admin, counting phase only)
 * and answers a `CycleResults` with status `tallied`; `POST /cycles/:id/publish` makes it public
 * and moves the cycle to the results phase. `GET /cycles/:id/results` gives the same document.
 */

export const ResultStatus = z.enum(['tallied', 'published']);
export type ResultStatus = z.infer<typeof ResultStatus>;

/** Why a project was funded or not, in one sentence a resident can follow. */
export const ProjectDecision = z.enum(['funded', 'skipped', 'not reached']);
export type ProjectDecision = z.infer<typeof ProjectDecision>;

export const ProjectOutcome = z.object({
  /** The proposal id, as in ballots, `funded` and the Pabulib export. */
  id: z.string(),
  title: z.string(),
  category: z.string(),
  cost: Money,
  funded: z.boolean(),
  decision: ProjectDecision,
  /** Ballots in this pot that chose the project (approved, gave points or ranked it). */
  votes: z.number().int().nonnegative(),
  /** Cumulative ballots: points received; ranked ballots: Borda score; otherwise null. */
  score: z.number().int().nonnegative().nullable(),
  /** cost ÷ pot budget, between 0 and 1 (may exceed 1 for a project dearer than the pot). */
  shareOfPot: z.number().nonnegative(),
  /** Plain-language reason it was funded or not. */
  reason: z.string(),
  contribution: CommunityContribution.nullable(),
});
export type ProjectOutcome = z.infer<typeof ProjectOutcome>;

/** One step of the rule, in the order the rule took it. */
export const ExplanationStep = z.object({
  /** The project the step is about; null for a general note (e.g. why the rule stopped). */
  projectId: z.string().nullable(),
  decision: z.enum(['funded', 'skipped', 'not reached', 'note']),
  text: z.string(),
});
export type ExplanationStep = z.infer<typeof ExplanationStep>;

/** Method of equal shares: how the cost of one funded project was shared among its supporters. */
export const CostSharing = z.object({
  projectId: z.string(),
  cost: Money,
  /** Supporters who paid the full price, and that price (per supporter or per point). */
  paidInFull: z.number().int().nonnegative(),
  /** Supporters who had less than the price left and paid all they had. */
  paidEverythingLeft: z.number().int().nonnegative(),
  price: z.string().describe('Currency units, rounded for reading'),
  priceUnit: z.enum(['supporter', 'point']),
  /** Totals (currency units, rounded) paid by each group; together they make up the cost. */
  paidInFullTotal: z.string(),
  paidEverythingLeftTotal: z.string(),
  /** Funded by the equal-shares rounds, or added afterwards to use money left over. */
  stage: z.enum(['equal-shares', 'completion']),
});
export type CostSharing = z.infer<typeof CostSharing>;

export const EqualSharesSummary = z.object({
  voters: z.number().int().nonnegative(),
  /** Each voter's share of the pot at the start, and the share the kept run used (add1 raises it). */
  budgetPerVoterStart: z.string(),
  budgetPerVoterUsed: z.string(),
  costSharing: z.array(CostSharing),
  /** Money no voter spent, currency units (rounded). */
  unspent: z.string(),
});
export type EqualSharesSummary = z.infer<typeof EqualSharesSummary>;

export const PotResult = z.object({
  potId: PotId,
  wardId: WardId.nullable(),
  name: z.string(),
  rule: TallyRule,
  /** The `@allot/tally` rule key that counted it (e.g. `mes_cost_sat_add1`). */
  ruleKey: z.string(),
  ruleDescription: z.string(),
  tieBreak: z.array(TieBreakCriterion),
  ballotKind: BallotKind,
  budget: Money,
  spent: Money,
  /** Ballots that voted in this pot. */
  ballots: z.number().int().nonnegative(),
  /** SHA-256 (hex) of the pot's canonical ballot set (see the results README). */
  ballotsHash: z.string(),
  /** Funded project ids, in the order the rule chose them. */
  funded: z.array(z.string()),
  /** Every project on the ballot: funded first in funding order, then the rest by votes. */
  projects: z.array(ProjectOutcome),
  explanation: z.array(ExplanationStep),
  /** Only for the method of equal shares. */
  equalShares: EqualSharesSummary.nullable(),
});
export type PotResult = z.infer<typeof PotResult>;

export const WardSummary = z.object({
  wardId: WardId,
  name: z.string(),
  code: z.string(),
  population: z.number().int().nonnegative(),
  /** The ward's pot in this cycle, if it has one. */
  potId: PotId.nullable(),
  budget: Money,
  /** Funded projects of the ward's own pot (city-wide projects are not counted in any ward). */
  fundedProjects: z.number().int().nonnegative(),
  fundedAmount: Money,
});
export type WardSummary = z.infer<typeof WardSummary>;

export const CitySummary = z.object({
  totalBudget: Money,
  totalFunded: Money,
  fundedProjects: z.number().int().nonnegative(),
  /** Distinct voters across all pots. */
  ballots: z.number().int().nonnegative(),
  /** What funded projects' proposers bring on top of council money. */
  contribution: z.object({
    matchFunding: Money,
    volunteerHours: z.number().int().nonnegative(),
    projectsWithGoods: z.number().int().nonnegative(),
  }),
  wards: z.array(WardSummary),
});
export type CitySummary = z.infer<typeof CitySummary>;

export const CycleResults = z.object({
  cycleId: CycleId,
  cycleName: z.string(),
  currency: z.string(),
  status: ResultStatus,
  talliedAt: z.string(),
  publishedAt: z.string().nullable(),
  /** SHA-256 (hex) over every pot's result: the same ballots and rules give the same hash. */
  resultHash: z.string(),
  pots: z.array(PotResult),
  summary: CitySummary,
});
export type CycleResults = z.infer<typeof CycleResults>;

export const ExportQuery = z.strictObject({ pot: PotId });
export type ExportQuery = z.infer<typeof ExportQuery>;
