import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ballot, Instance, Project, VoteType } from '../src/model';
import { equalShares, type EqualSharesOptions, type EqualSharesUtility } from '../src/rules/mes';

// ---------------------------------------------------------------------------------------------
// Small instances built in code.

function instance(
  voteType: VoteType,
  projects: readonly (readonly [id: string, cost: number])[],
  ballots: readonly (readonly (readonly [id: string, points?: number])[])[],
  budget: number,
  moneyScale = 0,
): Instance {
  const index = new Map(projects.map(([id], i) => [id, i]));
  const ps: Project[] = projects.map(([id, cost]) => ({ id, cost: BigInt(cost), fields: {} }));
  const bs: Ballot[] = ballots.map((entries, v) => ({
    voterId: String(v + 1),
    projects: entries.map(([id]) => index.get(id) ?? -1),
    ...(voteType === 'cumulative' ? { points: entries.map(([, pts]) => pts ?? 1) } : {}),
  }));
  return { meta: new Map(), voteType, projects: ps, ballots: bs, budget: BigInt(budget), moneyScale };
}

/** Random instances with few, cheap projects so that exact ties are frequent. */
const arbitraryInstance = (voteType?: VoteType): fc.Arbitrary<Instance> =>
  fc
    .record({
      voteType: voteType ? fc.constant(voteType) : fc.constantFrom<VoteType>('approval', 'cumulative'),
      ids: fc.uniqueArray(fc.constantFrom('1', '2', '10', '11', 'a', 'B', '7/1', '7/10'), { minLength: 1, maxLength: 6 }),
      costs: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 6, maxLength: 6 }),
      ballots: fc.array(fc.array(fc.tuple(fc.nat({ max: 5 }), fc.integer({ min: 1, max: 3 })), { maxLength: 4 }), {
        maxLength: 12,
      }),
      budget: fc.integer({ min: 1, max: 120 }),
      moneyScale: fc.constantFrom(0, 0, 1),
    })
    .map(({ voteType, ids, costs, ballots, budget, moneyScale }) => {
      const projects = ids.map((id, i) => [id, costs[i] ?? 1] as const);
      const unique = ballots.map((entries) => {
        const seen = new Map<string, number>();
        for (const [p, pts] of entries) {
          const id = ids[p % ids.length] ?? '';
          if (!seen.has(id)) seen.set(id, pts);
        }
        return [...seen];
      });
      return instance(voteType, projects, unique, budget, moneyScale);
    });

// ---------------------------------------------------------------------------------------------
// A deliberately naive exact MES, transcribed from pabutools' definition (RULES.md §2.2): one
// budget per voter as a reduced fraction, every project's affordability recomputed from scratch
// each round, ties to the smaller id string. The engine under test shares no code with it.

