import type { Instance } from '../model';
import { formatMoney } from '../pabulib/decimal';
import { approvalCounts, describeTieBreak, tieBreakComparator } from './tieBreak';
import { DEFAULT_TIE_BREAK, type TallyResult, type TieBreak } from './types';

export interface MaxWelfareOptions {
  /** Orders projects before the search; among several optimal sets, decides which is returned. */
  readonly tieBreak?: TieBreak;
}

export interface MaxWelfareProject {
  readonly projectId: string;
  readonly votes: number;
  readonly cost: string;
  /** votes × cost: what this project adds to the objective when funded. */
  readonly welfare: string;
  readonly decision: 'in' | 'out';
  readonly reason: string;
}

export interface MaxWelfareExplanation {
  readonly kind: 'max_welfare';
  /** Σ over funded projects of (ballots listing it) × cost, in currency units. */
  readonly objective: string;
  readonly method: 'dynamic programming over costs' | 'branch and bound';
  readonly tieBreak: string;
  readonly budget: string;
  readonly spent: string;
  readonly leftover: string;
  readonly projects: readonly MaxWelfareProject[];
}

export interface MaxWelfareResult extends TallyResult<MaxWelfareExplanation> {
  /** The optimum's objective in units of 10^-moneyScale currency (Σ votes × cost). */
  readonly objective: bigint;
}

/** Above this many DP cells (items × capacity units) the branch and bound is used instead. */
const DP_CELL_LIMIT = 30_000_000;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * pabutools `max_additive_utilitarian_welfare` with `Cost_Sat`: the exact optimum of the 0/1
 * knapsack "maximise Σ votes(p)·cost(p) over sets that fit the budget". Solved by dynamic
 * programming over costs (divided by their common divisor) when that table is small, otherwise
 * by depth-first branch and bound with the LP (Dantzig) bound. All arithmetic is exact. Among
 * optimal sets the result is deterministic: projects are searched by votes, then the tie-break.
 * Projects nobody voted for add nothing and are left out.
 */
export function maxWelfareCostSat(instance: Instance, options: MaxWelfareOptions = {}): MaxWelfareResult {
  const tieBreak = options.tieBreak ?? DEFAULT_TIE_BREAK;
  const projects = instance.projects;
  const approvals = approvalCounts(instance);
  const tie = tieBreakComparator(instance, tieBreak, approvals);
  const budget = instance.budget;

  const chosen = new Set<number>();
  const items: number[] = [];
  projects.forEach((p, i) => {
    const votes = approvals[i] ?? 0;
    if (votes === 0 || p.cost > budget) return;
    if (p.cost === 0n) chosen.add(i); // free and wanted: always in
    else items.push(i);
  });
  // Density votes·cost/cost = votes: best first, ties by the tie-break.
  items.sort((a, b) => (approvals[b] ?? 0) - (approvals[a] ?? 0) || cmpBig(projects[b]?.cost ?? 0n, projects[a]?.cost ?? 0n) || tie(a, b));

  let g = budget;
  for (const i of items) g = gcd(g, projects[i]?.cost ?? 1n);
  if (g === 0n) g = 1n;
  const capacity = budget / g;
  const weights = items.map((i) => (projects[i]?.cost ?? 0n) / g);
  const values = items.map((i, k) => BigInt(approvals[i] ?? 0) * (weights[k] ?? 0n));
  const maxVotes = items.reduce((m, i) => Math.max(m, approvals[i] ?? 0), 0);

  const totalValue = values.reduce((s, v) => s + v, 0n);
  const dpCells = capacity * BigInt(items.length + 1);
  const numbersSafe =
    totalValue <= BigInt(Number.MAX_SAFE_INTEGER) && capacity * BigInt(maxVotes + 1) <= BigInt(Number.MAX_SAFE_INTEGER);
  let method: MaxWelfareExplanation['method'];
  let picked: number[];
  if (numbersSafe && dpCells <= BigInt(DP_CELL_LIMIT)) {
    method = 'dynamic programming over costs';
    picked = knapsackDp(Number(capacity), weights.map(Number), values.map(Number));
  } else {
    method = 'branch and bound';
    picked = knapsackBranchAndBound(capacity, weights, values, items.map((i) => BigInt(approvals[i] ?? 0)));
  }
  for (const k of picked) chosen.add(items[k] ?? -1);

  const scale = instance.moneyScale;
  let spent = 0n;
  let objective = 0n;
  const order = projects.map((_, i) => i);
  order.sort((a, b) => (approvals[b] ?? 0) - (approvals[a] ?? 0) || tie(a, b));
  const rows: MaxWelfareProject[] = [];
  const selected: string[] = [];
  for (const i of order) {
    const p = projects[i];
    if (!p) continue;
    const votes = approvals[i] ?? 0;
    const welfare = BigInt(votes) * p.cost;
    const isIn = chosen.has(i);
    if (isIn) {
      spent += p.cost;
      objective += welfare;
      selected.push(p.id);
    }
    rows.push({
      projectId: p.id,
      votes,
      cost: formatMoney(p.cost, scale),
      welfare: formatMoney(welfare, scale),
      decision: isIn ? 'in' : 'out',
      reason: isIn
        ? 'part of the best set of projects that fits the budget'
        : votes === 0
          ? 'no ballot lists it, so it adds nothing'
          : p.cost > budget
            ? 'it costs more than the whole budget'
            : 'the best set of projects that fits the budget does not include it',
    });
  }
  return {
    rule: 'max_welfare_cost_sat',
    selected,
    cost: spent,
    objective,
    explanation: {
      kind: 'max_welfare',
      objective: formatMoney(objective, scale),
      method,
      tieBreak: describeTieBreak(tieBreak),
      budget: formatMoney(budget, scale),
      spent: formatMoney(spent, scale),
      leftover: formatMoney(budget - spent, scale),
      projects: rows,
    },
  };
}

