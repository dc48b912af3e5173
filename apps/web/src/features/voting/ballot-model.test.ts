import type { BallotPot } from '@allot/shared';
import { describe, expect, it } from 'vitest';
import { ballotProblems, draftFromSelections, minimumSpend, moveItem, remainingChoices, selectionsOf } from './ballot-model';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const pot: BallotPot = {
  potId: id(100),
  wardId: id(200),
  name: 'Northgate',
  budget: 30_000,
  projects: [
    { id: id(1), potId: id(100), title: 'Swings', cost: 14_000 },
    { id: id(2), potId: id(100), title: 'Mural', cost: 6_500 },
    { id: id(3), potId: id(100), title: 'Shelter', cost: 11_000 },
  ],
};
const city: BallotPot = { potId: id(101), wardId: null, name: 'City-wide', budget: 10_000, projects: [{ id: id(4), potId: id(101), title: 'Map', cost: 4_000 }] };
const money = (amount: number) => `£${amount}`;

describe('filling in a ballot', () => {
  it('leaves out the pots with nothing chosen, keeps the ranking order and lists ticked projects in ballot order', () => {
    const draft = { [pot.potId]: { chosen: [id(3), id(1)], points: {} } };
    expect(selectionsOf({ kind: 'ranked' }, [pot, city], draft)).toEqual([{ potId: pot.potId, ranking: [id(3), id(1)] }]);
    expect(selectionsOf({ kind: 'approval' }, [pot, city], draft)).toEqual([{ potId: pot.potId, projects: [id(1), id(3)] }]);
  });

  it('sends only projects with points on a cumulative ballot', () => {
    const draft = { [pot.potId]: { chosen: [id(1), id(2)], points: { [id(1)]: 3, [id(2)]: 0 } } };
    expect(selectionsOf({ kind: 'cumulative', points: 5 }, [pot], draft)).toEqual([{ potId: pot.potId, points: { [id(1)]: 3 } }]);
  });

  it('refills the form from a ballot already cast', () => {
    const selections = [{ potId: pot.potId, points: { [id(2)]: 4 } }];
    expect(selectionsOf({ kind: 'cumulative', points: 5 }, [pot], draftFromSelections(selections))).toEqual(selections);
  });

  it('refuses an empty ballot', () => {
    expect(ballotProblems({ kind: 'approval' }, [pot, city], {}, money)).toEqual({ '': 'Choose at least one project in one of the pots' });
  });

  it('names the pot whose choices break the count, budget or minimum spend', () => {
    const three = { [pot.potId]: { chosen: [id(1), id(2), id(3)], points: {} } };
    expect(ballotProblems({ kind: 'approval', maxCount: 2 }, [pot], three, money)[pot.potId]).toMatch(/at most 2 projects/);
    expect(ballotProblems({ kind: 'knapsack' }, [pot], three, money)[pot.potId]).toMatch(/£31500, more than its £30000/);
    const one = { [pot.potId]: { chosen: [id(2)], points: {} } };
    expect(ballotProblems({ kind: 'knapsack', minSpend: { unit: 'percent', value: 50 } }, [pot], one, money)[pot.potId]).toMatch(/at least £15000/);
    expect(ballotProblems({ kind: 'knapsack', minSpend: { unit: 'percent', value: 50 } }, [pot], three, money)[pot.potId]).toMatch(/more than/);
  });

  it('refuses points over the total or over the per-project cap', () => {
    const draft = { [pot.potId]: { chosen: [id(1)], points: { [id(1)]: 4 } } };
    expect(ballotProblems({ kind: 'cumulative', points: 3 }, [pot], draft, money)[pot.potId]).toMatch(/gave 4 points/);
    expect(ballotProblems({ kind: 'cumulative', points: 10, perProjectCap: 3 }, [pot], draft, money)[pot.potId]).toMatch(/at most 3 points/);
    expect(ballotProblems({ kind: 'cumulative', points: 10, perProjectCap: 4 }, [pot], draft, money)).toEqual({});
  });

  it('counts down the choices left and works out the minimum spend', () => {
    expect(remainingChoices({ kind: 'approval', maxCount: 3 }, { chosen: [id(1)], points: {} })).toBe(2);
    expect(remainingChoices({ kind: 'ranked', maxRanks: 1 }, { chosen: [id(1)], points: {} })).toBe(0);
    expect(remainingChoices({ kind: 'approval' }, { chosen: [id(1)], points: {} })).toBeUndefined();
    expect(minimumSpend({ kind: 'knapsack', minSpend: { unit: 'percent', value: 33 } }, 1000)).toBe(330);
    expect(minimumSpend({ kind: 'knapsack', minSpend: { unit: 'amount', value: 700 } }, 1000)).toBe(700);
  });

  it('moves a ranked project up or down one place', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
