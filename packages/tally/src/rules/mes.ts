import { formatDecimal, formatFraction, ratioToFloat } from '../arith/rational';
import type { Instance } from '../model';
import { formatMoney } from '../pabulib/decimal';
import { ApprovalEngine } from './mes/approval';
import { approvalProfile } from './mes/profile';
import { PointsEngine, pointsUtilities } from './mes/points';
import type { MesEngine, MesRun, Ratio } from './mes/types';
import { RuleNotApplicableError } from './errors';
import { approvalCounts, tieBreakComparator } from './tieBreak';
import { PABUTOOLS_TIE_BREAK, type TallyResult, type TieBreak } from './types';

/**
 * The method of equal shares (MES) and its usual completions, reproducing pabutools'
 * `method_of_equal_shares` exactly (see pabulib/RULES.md §2.2–2.3).
 */

export type EqualSharesUtility = 'cost' | 'cardinality' | 'points';
export type EqualSharesCompletion = 'none' | 'add1' | 'add1-greedy';

export interface EqualSharesOptions {
  /** cost = Cost_Sat, cardinality = Cardinality_Sat (any ballot read as approval of its projects), points = Additive_Cardinal_Sat. */
  readonly utility: EqualSharesUtility;
  /**
   * none: plain MES. add1: raise the per-voter budget one currency unit at a time and keep the
   * last outcome that fits the real budget. add1-greedy: add1, then fill what is left greedily
   * by number of votes.
   */
  readonly completion: EqualSharesCompletion;
  /** add1 only: also stop at the first outcome that leaves no supported project affordable (pabutools). Default true. */
  readonly exhaustiveStop?: boolean;
  /** Start from floor(B/n) currency units per voter (pabulib's checker) instead of exactly B/n. */
  readonly startFloor?: boolean;
  readonly tieBreak?: TieBreak;
}

export interface EqualSharesRound {
  readonly project: string;
  readonly cost: string;
  /**
   * Approval-style utilities: what each supporter was asked to pay (ρ·u). Points utilities: the
   * price of one point (a supporter pays points × price). Currency units, rounded for reading.
   */
  readonly price: string;
  /** The same price as an exact fraction of currency units (e.g. `1000/3`). */
  readonly priceExact: string;
  readonly priceUnit: 'supporter' | 'point';
  /** Supporters who paid the full price. */
  readonly paidInFull: number;
  /** Supporters who had less than the price left and paid all of it (possibly nothing). */
  readonly capped: number;
  /** Exact totals (fractions of currency units) paid by each kind of supporter; they sum to the cost. */
  readonly paidInFullTotal: string;
  readonly cappedTotal: string;
}

/**
 * Voters who ended with the same amount (or, when there are more than LEFTOVER_LIST_LIMIT
 * distinct amounts, with amounts in one range).
 */
export interface EqualSharesLeftover {
  readonly voters: number;
  /** Money each of these voters still had at the end, currency units (rounded); for a range, the least. */
  readonly remaining: string;
  /** For a range: the most any of these voters had left. */
  readonly remainingUpTo?: string;
  /** For a single amount: the amount as an exact fraction of currency units. */
  readonly remainingExact?: string;
}

/** Above this many distinct leftover amounts, leftovers are shown as ranges. */
export const LEFTOVER_LIST_LIMIT = 64;
const LEFTOVER_RANGES = 16;

export interface EqualSharesGreedyStep {
  readonly project: string;
  readonly cost: string;
  readonly votes: number;
}

export interface EqualSharesExplanation {
  readonly utility: EqualSharesUtility;
  readonly completion: EqualSharesCompletion;
  readonly exhaustiveStop: boolean;
  readonly startFloor: boolean;
  readonly tieBreak: TieBreak;
  /** n: every ballot, empty ones included. */
  readonly voters: number;
  readonly budget: string;
  /** Per-voter budget of the first MES run and of the run whose outcome was kept. */
  readonly budgetPerVoter: { readonly start: string; readonly used: string; readonly usedExact: string };
  /** Number of MES runs (1 for plain MES; for add1 the iterations, the rejected last one included). */
  readonly mesRuns: number;
  /**
   * add1: runs where floating point could not decide safely and exact arithmetic decided instead.
   * (The outcome that is kept is always recomputed exactly, with the details shown here.)
   */
  readonly exactRuns: number;
  readonly stop: 'plain' | 'exhaustive' | 'next-over-budget' | 'budget-bound';
  /** Zero-cost projects with support, funded before MES starts (not with cost utilities). */
  readonly fundedAtZeroCost: readonly string[];
  /** The MES rounds of the kept run, in funding order. */
  readonly rounds: readonly EqualSharesRound[];
  /** What voters had left at the end of the kept run, from the least to the most. */
  readonly leftovers: readonly EqualSharesLeftover[];
  /** Money no voter spent in the kept run: n × per-voter budget − cost of the MES projects. */
  readonly unspent: { readonly amount: string; readonly exact: string };
  /** add1-greedy: projects added by the greedy fill, in order. */
  readonly greedyFill: readonly EqualSharesGreedyStep[];
}