/** 0/1 knapsack by DP over integer capacity (all values exact: checked < 2^53 by the caller). */
function knapsackDp(capacity: number, weights: readonly number[], values: readonly number[]): number[] {
  const n = weights.length;
  const best = new Float64Array(capacity + 1);
  const words = (capacity >>> 5) + 1;
  const take = new Uint32Array(n * words);
  for (let k = 0; k < n; k++) {
    const w = weights[k] ?? 0;
    const v = values[k] ?? 0;
    const base = k * words;
    // Strictly better only, so earlier (better-ranked) choices are kept on ties.
    for (let c = capacity; c >= w; c--) {
      const candidate = (best[c - w] ?? 0) + v;
      if (candidate > (best[c] ?? 0)) {
        best[c] = candidate;
        take[base + (c >>> 5)] = (take[base + (c >>> 5)] ?? 0) | (1 << (c & 31));
      }
    }
  }
  const picked: number[] = [];
  let c = capacity;
  for (let k = n - 1; k >= 0; k--) {
    if (((take[k * words + (c >>> 5)] ?? 0) >>> (c & 31)) & 1) {
      picked.push(k);
      c -= weights[k] ?? 0;
    }
  }
  return picked.reverse();
}

/** Nodes the plain search may visit before it restarts with the meet-in-the-middle tail. */
const PLAIN_NODE_BUDGET = 200_000;
/** Largest tail enumerated in full (2^18 subsets at most, fewer after dominance). */
const MAX_TAIL = 18;

/**
 * Depth-first branch and bound (include before exclude) over items sorted by density
 * (values[k] / weights[k] = density[k], non-increasing). The bound is the LP relaxation: fill
 * greedily, then a fraction of the first item that does not fit. Exact bigint arithmetic.
 *
 * When many projects share a vote count the LP bound is weak and the plain search can explode
 * (it becomes subset sum), so after PLAIN_NODE_BUDGET nodes it restarts with the last items
 * precomputed as a Pareto list of (cost, welfare) over all their subsets: the search then only
 * branches on the first items, and each node completes optimally with one binary search.
 */
function knapsackBranchAndBound(
  capacity: bigint,
  weights: readonly bigint[],
  values: readonly bigint[],
  density: readonly bigint[],
): number[] {
  const plain = searchKnapsack(capacity, weights, values, density, 0, PLAIN_NODE_BUDGET);
  if (plain) return plain;
  const tail = Math.min(MAX_TAIL, Math.floor(weights.length / 2));
  return searchKnapsack(capacity, weights, values, density, tail, Infinity) ?? [];
}

