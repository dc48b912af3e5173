import type { Instance } from '../model';
import { formatMoney } from '../pabulib/decimal';
import { RuleNotApplicableError } from './errors';
import { formatScaled, scoreTotals } from './scores';
import { approvalCounts, describeTieBreak, tieBreakComparator } from './tieBreak';
import { DEFAULT_TIE_BREAK, type TallyResult, type TieBreak } from './types';

export interface GreedyOptions {
  /** How ties in the ranking are broken. Default: DEFAULT_TIE_BREAK (cheaper first, then id). */
  readonly tieBreak?: TieBreak;
}

export type GreedyDecision = 'funded' | 'skipped' | 'not reached';

export interface GreedyStep {
  /** 1-based position in the ranking. */
  readonly rank: number;
  readonly projectId: string;
  /** Ballots listing the project. */
  readonly votes: number;
  /** The value the ranking is by, as shown to residents (e.g. `"1234"` or `"1234 / 56000"`). */
  readonly score: string;
  /** Money amounts in currency units, as decimal strings. */
  readonly cost: string;
  readonly moneyBefore: string;
  readonly moneyAfter: string;
  readonly decision: GreedyDecision;
  readonly reason: string;
}

export interface GreedyExplanation {
  readonly kind: 'greedy';
  /** What projects are ranked by, in plain words. */
  readonly rankedBy: string;
  readonly tieBreak: string;
  readonly budget: string;
  readonly steps: readonly GreedyStep[];
  readonly leftover: string;
  /** Anything a resident should know about this variant (stop rule, threshold, ...). */
  readonly notes: readonly string[];
}

/** How the walk down the ranking treats a project that does not fit. */
export interface GreedyWalk {
  /**
   * `skip`: move on to the next project (pabutools' greedy, city `greedy`).
   * `stop`: stop at the first project that does not fit (city `greedy-no-skip`).
   * `stop-80`: like `stop`, but that first project is still funded when the money left is at
   * least 80 % of its cost (Poznań's `greedy-custom`), then stop.
   */
  readonly mode: 'skip' | 'stop' | 'stop-80';
  /** Returns why a project may not be funded at all (threshold, withdrawn), or undefined. */
  readonly ineligible?: (project: number) => string | undefined;
  readonly notes?: readonly string[];
}

/** Ranking of every project by `num[p] / den[p]` descending (0/0 = 0, x/0 = +∞ for x > 0). */
export function densityOrder(
  instance: Instance,
  num: readonly bigint[],
  den: readonly bigint[],
  tieBreak: TieBreak,
  approvals: Int32Array,
): number[] {
  const tie = tieBreakComparator(instance, tieBreak, approvals);
  const infinite = (p: number): boolean => (den[p] ?? 0n) === 0n && (num[p] ?? 0n) > 0n;
  const order = instance.projects.map((_, i) => i);
  order.sort((a, b) => {
    const ia = infinite(a);
    const ib = infinite(b);
    if (ia !== ib) return ia ? -1 : 1;
    if (!ia) {
      const na = num[a] ?? 0n;
      const nb = num[b] ?? 0n;
      const da = den[a] ?? 0n;
      const db = den[b] ?? 0n;
      // d = 0 when the numerator is 0, whatever the cost.
      const left = na === 0n ? 0n : na * (db === 0n ? 1n : db);
      const right = nb === 0n ? 0n : nb * (da === 0n ? 1n : da);
      if (left !== right) return left > right ? -1 : 1;
    }
    return tie(a, b);
  });
  return order;
}

/** Walks a ranking with a budget and records every decision. */
export function walkGreedy(
  instance: Instance,
  rule: string,
  order: readonly number[],
  scoreText: (project: number) => string,
  rankedBy: string,
  walk: GreedyWalk,
  tieBreak: TieBreak,
  approvals: Int32Array,
): TallyResult<GreedyExplanation> {
  const scale = instance.moneyScale;
  const money = (x: bigint): string => formatMoney(x, scale);
  let left = instance.budget;
  let stopped = false;
  const selected: string[] = [];
  const steps: GreedyStep[] = [];
  order.forEach((p, index) => {
    const project = instance.projects[p];
    if (!project) return;
    const before = left;
    let decision: GreedyDecision;
    let reason: string;
    const blocked = walk.ineligible?.(p);
    if (stopped) {
      decision = 'not reached';
      reason = 'the count had already stopped';
    } else if (blocked !== undefined) {
      decision = 'skipped';
      reason = blocked;
    } else if (project.cost <= left) {
      decision = 'funded';
      reason = 'it fits in the money left';
      left -= project.cost;
    } else if (walk.mode === 'skip') {
      decision = 'skipped';
      reason = `it costs more than the ${money(left)} left`;
    } else if (walk.mode === 'stop-80' && left * 5n >= project.cost * 4n) {
      decision = 'funded';
      reason = `it does not fit, but the ${money(left)} left is at least 80 % of its cost (topped up from reserve money); the count stops here`;
      left -= project.cost;
      stopped = true;
    } else {
      decision = 'skipped';
      reason = `it costs more than the ${money(left)} left, so the count stops here`;
      stopped = true;
    }
    if (decision === 'funded') selected.push(project.id);
    steps.push({
      rank: index + 1,
      projectId: project.id,
      votes: approvals[p] ?? 0,
      score: scoreText(p),
      cost: money(project.cost),
      moneyBefore: money(before),
      moneyAfter: money(left),
      decision,
      reason,
    });
  });
  return {
    rule,
    selected,
    cost: instance.budget - left,
    explanation: {
      kind: 'greedy',
      rankedBy,
      tieBreak: describeTieBreak(tieBreak),
      budget: money(instance.budget),
      steps,
      leftover: money(left),
      notes: walk.notes ?? [],
    },
  };
}