export function equalSharesRuleKey(options: EqualSharesOptions): string {
  const base = { cost: 'mes_cost_sat', cardinality: 'mes_cardinality_sat', points: 'mes_points' }[options.utility];
  if (options.completion === 'none') return options.startFloor ? `${base}_floor` : base;
  let key = `${base}_add1`;
  if (options.completion === 'add1-greedy') key += '_greedy';
  if (options.exhaustiveStop === false) key += '_noexh';
  if (options.startFloor) key += '_floor';
  return key;
}

export function equalShares(
  instance: Instance,
  options: EqualSharesOptions,
): TallyResult<EqualSharesExplanation> {
  const tieBreak = options.tieBreak ?? PABUTOOLS_TIE_BREAK;
  const exhaustiveStop = options.exhaustiveStop ?? true;
  const startFloor = options.startFloor ?? false;
  const { projects, budget, moneyScale } = instance;
  const n = instance.ballots.length;
  const approvals = approvalCounts(instance);
  const tieCompare = tieBreakComparator(instance, tieBreak, approvals);
  const costs = projects.map((p) => p.cost);
  const unit = 10n ** BigInt(moneyScale);
  const money = (x: bigint): string => formatMoney(x, moneyScale);
  const ratioMoney = (r: Ratio): string => formatDecimal(r.num, r.den * unit, 6);
  const fraction = (r: Ratio): string => formatFraction(r.num, r.den * unit);

  // Candidates: positive cost and positive total utility. Supported zero-cost projects are funded
  // up front, except with cost utilities where their utility is 0 (pabutools does the same).
  let engine: MesEngine;
  let candidates: number[];
  let supported: (q: number) => boolean;
  if (options.utility === 'points') {
    if (instance.voteType === 'ordinal') {
      throw new RuleNotApplicableError('MES with points utilities needs cumulative, scoring or approval ballots');
    }
    const { units, supporters } = pointsUtilities(instance);
    supported = (q) => (supporters[q]?.length ?? 0) > 0;
    candidates = projects.flatMap((p, q) => (p.cost > 0n && supported(q) ? [q] : []));
    engine = new PointsEngine(units, supporters, costs, candidates, tieCompare);
  } else {
    const profile = approvalProfile(instance);
    supported = (q) => (profile.supporters[q] ?? 0) > 0;
    candidates = projects.flatMap((p, q) => (p.cost > 0n && supported(q) ? [q] : []));
    engine = new ApprovalEngine(profile, costs, candidates, options.utility, tieCompare);
  }
  const zeroCost =
    options.utility === 'cost' ? [] : projects.flatMap((p, q) => (p.cost === 0n && supported(q) ? [q] : []));

  if (n === 0) {
    return emptyResult(instance, options, tieBreak, exhaustiveStop, startFloor, zeroCost);
  }

  const start: Ratio = startFloor
    ? { num: (budget / (BigInt(n) * unit)) * unit, den: 1n }
    : { num: budget, den: BigInt(n) };
  let mesRuns = 0;
  let exactRuns = 0;
  const runAt = (b: Ratio): MesRun => {
    mesRuns += 1;
    const fast = engine.run(b, false, false);
    if (fast) return fast;
    exactRuns += 1;
    const exact = engine.run(b, true, false);
    if (!exact) throw new Error('MES: exact run gave no outcome');
    return exact;
  };
  const isExhaustive = (run: MesRun): boolean => {
    const chosen = new Set(run.selected);
    const left = budget - run.cost;
    return !candidates.some((q) => !chosen.has(q) && (costs[q] ?? 0n) <= left);
  };
  const budgetAt = (k: bigint): Ratio => ({ num: start.num + k * unit * start.den, den: start.den });

  let kept: { run: MesRun; k: bigint } | null = null;
  let stop: EqualSharesExplanation['stop'] = 'plain';
  // The kept run is always recomputed in exact arithmetic with full details, so plain MES is
  // computed that way directly.
  let detailed: MesRun | null = null;
  if (options.completion === 'none') {
    mesRuns = 1;
    detailed = engine.run(start, true, true);
    if (!detailed) throw new Error('MES: exact run gave no outcome');
    kept = { run: detailed, k: 0n };
  } else {
    // pabutools' budget_bound for exhaustion_by_budget_increase: total budget at most B·(n+1),
    // i.e. per-voter budget at most B(n+1)/n.
    const nB = BigInt(n);
    const withinBound = (b: Ratio): boolean => b.num * nB * unit <= budget * (nB + 1n) * b.den * unit;
    const allCandidatesCost = candidates.reduce((s, q) => s + (costs[q] ?? 0n), 0n);
    let k = 0n;
    if (!exhaustiveStop && allCandidatesCost <= budget) {
      // Every outcome fits, so the iteration only ends at the bound: jump to its last step.
      const room = budget * (nB + 1n) * start.den - start.num * nB;
      k = room < 0n ? 0n : room / (nB * unit * start.den);
      kept = { run: runAt(budgetAt(k)), k };
      stop = 'budget-bound';
    } else {
      for (;;) {
        const b = budgetAt(k);
        if (!withinBound(b) && !exhaustiveStop) {
          stop = 'budget-bound';
          break;
        }
        const run = runAt(b);
        if (run.cost > budget) {
          stop = 'next-over-budget';
          break;
        }
        kept = { run, k };
        if (exhaustiveStop && isExhaustive(run)) {
          stop = 'exhaustive';
          break;
        }
        k += 1n;
      }
    }
  }

  const keptRun = kept?.run ?? { selected: [], cost: 0n };
  const usedBudget = budgetAt(kept?.k ?? 0n);
  if (kept && !detailed) {
    detailed = engine.run(usedBudget, true, true);
    // The fast run only returns what exact arithmetic would; a difference is a bug, never a tie.
    if (detailed?.selected.join() !== kept.run.selected.join()) {
      throw new Error(`MES: float and exact runs disagree at per-voter budget ${formatFraction(usedBudget.num, usedBudget.den)}`);
    }
  }
  const selected = [...zeroCost, ...keptRun.selected];
  let spent = keptRun.cost;

  const greedyFill: EqualSharesGreedyStep[] = [];
  if (options.completion === 'add1-greedy') {
    const chosen = new Set(selected);
    const exhaustiveAll = !projects.some((p, q) => !chosen.has(q) && p.cost <= budget - spent);
    if (!exhaustiveAll) {
      // pabutools greedy_utilitarian_welfare with Cost_Sat: density = votes (0 for a zero-cost
      // project, whose cost utility is 0); ties by the tie-break; fund what fits, skip the rest.
      const density = (q: number): number => ((costs[q] ?? 0n) > 0n ? (approvals[q] ?? 0) : 0);
      const order = projects
        .map((_, q) => q)
        .filter((q) => !chosen.has(q))
        .sort((a, b) => density(b) - density(a) || tieCompare(a, b));
      for (const q of order) {
        const c = costs[q] ?? 0n;
        if (spent + c <= budget) {
          spent += c;
          selected.push(q);
          greedyFill.push({ project: projects[q]?.id ?? '', cost: money(c), votes: approvals[q] ?? 0 });
        }
      }
    }
  }

  // Voters grouped by the exact amount they have left (empty ballots keep the whole budget).
  // The engine reports every amount over one denominator, a multiple of the starting one, so
  // amounts are compared by numerator over that denominator (no gcd per amount).
  const commonDen = detailed?.leftovers?.[0]?.remaining.den ?? usedBudget.den;
  const byAmount = new Map<bigint, { voters: number; value: Ratio }>();
  const addLeftover = (value: Ratio, voters: number): void => {
    if (voters === 0) return;
    const key = (value.num * commonDen) / value.den;
    const entry = byAmount.get(key);
    if (entry) entry.voters += voters;
    else byAmount.set(key, { voters, value: { num: key, den: commonDen } });
  };
  for (const l of detailed?.leftovers ?? []) addLeftover(l.remaining, l.voters);
  const emptyBallots = instance.ballots.filter((b) => b.projects.length === 0).length;
  if (kept) addLeftover(usedBudget, emptyBallots);
  const amounts = [...byAmount.values()].sort((a, b) => (a.value.num < b.value.num ? -1 : a.value.num > b.value.num ? 1 : 0));
  const leftovers = summariseLeftovers(amounts, ratioMoney, fraction);
  const unspentValue: Ratio = {
    num: usedBudget.num * BigInt(n) - keptRun.cost * usedBudget.den,
    den: usedBudget.den,
  };

  const explanation: EqualSharesExplanation = {
    utility: options.utility,
    completion: options.completion,
    exhaustiveStop,
    startFloor,
    tieBreak,
    voters: n,
    budget: money(budget),
    budgetPerVoter: {
      start: ratioMoney(start),
      used: ratioMoney(usedBudget),
      usedExact: fraction(usedBudget),
    },
    mesRuns,
    exactRuns,
    stop,
    fundedAtZeroCost: zeroCost.map((q) => projects[q]?.id ?? ''),
    rounds: (detailed?.rounds ?? []).map((r) => ({
      project: projects[r.project]?.id ?? '',
      cost: money(costs[r.project] ?? 0n),
      price: ratioMoney(r.price),
      priceExact: fraction(r.price),
      priceUnit: options.utility === 'points' ? 'point' : 'supporter',
      paidInFull: r.paidInFull,
      capped: r.capped,
      paidInFullTotal: fraction(r.paidInFullTotal),
      cappedTotal: fraction(r.cappedTotal),
    })),
    leftovers,
    unspent: { amount: ratioMoney(unspentValue), exact: fraction(unspentValue) },
    greedyFill,
  };
  return {
    rule: equalSharesRuleKey(options),
    selected: selected.map((q) => projects[q]?.id ?? ''),
    cost: spent,
    explanation,
  };
}

