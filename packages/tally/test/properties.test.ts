import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instance } from '../src/model';
import { cityRule } from '../src/rules/city';
import { greedyCostSat } from '../src/rules/greedy';
import { getRule, runRule } from '../src/rules/index';
import { maxWelfareCostSat, searchKnapsack } from '../src/rules/maxWelfare';
import { seqPhragmen } from '../src/rules/phragmen';
import { approvalCounts } from '../src/rules/tieBreak';
import { DEFAULT_TIE_BREAK, PABUTOOLS_TIE_BREAK, type TieBreak } from '../src/rules/types';
import { arbitraryInstance, scaled, shuffled } from './helpers/arbitrary';

const NON_MES_RULES = ['greedy_cost_sat', 'greedy_cardinality_sat', 'greedy_score', 'greedy_points_per_cost', 'seq_phragmen', 'max_welfare_cost_sat'];
const GREEDY_RULES = ['greedy_cost_sat', 'greedy_cardinality_sat', 'greedy_score', 'greedy_points_per_cost'];
const TIE_BREAKS: TieBreak[] = [PABUTOOLS_TIE_BREAK, DEFAULT_TIE_BREAK, ['moreVotes', 'higherCost']];
const RUNS = 150;

const applicable = (rule: string, instance: Instance): boolean => getRule(rule)?.voteTypes.includes(instance.voteType) ?? false;

function welfare(instance: Instance, selected: readonly string[]): bigint {
  const votes = approvalCounts(instance);
  const index = new Map(instance.projects.map((p, i) => [p.id, i]));
  return selected.reduce((sum, id) => {
    const i = index.get(id) ?? -1;
    return sum + BigInt(votes[i] ?? 0) * (instance.projects[i]?.cost ?? 0n);
  }, 0n);
}

function costOf(instance: Instance, selected: readonly string[]): bigint {
  const byId = new Map(instance.projects.map((p) => [p.id, p.cost]));
  return selected.reduce((s, id) => s + (byId.get(id) ?? 0n), 0n);
}

