import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instance } from '../src/model';
import { getRule, runRule } from '../src/rules/index';
import type { EqualSharesExplanation } from '../src/rules/mes';
import { DEFAULT_TIE_BREAK } from '../src/rules/types';
import { arbitraryInstance, makeInstance } from './helpers/arbitrary';

/**
 * Cumulative ballots, budget 90, 3 voters (so 30 each to start). Projects: "1" costs 60, "2" 20,
 * "3" 40. Voter 1 gives "3" 10 points; voter 2 gives "1" 9 and "2" 1; voter 3 gives "1" 10.
 */
const tiny: Instance = makeInstance(
  'cumulative',
  [
    { id: '1', cost: 60n, fields: {} },
    { id: '2', cost: 20n, fields: {} },
    { id: '3', cost: 40n, fields: {} },
  ],
  [
    { voterId: '1', projects: [2], points: [10] },
    { voterId: '2', projects: [0, 1], points: [9, 1] },
    { voterId: '3', projects: [0], points: [10] },
  ],
  90n,
  0,
);

describe('mes_points_add1_greedy', () => {
  it('is registered for cumulative and scoring ballots only', () => {
    expect(getRule('mes_points_add1_greedy')?.voteTypes).toEqual(['cumulative', 'scoring']);
    const approval = makeInstance('approval', [{ id: '1', cost: 1n, fields: {} }], [{ voterId: '1', projects: [0] }], 1n, 0);
    expect(() => runRule('mes_points_add1_greedy', approval)).toThrow(/does not apply to approval/);
  });

  it('funds with the greedy fill a project that add1 alone leaves out (worked by hand)', () => {
    // Per-voter budget b, a supporter pays price × points, at most b.
    // "1" (voter 2: 9 points, voter 3: 10): uncapped price 60/19 ≈ 3.16. For b < 31.58 voter 3
    //   (10 × 3.16 > b) pays all b and voter 2 pays 60 − b, so price (60 − b)/9 ≤ b/9 once b ≥ 30.
    //   Always the cheapest price ("2" costs 20 per point, "3" 4 per point once affordable), so "1"
    //   goes first. Voter 2 keeps 2b − 60 (b < 31.58) or b − 28.42 (b ≥ 32): under 20 until
    //   b ≥ 48.42, so "2" (voter 2's 1 point) stays unaffordable.
    // "3" (voter 1 alone, 40): affordable once b ≥ 40.
    // add1: b = 30, 31, …, 39 all give {"1"}, cost 60; "2" (20) still fits in the 30 left, so the
    //   outcome is not exhaustive and b rises. At b = 40: "1" (price 3.16), then "3" (price 4):
    //   60 + 40 = 100 > 90, so the count stops and keeps b = 39, {"1"} (10 runs + the rejected one).
    //   At b = 39 nobody is capped: both supporters pay 60/19 per point (voter 2 28.42, voter 3 31.58).
    // Greedy fill of the 30 left, by number of voters who gave points: "2" and "3" both have 1;
    //   the tie goes to the smaller id, "2" (as with lower cost first): 20 fits, 10 left; "3" (40)
    //   does not fit. Outcome {"1", "2"}, 80 spent.
    const add1 = runRule('mes_points_add1', tiny);
    expect(add1.selected).toEqual(['1']);
    expect(add1.cost).toBe(60n);

    for (const tieBreak of [undefined, DEFAULT_TIE_BREAK]) {
      const result = runRule('mes_points_add1_greedy', tiny, tieBreak ? { tieBreak } : undefined);
      expect(result.rule).toBe('mes_points_add1_greedy');
      expect(result.selected).toEqual(['1', '2']);
      expect(result.cost).toBe(80n);
      const ex = result.explanation as EqualSharesExplanation;
      expect(ex.utility).toBe('points');
      expect(ex.completion).toBe('add1-greedy');
      expect(ex.stop).toBe('next-over-budget');
      expect(ex.mesRuns).toBe(11);
      expect(ex.budgetPerVoter).toMatchObject({ start: '30', used: '39' });
      expect(ex.rounds.map((r) => [r.project, r.priceExact, r.paidInFull, r.capped])).toEqual([['1', '60/19', 2, 0]]);
      expect(ex.greedyFill).toEqual([{ project: '2', cost: '20', votes: 1 }]);
    }
  });

  it('keeps the add1 outcome, spends within the budget and leaves nothing that still fits', () => {
    fc.assert(
      fc.property(arbitraryInstance({ voteType: 'cumulative', maxProjects: 5, maxVoters: 8, maxCost: 30, moneyScale: 0 }), (instance) => {
        fc.pre(instance.ballots.length > 0);
        const add1 = runRule('mes_points_add1', instance);
        const result = runRule('mes_points_add1_greedy', instance);
        expect(result.selected.slice(0, add1.selected.length)).toEqual(add1.selected);
        expect(result.cost).toBeLessThanOrEqual(instance.budget);
        const chosen = new Set(result.selected);
        const left = instance.budget - result.cost;
        expect(instance.projects.some((p) => !chosen.has(p.id) && p.cost <= left)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