interface ParetoList {
  readonly w: bigint[];
  readonly v: bigint[];
  readonly mask: number[];
}

/** Every subset of items [from, from + size) as a Pareto list: cost ascending, welfare strictly ascending. */
function paretoSubsets(capacity: bigint, weights: readonly bigint[], values: readonly bigint[], from: number, size: number): ParetoList {
  let list: ParetoList = { w: [0n], v: [0n], mask: [0] };
  for (let j = 0; j < size; j++) {
    const wj = weights[from + j] ?? 0n;
    const vj = values[from + j] ?? 0n;
    const bit = 1 << j;
    const next: ParetoList = { w: [], v: [], mask: [] };
    let a = 0;
    let b = 0;
    const n = list.w.length;
    const push = (w: bigint, v: bigint, mask: number): void => {
      const last = next.v.length - 1;
      if (last >= 0 && v <= (next.v[last] ?? 0n)) return; // dominated: costs no less, worth no more
      if (last >= 0 && w === next.w[last]) {
        next.v[last] = v;
        next.mask[last] = mask;
        return;
      }
      next.w.push(w);
      next.v.push(v);
      next.mask.push(mask);
    };
    while (a < n || b < n) {
      const bw = b < n ? (list.w[b] ?? 0n) + wj : -1n;
      const bFits = b < n && bw <= capacity;
      if (!bFits) b = n;
      if (a < n && (b >= n || (list.w[a] ?? 0n) <= bw)) {
        push(list.w[a] ?? 0n, list.v[a] ?? 0n, list.mask[a] ?? 0);
        a++;
      } else if (b < n) {
        push(bw, (list.v[b] ?? 0n) + vj, (list.mask[b] ?? 0) | bit);
        b++;
      }
    }
    list = next;
  }
  return list;
}

/** @internal Exported for tests: the search with a given tail size and node budget. */
export function searchKnapsack(
  capacity: bigint,
  weights: readonly bigint[],
  values: readonly bigint[],
  density: readonly bigint[],
  tailSize: number,
  nodeBudget: number,
): number[] | undefined {
  const n = weights.length;
  const head = n - tailSize;
  const tail = tailSize > 0 ? paretoSubsets(capacity, weights, values, head, tailSize) : undefined;
  // Best tail completion with `room` left: the last Pareto entry that fits.
  const tailBest = (room: bigint): number => {
    if (!tail) return -1;
    let lo = 0;
    let hi = tail.w.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((tail.w[mid] ?? 0n) <= room) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  let bestValue = -1n;
  let bestSet: number[] = [];
  const current: number[] = [];
  let nodes = 0;

  // Upper bound of what items k.. can add with `room` left (LP relaxation, exact since
  // value/weight is the integer density).
  const bound = (k: number, room: bigint): bigint => {
    let add = 0n;
    for (let j = k; j < n; j++) {
      const w = weights[j] ?? 0n;
      if (w <= room) {
        room -= w;
        add += values[j] ?? 0n;
      } else {
        return add + room * (density[j] ?? 0n);
      }
    }
    return add;
  };

  const rootBound = bound(0, capacity);
  const offer = (value: bigint, room: bigint): void => {
    // Taking no more head items, complete with the best tail subset that fits.
    const t = tailBest(room);
    const total = value + (t >= 0 ? (tail?.v[t] ?? 0n) : 0n);
    if (total > bestValue) {
      bestValue = total;
      bestSet = [...current];
      const mask = t >= 0 ? (tail?.mask[t] ?? 0) : 0;
      for (let j = 0; j < tailSize; j++) if (mask & (1 << j)) bestSet.push(head + j);
    }
  };
  const visit = (k: number, room: bigint, value: bigint): boolean => {
    if (++nodes > nodeBudget) return false;
    offer(value, room);
    if (k >= head || bestValue >= rootBound) return true;
    if (value + bound(k, room) <= bestValue) return true;
    const w = weights[k] ?? 0n;
    if (w <= room) {
      current.push(k);
      const ok = visit(k + 1, room - w, value + (values[k] ?? 0n));
      current.pop();
      if (!ok) return false;
    }
    return visit(k + 1, room, value);
  };
  return visit(0, capacity, 0n) ? bestSet : undefined;
}

function cmpBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