describe('properties of every non-MES rule on random instances', () => {
  it('never spends more than the budget, and reports the cost of what it selected', () => {
    fc.assert(
      fc.property(arbitraryInstance(), fc.constantFrom(...TIE_BREAKS), (instance, tieBreak) => {
        for (const rule of NON_MES_RULES.filter((r) => applicable(r, instance))) {
          const result = runRule(rule, instance, { tieBreak });
          expect(new Set(result.selected).size).toBe(result.selected.length);
          expect(result.cost).toBe(costOf(instance, result.selected));
          expect(result.cost).toBeLessThanOrEqual(instance.budget);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('greedy rules are exhaustive: no unfunded project fits in the money left', () => {
    fc.assert(
      fc.property(arbitraryInstance(), fc.constantFrom(...TIE_BREAKS), (instance, tieBreak) => {
        for (const rule of GREEDY_RULES.filter((r) => applicable(r, instance))) {
          const result = runRule(rule, instance, { tieBreak });
          const left = instance.budget - result.cost;
          const funded = new Set(result.selected);
          for (const p of instance.projects) if (!funded.has(p.id)) expect(p.cost).toBeGreaterThan(left);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('listing projects and ballots in another order does not change the outcome', () => {
    fc.assert(
      fc.property(
        arbitraryInstance(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 10 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(...TIE_BREAKS),
        (instance, projectKeys, ballotKeys, tieBreak) => {
          const other = shuffled(instance, projectKeys, ballotKeys);
          for (const rule of NON_MES_RULES.filter((r) => applicable(r, instance))) {
            const a = runRule(rule, instance, { tieBreak });
            const b = runRule(rule, other, { tieBreak });
            // Same projects, picked in the same order.
            expect(b.selected).toEqual(a.selected);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('multiplying every cost and the budget by the same factor does not change the outcome', () => {
    fc.assert(
      fc.property(arbitraryInstance(), fc.bigInt({ min: 2n, max: 10n ** 12n }), fc.constantFrom(...TIE_BREAKS), (instance, factor, tieBreak) => {
        const big = scaled(instance, factor);
        for (const rule of NON_MES_RULES.filter((r) => applicable(r, instance))) {
          const a = runRule(rule, instance, { tieBreak });
          const b = runRule(rule, big, { tieBreak });
          if (rule === 'max_welfare_cost_sat') expect(welfare(big, b.selected)).toBe(welfare(instance, a.selected) * factor);
          else expect(b.selected).toEqual(a.selected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('runs are deterministic', () => {
    fc.assert(
      fc.property(arbitraryInstance(), (instance) => {
        for (const rule of NON_MES_RULES.filter((r) => applicable(r, instance))) {
          expect(runRule(rule, instance)).toEqual(runRule(rule, instance));
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('city greedy variants on random instances', () => {
  const withRule = (instance: Instance, rule: string, extra: [string, string][] = []): Instance => ({
    ...instance,
    meta: new Map([...instance.meta, ['rule', rule], ...extra]),
  });

  it('greedy-no-skip funds a prefix of the greedy ranking, and plain greedy funds at least as much', () => {
    fc.assert(
      fc.property(arbitraryInstance(), (instance) => {
        const greedy = cityRule(withRule(instance, 'greedy'));
        const noSkip = cityRule(withRule(instance, 'greedy-no-skip'));
        expect(noSkip.cost).toBeLessThanOrEqual(instance.budget);
        const ranking = (greedy.explanation.greedy?.steps ?? []).map((s) => s.projectId);
        expect(noSkip.selected).toEqual(ranking.slice(0, noSkip.selected.length));
        expect(greedy.selected.slice(0, noSkip.selected.length)).toEqual(noSkip.selected);
      }),
      { numRuns: RUNS },
    );
  });

  it('greedy-threshold funds only projects at or above the threshold and never overspends', () => {
    fc.assert(
      fc.property(arbitraryInstance(), fc.nat({ max: 12 }), (instance, threshold) => {
        const result = cityRule(withRule(instance, 'greedy-threshold', [['min_project_score_threshold', String(threshold)]]));
        expect(result.cost).toBeLessThanOrEqual(instance.budget);
        for (const step of result.explanation.greedy?.steps ?? []) {
          if (step.decision === 'funded') expect(Number(step.score)).toBeGreaterThanOrEqual(threshold);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("Poznań's rule overspends by less than a quarter of the last project's cost", () => {
    fc.assert(
      fc.property(arbitraryInstance(), (instance) => {
        const result = cityRule(withRule(instance, 'greedy-custom', [['unit', 'Poznań']]));
        const steps = result.explanation.greedy?.steps ?? [];
        const funded = steps.filter((s) => s.decision === 'funded');
        const last = instance.projects.find((p) => p.id === funded[funded.length - 1]?.projectId);
        if (result.cost > instance.budget) expect((result.cost - instance.budget) * 5n).toBeLessThanOrEqual(last?.cost ?? 0n);
      }),
      { numRuns: RUNS },
    );
  });
});

/** Best welfare over every subset (small instances only). */
function bruteForceWelfare(instance: Instance): bigint {
  const votes = approvalCounts(instance);
  const m = instance.projects.length;
  let best = 0n;
  for (let mask = 0; mask < 1 << m; mask++) {
    let cost = 0n;
    let value = 0n;
    for (let i = 0; i < m; i++) {
      if (mask & (1 << i)) {
        cost += instance.projects[i]?.cost ?? 0n;
        value += BigInt(votes[i] ?? 0) * (instance.projects[i]?.cost ?? 0n);
      }
    }
    if (cost <= instance.budget && value > best) best = value;
  }
  return best;
}

describe('max welfare', () => {
  it('is at least the welfare of greedy by votes', () => {
    fc.assert(
      fc.property(arbitraryInstance(), (instance) => {
        const greedy = greedyCostSat(instance);
        expect(maxWelfareCostSat(instance).objective).toBeGreaterThanOrEqual(welfare(instance, greedy.selected));
      }),
      { numRuns: RUNS },
    );
  });

  it('equals the brute-force optimum with small costs (dynamic programming)', () => {
    fc.assert(
      fc.property(arbitraryInstance({ maxProjects: 10 }), (instance) => {
        const result = maxWelfareCostSat(instance);
        expect(result.explanation.method).toBe('dynamic programming over costs');
        expect(result.objective).toBe(bruteForceWelfare(instance));
        expect(welfare(instance, result.selected)).toBe(result.objective);
      }),
      { numRuns: RUNS },
    );
  });

  it('equals the brute-force optimum with huge costs (branch and bound)', () => {
    fc.assert(
      fc.property(arbitraryInstance({ maxProjects: 12, maxCost: 2_000_000_000, moneyScale: 0 }), (instance) => {
        const result = maxWelfareCostSat(instance);
        expect(result.objective).toBe(bruteForceWelfare(instance));
        expect(welfare(instance, result.selected)).toBe(result.objective);
        expect(result.cost).toBeLessThanOrEqual(instance.budget);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('knapsack search', () => {
  const item = fc.record({ weight: fc.bigInt({ min: 1n, max: 10n ** 12n }), votes: fc.bigInt({ min: 1n, max: 4n }) });
  it('finds the brute-force optimum with any meet-in-the-middle tail, also when votes tie a lot', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 6 }), (raw, share, tailSize) => {
        const items = [...raw].sort((a, b) => Number(b.votes - a.votes));
        const weights = items.map((i) => i.weight);
        const density = items.map((i) => i.votes);
        const values = items.map((i) => i.weight * i.votes);
        const total = weights.reduce((s, w) => s + w, 0n);
        const capacity = (total * BigInt(Math.round(share * 1000))) / 1000n;
        const tail = Math.min(tailSize, items.length);
        const picked = searchKnapsack(capacity, weights, values, density, tail, Infinity) ?? [];
        const weight = picked.reduce((s, k) => s + (weights[k] ?? 0n), 0n);
        const value = picked.reduce((s, k) => s + (values[k] ?? 0n), 0n);
        let best = 0n;
        for (let mask = 0; mask < 1 << items.length; mask++) {
          let w = 0n;
          let v = 0n;
          items.forEach((_, k) => {
            if (mask & (1 << k)) {
              w += weights[k] ?? 0n;
              v += values[k] ?? 0n;
            }
          });
          if (w <= capacity && v > best) best = v;
        }
        expect(new Set(picked).size).toBe(picked.length);
        expect(weight).toBeLessThanOrEqual(capacity);
        expect(value).toBe(best);
      }),
      { numRuns: 300 },
    );
  });

  it('gives up only when a node budget is set and exceeded', () => {
    const weights = Array.from({ length: 30 }, (_, k) => BigInt(1_000_003 + k * 7919));
    const values = weights.map((w) => w);
    const density = weights.map(() => 1n);
    expect(searchKnapsack(15_000_000n, weights, values, density, 0, 10)).toBeUndefined();
  });
});

/** Textbook sequential Phragmén with one exact fraction per voter, to check the fast version. */
function naivePhragmen(instance: Instance, tieBreak: TieBreak): string[] {
  type F = [bigint, bigint];
  const norm = ([n, d]: F): F => {
    let [a, b] = [n < 0n ? -n : n, d];
    while (b) [a, b] = [b, a % b];
    return [n / a || 0n, d / (a || 1n)];
  };
  const loads: F[] = instance.ballots.map(() => [0n, 1n]);
  const votes = approvalCounts(instance);
  const remaining = new Set(instance.projects.flatMap((p, i) => (p.cost <= instance.budget ? [i] : [])));
  const ids = instance.projects.map((p) => p.id);
  const costs = instance.projects.map((p) => p.cost);
  const tieOrder = (a: number, b: number): number => {
    for (const c of tieBreak) {
      const ca = costs[a] ?? 0n;
      const cb = costs[b] ?? 0n;
      const d =
        c === 'lowerCost' ? Number(ca - cb) : c === 'higherCost' ? Number(cb - ca) : c === 'moreVotes' ? (votes[b] ?? 0) - (votes[a] ?? 0) : (ids[a] ?? '') < (ids[b] ?? '') ? -1 : 1;
      if (d !== 0) return Math.sign(d);
    }
    return (ids[a] ?? '') < (ids[b] ?? '') ? -1 : 1;
  };
  let left = instance.budget;
  const out: string[] = [];
  while (remaining.size) {
    let best: F | null = null;
    let tied: number[] = [];
    for (const q of remaining) {
      const supporters = instance.ballots.flatMap((b, v) => (b.projects.includes(q) ? [v] : []));
      if (supporters.length === 0) {
        if (best === null) tied.push(q);
        continue;
      }
      let sum: F = [costs[q] ?? 0n, 1n];
      for (const v of supporters) {
        const l = loads[v] ?? [0n, 1n];
        sum = norm([sum[0] * l[1] + l[0] * sum[1], sum[1] * l[1]]);
      }
      const t = norm([sum[0], sum[1] * BigInt(supporters.length)]);
      if (best === null || t[0] * best[1] < best[0] * t[1]) {
        best = t;
        tied = [q];
      } else if (t[0] * best[1] === best[0] * t[1]) tied.push(q);
    }
    if (tied.some((q) => (costs[q] ?? 0n) > left)) break;
    tied.sort(tieOrder);
    const p = tied[0] as number;
    remaining.delete(p);
    left -= costs[p] ?? 0n;
    out.push(ids[p] ?? '');
    if (best) instance.ballots.forEach((b, v) => b.projects.includes(p) && (loads[v] = best));
  }
  return out;
}

describe('sequential Phragmén', () => {
  it('matches a textbook implementation with per-voter fractions', () => {
    fc.assert(
      fc.property(arbitraryInstance({ voteType: 'approval' }), fc.constantFrom(...TIE_BREAKS), (instance, tieBreak) => {
        expect(seqPhragmen(instance, { tieBreak }).selected).toEqual(naivePhragmen(instance, tieBreak));
      }),
      { numRuns: 300 },
    );
  });

  it('matches it too when many projects tie (equal costs, identical ballots)', () => {
    fc.assert(
      fc.property(arbitraryInstance({ voteType: 'approval', maxCost: 3, maxVoters: 6 }), fc.constantFrom(...TIE_BREAKS), (instance, tieBreak) => {
        expect(seqPhragmen(instance, { tieBreak }).selected).toEqual(naivePhragmen(instance, tieBreak));
      }),
      { numRuns: 300 },
    );
  });
});