const SKIP: GreedyWalk = { mode: 'skip' };

function costs(instance: Instance): bigint[] {
  return instance.projects.map((p) => p.cost);
}

/**
 * pabutools `greedy_utilitarian_welfare` with `Cost_Sat`: rank by the number of ballots listing
 * the project (density votes·cost / cost), fund each that fits, skip the rest. This is the classic
 * city rule "most votes first". Any ballot type: a listed project counts as approved.
 */
export function greedyCostSat(instance: Instance, options: GreedyOptions = {}): TallyResult<GreedyExplanation> {
  const tieBreak = options.tieBreak ?? DEFAULT_TIE_BREAK;
  const approvals = approvalCounts(instance);
  const c = costs(instance);
  const num = c.map((cost, p) => BigInt(approvals[p] ?? 0) * cost);
  const order = densityOrder(instance, num, c, tieBreak, approvals);
  return walkGreedy(instance, 'greedy_cost_sat', order, (p) => String(approvals[p] ?? 0), 'number of ballots listing the project (most first)', SKIP, tieBreak, approvals);
}

/** `Cardinality_Sat`: rank by ballots per unit of cost (votes ÷ cost), fund what fits. */
export function greedyCardinalitySat(instance: Instance, options: GreedyOptions = {}): TallyResult<GreedyExplanation> {
  const tieBreak = options.tieBreak ?? DEFAULT_TIE_BREAK;
  const approvals = approvalCounts(instance);
  const c = costs(instance);
  const num = c.map((_, p) => BigInt(approvals[p] ?? 0));
  const order = densityOrder(instance, num, c, tieBreak, approvals);
  const scale = instance.moneyScale;
  return walkGreedy(
    instance,
    'greedy_cardinality_sat',
    order,
    (p) => `${approvals[p] ?? 0} / ${formatMoney(c[p] ?? 0n, scale)}`,
    'ballots listing the project divided by its cost (highest first)',
    SKIP,
    tieBreak,
    approvals,
  );
}

function requireScores(instance: Instance, rule: string, allowOrdinal: boolean): void {
  const ok = instance.voteType === 'cumulative' || instance.voteType === 'scoring' || (allowOrdinal && instance.voteType === 'ordinal');
  if (!ok) {
    throw new RuleNotApplicableError(
      `rule ${rule} needs ${allowOrdinal ? 'cumulative, scoring or ordinal' : 'cumulative or scoring'} ballots, this instance has ${instance.voteType} ballots`,
    );
  }
}

/**
 * Rank by total score (cumulative/scoring: sum of points; ordinal: L, L-1, ..., 1 by position),
 * fund what fits. This is pabutools greedy with satisfaction score·cost, i.e. the `score` column
 * cities use.
 */
export function greedyScore(instance: Instance, options: GreedyOptions = {}): TallyResult<GreedyExplanation> {
  requireScores(instance, 'greedy_score', true);
  const tieBreak = options.tieBreak ?? DEFAULT_TIE_BREAK;
  const approvals = approvalCounts(instance);
  const { totals, scale } = scoreTotals(instance);
  const c = costs(instance);
  const num = c.map((cost, p) => (totals[p] ?? 0n) * cost);
  const order = densityOrder(instance, num, c, tieBreak, approvals);
  const rankedBy = instance.voteType === 'ordinal' ? 'positional score: a ballot ranking L projects gives L points to the first, down to 1 for the last (highest first)' : 'total points (highest first)';
  return walkGreedy(instance, 'greedy_score', order, (p) => formatScaled(totals[p] ?? 0n, scale), rankedBy, SKIP, tieBreak, approvals);
}

/** pabutools `Additive_Cardinal_Sat` greedy: rank by points per unit of cost, fund what fits. */
export function greedyPointsPerCost(instance: Instance, options: GreedyOptions = {}): TallyResult<GreedyExplanation> {
  requireScores(instance, 'greedy_points_per_cost', false);
  const tieBreak = options.tieBreak ?? DEFAULT_TIE_BREAK;
  const approvals = approvalCounts(instance);
  const { totals, scale } = scoreTotals(instance);
  const c = costs(instance);
  const order = densityOrder(instance, totals, c, tieBreak, approvals);
  const ms = instance.moneyScale;
  return walkGreedy(
    instance,
    'greedy_points_per_cost',
    order,
    (p) => `${formatScaled(totals[p] ?? 0n, scale)} / ${formatMoney(c[p] ?? 0n, ms)}`,
    'total points divided by cost (highest first)',
    SKIP,
    tieBreak,
    approvals,
  );
}