type Frac = readonly [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const frac = (n: bigint, d: bigint): Frac => {
  const g = gcd(n, d) || 1n;
  return d < 0n ? [-n / g, -d / g] : [n / g, d / g];
};
const add = (a: Frac, b: Frac): Frac => frac(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const sub = (a: Frac, b: Frac): Frac => frac(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const mul = (a: Frac, b: Frac): Frac => frac(a[0] * b[0], a[1] * b[1]);
const div = (a: Frac, b: Frac): Frac => frac(a[0] * b[1], a[1] * b[0]);
const cmp = (a: Frac, b: Frac): number => {
  const x = a[0] * b[1];
  const y = b[0] * a[1];
  return x < y ? -1 : x > y ? 1 : 0;
};

function utilities(inst: Instance, utility: EqualSharesUtility): Map<number, bigint>[] {
  return inst.ballots.map((b) => {
    const u = new Map<number, bigint>();
    b.projects.forEach((p, i) => {
      const cost = inst.projects[p]?.cost ?? 0n;
      const value = utility === 'cost' ? cost : utility === 'cardinality' ? 1n : BigInt(b.points?.[i] ?? 1);
      if (value > 0n) u.set(p, value);
    });
    return u;
  });
}

function naiveMes(inst: Instance, utility: EqualSharesUtility, perVoter: Frac): string[] {
  const u = utilities(inst, utility);
  const budgets: Frac[] = inst.ballots.map(() => perVoter);
  const supported = (p: number): boolean => u.some((m) => m.has(p));
  const chosen: number[] = inst.projects.flatMap((p, i) =>
    utility !== 'cost' && p.cost === 0n && supported(i) ? [i] : [],
  );
  let remaining = inst.projects.flatMap((p, i) => (p.cost > 0n && supported(i) ? [i] : []));
  for (;;) {
    let best: { p: number; rho: Frac } | null = null;
    const next: number[] = [];
    for (const p of remaining) {
      const cost: Frac = [inst.projects[p]?.cost ?? 0n, 1n];
      const voters = u.flatMap((m, i) => (m.has(p) ? [i] : []));
      const total = voters.reduce<Frac>((s, i) => add(s, budgets[i] ?? [0n, 1n]), [0n, 1n]);
      if (cmp(total, cost) < 0) continue;
      next.push(p);
      voters.sort((a, b) => cmp(div(budgets[a] ?? [0n, 1n], [u[a]?.get(p) ?? 1n, 1n]), div(budgets[b] ?? [0n, 1n], [u[b]?.get(p) ?? 1n, 1n])));
      let paid: Frac = [0n, 1n];
      let denom = voters.reduce((s, i) => s + (u[i]?.get(p) ?? 0n), 0n);
      let rho: Frac | null = null;
      for (const i of voters) {
        const r = div(sub(cost, paid), [denom, 1n]);
        const ui = u[i]?.get(p) ?? 0n;
        if (cmp(mul(r, [ui, 1n]), budgets[i] ?? [0n, 1n]) <= 0) {
          rho = r;
          break;
        }
        paid = add(paid, budgets[i] ?? [0n, 1n]);
        denom -= ui;
      }
      if (!rho) continue;
      const id = inst.projects[p]?.id ?? '';
      const c = best ? cmp(rho, best.rho) : -1;
      if (!best || c < 0 || (c === 0 && id < (inst.projects[best.p]?.id ?? ''))) best = { p, rho };
    }
    if (!best) break;
    const win = best;
    chosen.push(win.p);
    remaining = next.filter((p) => p !== win.p);
    u.forEach((m, i) => {
      const ui = m.get(win.p);
      if (ui === undefined) return;
      const b = budgets[i] ?? [0n, 1n];
      const pay = mul(win.rho, [ui, 1n]);
      budgets[i] = cmp(b, pay) <= 0 ? [0n, 1n] : sub(b, pay);
    });
  }
  return chosen.map((p) => inst.projects[p]?.id ?? '');
}

function naiveAdd1(inst: Instance, exhaustiveStop: boolean): string[] {
  const n = BigInt(inst.ballots.length);
  const unit = 10n ** BigInt(inst.moneyScale);
  const costOf = new Map(inst.projects.map((p) => [p.id, p.cost]));
  const total = (ids: string[]): bigint => ids.reduce((s, id) => s + (costOf.get(id) ?? 0n), 0n);
  const u = utilities(inst, 'cost');
  const candidates = inst.projects.filter((p, i) => p.cost > 0n && u.some((m) => m.has(i)));
  let previous: string[] = [];
  for (let k = 0n; ; k++) {
    const perVoter = frac(inst.budget + k * unit * n, n);
    // pabutools' bound on exhaustion_by_budget_increase: total budget at most B·(n+1).
    if (!exhaustiveStop && perVoter[0] * n > inst.budget * (n + 1n) * perVoter[1]) return previous;
    const outcome = naiveMes(inst, 'cost', perVoter);
    const spent = total(outcome);
    if (spent > inst.budget) return previous;
    const exhaustive = !candidates.some((p) => !outcome.includes(p.id) && p.cost <= inst.budget - spent);
    if (exhaustiveStop && exhaustive) return outcome;
    previous = outcome;
  }
}

const parseDecimal = (text: string): Frac => {
  const [int, decimals = ''] = text.split('.');
  return frac(BigInt(`${int ?? '0'}${decimals}`), 10n ** BigInt(decimals.length));
};

const parseFrac = (text: string): Frac => {
  const [n, d] = text.split('/');
  return frac(BigInt(n ?? '0'), BigInt(d ?? '1'));
};

// ---------------------------------------------------------------------------------------------

describe('MES on a hand-worked example', () => {
  // Budget 100, four voters: 25 each. A (60) is approved by v1-v3, B (28) by v1 and v4, C (10) by v2.
  // Round 1: A costs its supporters 20 each (ρ = 1/3), B 14 each (ρ = 1/2), C 10 (ρ = 1): A.
  // Round 2: v1 has 5 left, less than B's equal share 14, so v1 pays 5 and v4 pays 23 (ρ = 23/28).
  // C: v2 has 5 < 10, unaffordable. Outcome {A, B}, cost 88; v1 ends with 0, v2 and v3 with 5, v4 with 2.
  const example = instance(
    'approval',
    [
      ['A', 60],
      ['B', 28],
      ['C', 10],
    ],
    [[['A'], ['B']], [['A'], ['C']], [['A']], [['B']]],
    100,
  );

  it('charges equal shares and caps the voter who cannot pay', () => {
    const result = equalShares(example, { utility: 'cost', completion: 'none' });
    expect(result.selected).toEqual(['A', 'B']);
    expect(result.cost).toBe(88n);
    const [a, b] = result.explanation.rounds;
    expect(a).toMatchObject({ project: 'A', price: '20', priceExact: '20', paidInFull: 3, capped: 0 });
    expect(b).toMatchObject({ project: 'B', price: '23', paidInFull: 1, capped: 1, paidInFullTotal: '23', cappedTotal: '5' });
    expect(result.explanation.leftovers).toEqual([
      { voters: 1, remaining: '0', remainingExact: '0' },
      { voters: 1, remaining: '2', remainingExact: '2' },
      { voters: 2, remaining: '5', remainingExact: '5' },
    ]);
  });

  it('add1 raises the per-voter budget until nothing supported fits any more', () => {
    // At 30 per voter v2 keeps 10 after A and can fund C alone: {A, B, C} costs 98 and nothing is left
    // to fund, after 6 runs (25, 26, ..., 30).
    const result = equalShares(example, { utility: 'cost', completion: 'add1' });
    expect(result.selected).toEqual(['A', 'B', 'C']);
    expect(result.explanation.mesRuns).toBe(6);
    expect(result.explanation.budgetPerVoter).toMatchObject({ start: '25', used: '30' });
    expect(result.explanation.stop).toBe('exhaustive');
    expect(JSON.parse(JSON.stringify(result.explanation))).toEqual(result.explanation);
  });

  it('cardinality utilities prefer the project that costs its supporters least', () => {
    // Round 1 (ρ = share): C 10, B 14, A 20 -> C; then B (v1 14, v4 14), then A is unaffordable
    // (v1 11 + v2 15 + v3 25 = 51 < 60).
    const result = equalShares(example, { utility: 'cardinality', completion: 'none' });
    expect(result.selected).toEqual(['C', 'B']);
  });
});

describe('MES properties on random small instances', () => {
  const options: EqualSharesOptions[] = [
    { utility: 'cost', completion: 'none' },
    { utility: 'cardinality', completion: 'none' },
    { utility: 'points', completion: 'none' },
    { utility: 'cost', completion: 'add1' },
    { utility: 'cost', completion: 'add1', exhaustiveStop: false },
    { utility: 'cost', completion: 'add1-greedy' },
    { utility: 'cost', completion: 'add1', startFloor: true },
  ];

  it('agrees with a naive exact implementation, ties included', () => {
    fc.assert(
      fc.property(arbitraryInstance(), fc.constantFrom<EqualSharesUtility>('cost', 'cardinality', 'points'), (inst, utility) => {
        const n = BigInt(inst.ballots.length);
        const got = equalShares(inst, { utility, completion: 'none' }).selected;
        const want = n === 0n ? [] : naiveMes(inst, utility, frac(inst.budget, n));
        expect(got).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });

  it('add1 with and without the exhaustive stop agrees with the naive iteration', () => {
    fc.assert(
      fc.property(arbitraryInstance('approval'), fc.boolean(), (inst, exhaustiveStop) => {
        fc.pre(inst.ballots.length > 0);
        const got = equalShares(inst, { utility: 'cost', completion: 'add1', exhaustiveStop }).selected;
        expect([...got].sort()).toEqual([...naiveAdd1(inst, exhaustiveStop)].sort());
      }),
      { numRuns: 150 },
    );
  });

  it('never spends more than the budget', () => {
    fc.assert(
      fc.property(arbitraryInstance(), fc.constantFrom(...options), (inst, opts) => {
        const result = equalShares(inst, opts);
        const byId = new Map(inst.projects.map((p) => [p.id, p.cost]));
        const total = result.selected.reduce((s, id) => s + (byId.get(id) ?? 0n), 0n);
        expect(result.cost).toBe(total);
        expect(result.cost).toBeLessThanOrEqual(inst.budget);
        expect(new Set(result.selected).size).toBe(result.selected.length);
      }),
      { numRuns: 300 },
    );
  });

  it('payments of each funded project add up to its cost, and no voter pays more than they had', () => {
    fc.assert(
      fc.property(arbitraryInstance(), fc.constantFrom(...options), (inst, opts) => {
        const { explanation } = equalShares(inst, opts);
        let fundedByVoters: Frac = [0n, 1n];
        for (const round of explanation.rounds) {
          const cost = parseDecimal(round.cost);
          const paid = add(parseFrac(round.paidInFullTotal), parseFrac(round.cappedTotal));
          expect(cmp(paid, cost)).toBe(0);
          if (round.priceUnit === 'supporter') {
            expect(cmp(parseFrac(round.paidInFullTotal), mul(parseFrac(round.priceExact), [BigInt(round.paidInFull), 1n]))).toBe(0);
          }
          fundedByVoters = add(fundedByVoters, cost);
        }
        // Every voter started with the same budget; what they have left is never negative, and
        // what they spent together is exactly what the funded projects cost.
        const start = parseFrac(explanation.budgetPerVoter.usedExact);
        let left: Frac = [0n, 1n];
        let voters = 0;
        for (const l of explanation.leftovers) {
          const r = parseFrac(l.remainingExact ?? 'missing');
          expect(r[0]).toBeGreaterThanOrEqual(0n);
          expect(cmp(r, start)).toBeLessThanOrEqual(0);
          left = add(left, mul(r, [BigInt(l.voters), 1n]));
          voters += l.voters;
        }
        expect(voters).toBe(inst.ballots.length);
        expect(cmp(left, parseFrac(explanation.unspent.exact))).toBe(0);
        const spent = sub(mul(start, [BigInt(voters), 1n]), left);
        expect(cmp(spent, fundedByVoters)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the ballots', () => {
    fc.assert(
      fc.property(
        arbitraryInstance(),
        fc.constantFrom(...options),
        fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
        (inst, opts, keys) => {
          const order = inst.ballots.map((_, i) => i).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b);
          const shuffled = { ...inst, ballots: order.map((i) => inst.ballots[i] as Ballot) };
          expect(equalShares(shuffled, opts).selected).toEqual(equalShares(inst, opts).selected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('plain MES does not change when costs and budget are scaled by the same factor', () => {
    fc.assert(
      fc.property(
        arbitraryInstance(),
        fc.constantFrom<EqualSharesUtility>('cost', 'cardinality', 'points'),
        fc.integer({ min: 2, max: 1000 }),
        (inst, utility, factor) => {
          const f = BigInt(factor);
          const scaled = {
            ...inst,
            budget: inst.budget * f,
            projects: inst.projects.map((p) => ({ ...p, cost: p.cost * f })),
          };
          const opts = { utility, completion: 'none' } as const;
          expect(equalShares(scaled, opts).selected).toEqual(equalShares(inst, opts).selected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
