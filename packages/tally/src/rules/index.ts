import type { Instance, VoteType } from '../model';
import { cityRule } from './city';
import { RuleNotApplicableError } from './errors';
import { greedyCardinalitySat, greedyCostSat, greedyPointsPerCost, greedyScore } from './greedy';
import { maxWelfareCostSat } from './maxWelfare';
import { equalShares } from './mes';
import { seqPhragmen } from './phragmen';
import { PABUTOOLS_TIE_BREAK, type TallyResult, type TieBreak } from './types';

export interface RuleOptions {
  /** Default for every registered rule: PABUTOOLS_TIE_BREAK, so keys reproduce pabutools / expected.json. */
  readonly tieBreak?: TieBreak;
}

export interface RegisteredRule {
  readonly key: string;
  /** One line for residents and the CLI's rule list. */
  readonly description: string;
  /** Ballot types the rule is defined for. */
  readonly voteTypes: readonly VoteType[];
  readonly run: (instance: Instance, options?: RuleOptions) => TallyResult;
}

const ALL: readonly VoteType[] = ['approval', 'choose-1', 'ordinal', 'cumulative', 'scoring'];
const APPROVAL: readonly VoteType[] = ['approval', 'choose-1'];

const tb = (options?: RuleOptions): TieBreak => options?.tieBreak ?? PABUTOOLS_TIE_BREAK;

const registry = new Map<string, RegisteredRule>();

function register(rule: RegisteredRule): void {
  registry.set(rule.key, rule);
}

register({
  key: 'greedy_cost_sat',
  description: 'Greedy by votes: most-voted project first, fund each that still fits, skip the rest',
  voteTypes: ALL,
  run: (i, o) => greedyCostSat(i, { tieBreak: tb(o) }),
});
register({
  key: 'greedy_cardinality_sat',
  description: 'Greedy by votes per unit of cost, fund each that still fits',
  voteTypes: ALL,
  run: (i, o) => greedyCardinalitySat(i, { tieBreak: tb(o) }),
});
register({
  key: 'greedy_score',
  description: 'Greedy by total score (points, or positional points for rankings), fund each that still fits',
  voteTypes: ['ordinal', 'cumulative', 'scoring'],
  run: (i, o) => greedyScore(i, { tieBreak: tb(o) }),
});
register({
  key: 'greedy_points_per_cost',
  description: 'Greedy by points per unit of cost, fund each that still fits',
  voteTypes: ['cumulative', 'scoring'],
  run: (i, o) => greedyPointsPerCost(i, { tieBreak: tb(o) }),
});
register({
  key: 'seq_phragmen',
  description: 'Sequential Phragmén: buy the project that keeps the largest voter load smallest; stop at the first that does not fit',
  voteTypes: APPROVAL,
  run: (i, o) => seqPhragmen(i, { tieBreak: tb(o) }),
});
register({
  key: 'max_welfare_cost_sat',
  description: 'Maximum utilitarian welfare: the set of projects that fits and maximises Σ votes × cost (exact knapsack)',
  voteTypes: ALL,
  run: (i, o) => maxWelfareCostSat(i, { tieBreak: tb(o) }),
});
register({
  key: 'mes_cost_sat',
  description: 'Method of equal shares with cost utilities (every voter gets B/n), no completion',
  voteTypes: ALL,
  run: (i, o) => equalShares(i, { utility: 'cost', completion: 'none', tieBreak: tb(o) }),
});
register({
  key: 'mes_cardinality_sat',
  description: 'Method of equal shares with one unit of utility per funded approved project, no completion',
  voteTypes: ALL,
  run: (i, o) => equalShares(i, { utility: 'cardinality', completion: 'none', tieBreak: tb(o) }),
});
register({
  key: 'mes_points',
  description: 'Method of equal shares with points as utilities (cumulative ballots), no completion',
  voteTypes: ['cumulative', 'scoring'],
  run: (i, o) => equalShares(i, { utility: 'points', completion: 'none', tieBreak: tb(o) }),
});
register({
  key: 'mes_cost_sat_add1',
  description: 'MES (cost utilities), per-voter budget raised by 1 until the outcome is exhaustive or would overspend (pabutools)',
  voteTypes: ALL,
  run: (i, o) => equalShares(i, { utility: 'cost', completion: 'add1', exhaustiveStop: true, tieBreak: tb(o) }),
});
register({
  key: 'mes_points_add1',
  description: 'MES with points as utilities (cumulative ballots), per-voter budget raised by 1 until the outcome is exhaustive or would overspend',
  voteTypes: ['cumulative', 'scoring'],
  run: (i, o) => equalShares(i, { utility: 'points', completion: 'add1', exhaustiveStop: true, tieBreak: tb(o) }),
});
register({
  key: 'mes_points_add1_greedy',
  description: 'MES with points as utilities (cumulative ballots), add1 as above, then greedy by votes (voters who gave points) fills what is left',
  voteTypes: ['cumulative', 'scoring'],
  run: (i, o) => equalShares(i, { utility: 'points', completion: 'add1-greedy', exhaustiveStop: true, tieBreak: tb(o) }),
});
register({
  key: 'mes_cost_sat_add1_greedy',
  description: 'MES add1 as above, then greedy by votes fills what is left',
  voteTypes: ALL,
  run: (i, o) => equalShares(i, { utility: 'cost', completion: 'add1-greedy', exhaustiveStop: true, tieBreak: tb(o) }),
});
register({
  key: 'mes_cost_sat_add1_noexh',
  description: 'MES add1 without the exhaustiveness stop: raise the per-voter budget while the outcome fits (what MES cities did)',
  voteTypes: ALL,
  run: (i, o) => equalShares(i, { utility: 'cost', completion: 'add1', exhaustiveStop: false, tieBreak: tb(o) }),
});
register({
  key: 'city',
  description: "Replay of the rule named in the file's META `rule` (greedy variants, Poznań 80 %, equal shares)",
  voteTypes: ALL,
  run: (i, o) => cityRule(i, { tieBreak: o?.tieBreak, equalShares }),
});

/** Every registered rule key. */
export function ruleKeys(): string[] {
  return [...registry.keys()];
}

export function getRule(key: string): RegisteredRule | undefined {
  return registry.get(key);
}

export class UnknownRuleError extends Error {
  override readonly name = 'UnknownRuleError';
}

/** Runs a rule by key, refusing ballot types it is not defined for. */
export function runRule(key: string, instance: Instance, options?: RuleOptions): TallyResult {
  const rule = registry.get(key);
  if (!rule) throw new UnknownRuleError(`unknown rule "${key}" (known: ${ruleKeys().join(', ')})`);
  if (!rule.voteTypes.includes(instance.voteType)) {
    throw new RuleNotApplicableError(`rule ${key} does not apply to ${instance.voteType} ballots (it needs ${rule.voteTypes.join(' or ')})`);
  }
  return rule.run(instance, options);
}
