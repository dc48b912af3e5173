import { describe, expect, it } from 'vitest';
import { parsePabulib } from '../src/pabulib/read';
import { cityRule } from '../src/rules/city';
import { greedyCostSat } from '../src/rules/greedy';
import { maxWelfareCostSat } from '../src/rules/maxWelfare';
import { seqPhragmen } from '../src/rules/phragmen';
import { DEFAULT_TIE_BREAK, PABUTOOLS_TIE_BREAK } from '../src/rules/types';

// The toy election of pabulib/FORMAT.md §9.
const toy = (rule = 'greedy') =>
  parsePabulib(`META
key;value
budget;100
vote_type;approval
rule;${rule}
PROJECTS
project_id;cost;votes;name
a;60;2;Park
b;50;2;Library
c;40;1;Bench
VOTES
voter_id;vote
v1;a,b
v2;a,c
v3;b
`);

describe('explanations a resident can follow', () => {
  it('greedy lists every project in order with score, cost, money before/after and the decision', () => {
    const result = greedyCostSat(toy(), { tieBreak: PABUTOOLS_TIE_BREAK });
    expect(result.selected).toEqual(['a', 'c']);
    expect(result.explanation.steps).toEqual([
      { rank: 1, projectId: 'a', votes: 2, score: '2', cost: '60', moneyBefore: '100', moneyAfter: '40', decision: 'funded', reason: 'it fits in the money left' },
      { rank: 2, projectId: 'b', votes: 2, score: '2', cost: '50', moneyBefore: '40', moneyAfter: '40', decision: 'skipped', reason: 'it costs more than the 40 left' },
      { rank: 3, projectId: 'c', votes: 1, score: '1', cost: '40', moneyBefore: '40', moneyAfter: '0', decision: 'funded', reason: 'it fits in the money left' },
    ]);
    expect(result.explanation.tieBreak).toBe('the smaller project id (compared as text) first');
    expect(result.explanation.leftover).toBe('0');
  });

  it('the default tie-break puts the cheaper of two tied projects first', () => {
    const result = greedyCostSat(toy());
    expect(DEFAULT_TIE_BREAK).toEqual(['lowerCost', 'id']);
    expect(result.explanation.steps.map((s) => [s.projectId, s.decision])).toEqual([
      ['b', 'funded'],
      ['a', 'skipped'],
      ['c', 'funded'],
    ]);
    expect(result.cost).toBe(90n);
  });

  it("Phragmén gives each round's project, its new max load and the voters' loads, and why it stopped", () => {
    const result = seqPhragmen(toy(), { tieBreak: PABUTOOLS_TIE_BREAK });
    expect(result.selected).toEqual(['b', 'c']);
    const [first, second] = result.explanation.rounds;
    expect(first).toMatchObject({ projectId: 'b', newMaxLoad: '25.0000', newMaxLoadExact: '25/1', moneyLeft: '50' });
    expect(first?.loads).toEqual([{ load: '25.0000', voters: 2 }, { load: '0.0000', voters: 1 }]);
    expect(second).toMatchObject({ projectId: 'c', newMaxLoad: '40.0000', moneyLeft: '10' });
    expect(second?.loads).toEqual([{ load: '40.0000', voters: 1 }, { load: '25.0000', voters: 2 }]);
    expect(result.explanation.stop).toMatch(/project a gives the smallest new load but costs 60, more than the 10 left/);
  });

  it('max welfare gives the objective and, per project, in or out', () => {
    const result = maxWelfareCostSat(toy());
    expect([...result.selected].sort()).toEqual(['a', 'c']);
    expect(result.explanation.objective).toBe('160');
    expect(result.explanation.projects.map((p) => [p.projectId, p.welfare, p.decision])).toEqual([
      ['b', '100', 'out'],
      ['a', '120', 'in'],
      ['c', '40', 'in'],
    ]);
  });

  it('greedy-no-skip stops at the first project that does not fit and says so', () => {
    const result = cityRule(toy('greedy-no-skip'));
    expect(result.selected).toEqual(['a']);
    const steps = result.explanation.greedy?.steps ?? [];
    expect(steps[1]).toMatchObject({ projectId: 'b', decision: 'skipped' });
    expect(steps[1]?.reason).toMatch(/stops here/);
    expect(steps[2]).toMatchObject({ projectId: 'c', decision: 'not reached' });
  });

  it('greedy-no-skip passes over a withdrawn project (cost 999999999) without stopping', () => {
    const instance = parsePabulib(`META
key;value
budget;100
vote_type;approval
rule;greedy-no-skip
PROJECTS
project_id;cost
w;999999999
a;60
VOTES
voter_id;vote
1;w,a
2;w
`);
    const result = cityRule(instance);
    expect(result.selected).toEqual(['a']);
    expect(result.explanation.greedy?.steps[0]?.reason).toMatch(/withdrawn/);
  });
});