function emptyResult(
  instance: Instance,
  options: EqualSharesOptions,
  tieBreak: TieBreak,
  exhaustiveStop: boolean,
  startFloor: boolean,
  zeroCost: number[],
): TallyResult<EqualSharesExplanation> {
  return {
    rule: equalSharesRuleKey(options),
    selected: zeroCost.map((q) => instance.projects[q]?.id ?? ''),
    cost: 0n,
    explanation: {
      utility: options.utility,
      completion: options.completion,
      exhaustiveStop,
      startFloor,
      tieBreak,
      voters: 0,
      budget: formatMoney(instance.budget, instance.moneyScale),
      budgetPerVoter: { start: '0', used: '0', usedExact: '0' },
      mesRuns: 0,
      exactRuns: 0,
      stop: 'plain',
      fundedAtZeroCost: zeroCost.map((q) => instance.projects[q]?.id ?? ''),
      rounds: [],
      leftovers: [],
      unspent: { amount: '0', exact: '0' },
      greedyFill: [],
    },
  };
}

/** One entry per amount, or LEFTOVER_RANGES ranges of equal width (zero kept apart) when there are many. */
function summariseLeftovers(
  amounts: readonly { voters: number; value: Ratio }[],
  money: (r: Ratio) => string,
  fraction: (r: Ratio) => string,
): EqualSharesLeftover[] {
  if (amounts.length <= LEFTOVER_LIST_LIMIT) {
    return amounts.map(({ voters, value }) => ({ voters, remaining: money(value), remainingExact: fraction(value) }));
  }
  const out: EqualSharesLeftover[] = [];
  const zero = amounts.filter((a) => a.value.num === 0n);
  const positive = amounts.filter((a) => a.value.num !== 0n);
  const zeroVoters = zero.reduce((s, a) => s + a.voters, 0);
  if (zeroVoters > 0) out.push({ voters: zeroVoters, remaining: '0', remainingExact: '0' });
  const lo = positive[0]?.value;
  const hi = positive[positive.length - 1]?.value;
  if (!lo || !hi) return out;
  const loF = ratioToFloat(lo.num, lo.den);
  const width = (ratioToFloat(hi.num, hi.den) - loF) / LEFTOVER_RANGES;
  let i = 0;
  for (let r = 0; r < LEFTOVER_RANGES && i < positive.length; r++) {
    const first = positive[i];
    let last = first;
    let voters = 0;
    const limit = r === LEFTOVER_RANGES - 1 ? Infinity : loF + width * (r + 1);
    while (i < positive.length) {
      const a = positive[i];
      if (!a || (ratioToFloat(a.value.num, a.value.den) > limit && voters > 0)) break;
      voters += a.voters;
      last = a;
      i++;
    }
    if (!first || !last || voters === 0) continue;
    out.push(
      first === last
        ? { voters, remaining: money(first.value), remainingExact: fraction(first.value) }
        : { voters, remaining: money(first.value), remainingUpTo: money(last.value) },
    );
  }
  return out;
}
