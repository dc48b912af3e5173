export * from './model';
export * from './pabulib/index';
export * from './rules/types';
export { RuleNotApplicableError } from './rules/errors';
export { parseTieBreak, tieBreakComparator, approvalCounts, describeTieBreak } from './rules/tieBreak';
export {
  greedyCostSat,
  greedyCardinalitySat,
  greedyScore,
  greedyPointsPerCost,
  type GreedyOptions,
  type GreedyExplanation,
  type GreedyStep,
  type GreedyDecision,
} from './rules/greedy';
export { seqPhragmen, type PhragmenOptions, type PhragmenExplanation, type PhragmenRound, type LoadGroup } from './rules/phragmen';
export {
  maxWelfareCostSat,
  type MaxWelfareOptions,
  type MaxWelfareExplanation,
  type MaxWelfareProject,
  type MaxWelfareResult,
} from './rules/maxWelfare';
export { cityRule, CITY_RULES, compareForVoters, type CityOptions, type CityExplanation, type ComparisonSummary, type EqualSharesFn } from './rules/city';
export { runRule, getRule, ruleKeys, UnknownRuleError, type RegisteredRule, type RuleOptions } from './rules/index';
export {
  equalShares,
  equalSharesRuleKey,
  type EqualSharesOptions,
  type EqualSharesUtility,
  type EqualSharesCompletion,
  type EqualSharesExplanation,
  type EqualSharesRound,
  type EqualSharesLeftover,
  type EqualSharesGreedyStep,
} from './rules/mes';
