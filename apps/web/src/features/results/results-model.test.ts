import { TallyRule, type CostSharing, type WardSummary } from '@allot/shared';
import { describe, expect, it } from 'vitest';
import {
  compareCounts,
  completionSummary,
  costSplit,
  describeCostSharing,
  describeDelivery,
  formatAmount,
  formatMoney,
  formatPercent,
  formatTimestamp,
  isEqualShares,
  resultsAccess,
  RULE_NAMES,
  scoreHeading,
  wardBars,
} from './results-model';

const sharing = (overrides: Partial<CostSharing> = {}): CostSharing => ({
  projectId: 'p1',
  cost: 1000,
  paidInFull: 3,
  paidEverythingLeft: 2,
  price: '250',
  priceUnit: 'supporter',
  paidInFullTotal: '750',
  paidEverythingLeftTotal: '250',
  stage: 'equal-shares',
  ...overrides,
});

const ward = (name: string, fundedProjects: number): WardSummary => ({
  wardId: '00000000-0000-4000-8000-00000000000' + String(fundedProjects),
  name,
  code: name.slice(0, 3).toUpperCase(),
  population: 1000,
  potId: null,
  budget: 10_000,
  fundedProjects,
  fundedAmount: fundedProjects * 1000,
});

describe('money and shares as residents read them', () => {
  it('shows whole currency units without pence', () => {
    expect(formatMoney(150_000, 'GBP')).toBe('£150,000');
  });

  it('shows pence only when an amount has them', () => {
    expect(formatAmount('250', 'GBP')).toBe('£250');
    expect(formatAmount('12.5', 'GBP')).toBe('£12.50');
    expect(formatAmount('33.333333', 'GBP')).toBe('£33.33');
    expect(formatAmount('1999.999', 'GBP')).toBe('£2,000');
  });

  it('keeps an amount it cannot read, with the currency, instead of showing NaN', () => {
    expect(formatAmount('', 'GBP')).toBe(' GBP');
    expect(formatAmount('about 3', 'GBP')).toBe('about 3 GBP');
  });

  it('falls back to the plain number and code for a currency the browser does not know', () => {
    expect(formatMoney(1200, 'XXXX')).toBe('1,200 XXXX');
    expect(formatAmount('1.5', 'XXXX')).toBe('1.50 XXXX');
  });

  it('gives small shares a decimal so they never read 0%', () => {
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.333)).toBe('33%');
    expect(formatPercent(0.0333)).toBe('3.3%');
    expect(formatPercent(0.0004)).toBe('0%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1.2)).toBe('120%');
  });
});

describe('score columns', () => {
  it('adds a points or ranking column only for ballots that have one', () => {
    expect(scoreHeading('approval')).toBeNull();
    expect(scoreHeading('knapsack')).toBeNull();
    expect(scoreHeading('cumulative')).toBe('Points');
    expect(scoreHeading('ranked')).toContain('Borda');
  });
});

describe('how the cost of a funded project was shared', () => {
  it('splits the bar by what each group paid, as parts of the cost', () => {
    expect(costSplit(sharing())).toEqual({ paidInFull: 0.75, paidEverythingLeft: 0.25, leftOver: 0 });
  });

  it('never draws more than the whole bar when the rounded totals add up to a little over the cost', () => {
    const split = costSplit(sharing({ paidInFullTotal: '750.01', paidEverythingLeftTotal: '250' }));
    expect(split.paidInFull + split.paidEverythingLeft).toBeCloseTo(1, 10);
  });

  it('draws nothing for a project no supporter paid towards', () => {
    expect(costSplit(sharing({ paidInFullTotal: '0', paidEverythingLeftTotal: '0', cost: 0 }))).toEqual({ paidInFull: 0, paidEverythingLeft: 0, leftOver: 0 });
  });

  it('says in words who paid what, per supporter or per point', () => {
    expect(describeCostSharing(sharing(), 'GBP')).toEqual([
      '3 supporters paid the full share of £250 each: £750 in all.',
      '2 supporters had less than that left and paid everything they had: £250 in all.',
    ]);
    expect(describeCostSharing(sharing({ paidInFull: 1, paidEverythingLeft: 0, price: '12.5', priceUnit: 'point' }), 'GBP')).toEqual([
      '1 supporter paid the full share of £12.50 per point they gave it: £750 in all.',
    ]);
  });

  it('leaves out a group nobody was in', () => {
    expect(describeCostSharing(sharing({ paidInFull: 0, paidInFullTotal: '0' }), 'GBP')).toHaveLength(1);
  });

  // What the API sends for a project the greedy fill funded after the equal-shares steps.
  const filled = sharing({ projectId: 'p2', cost: 45, paidInFull: 0, paidEverythingLeft: 0, price: '0', paidInFullTotal: '0', paidEverythingLeftTotal: '0', stage: 'completion' });

  it('draws a project funded from money left over in the pot as a whole bar of that kind, not as an empty one', () => {
    expect(costSplit(filled)).toEqual({ paidInFull: 0, paidEverythingLeft: 0, leftOver: 1 });
  });

  it('says that no voter’s share paid for a project funded from money left over, and how it was paid for', () => {
    expect(describeCostSharing(filled, 'GBP')).toEqual([
      'No voter’s share paid for it: its whole cost of £45 came from money left over in the pot after the equal-shares steps, because it came next in order of votes and still fitted in what was left.',
    ]);
  });

  it('sums up the money left after the equal-shares steps and what it paid for, only when something was funded from it', () => {
    expect(completionSummary(100, [sharing({ cost: 50 }), filled])).toEqual({ leftAfterShares: 50, projects: 1, spent: 45 });
    expect(completionSummary(100, [sharing({ cost: 50 }), filled, { ...filled, projectId: 'p3', cost: 5 }])).toEqual({ leftAfterShares: 50, projects: 2, spent: 50 });
    expect(completionSummary(100, [sharing({ cost: 50 })])).toBeNull();
    expect(completionSummary(100, [])).toBeNull();
  });
});

describe('rule names', () => {
  it('names every rule, and shows cost sharing for each equal-shares rule only', () => {
    for (const rule of TallyRule.options) expect(RULE_NAMES[rule]).toMatch(/\S/);
    expect(RULE_NAMES['equal-shares-add1-greedy']).toBe(
      'Method of equal shares, with each voter’s share raised, then the money left over spent on the most-voted projects that still fit',
    );
    expect(TallyRule.options.filter(isEqualShares)).toEqual(['equal-shares', 'equal-shares-add1', 'equal-shares-add1-greedy']);
  });
});

describe('projects funded per ward', () => {
  it('draws each ward relative to the ward with the most funded projects', () => {
    const bars = wardBars([ward('North', 2), ward('South', 4), ward('East', 0)]);
    expect(bars.map((bar) => [bar.ward.name, bar.length])).toEqual([
      ['North', 0.5],
      ['South', 1],
      ['East', 0],
    ]);
  });

  it('draws empty bars when no ward has a funded project', () => {
    expect(wardBars([ward('North', 0)]).map((bar) => bar.length)).toEqual([0]);
    expect(wardBars([])).toEqual([]);
  });
});

describe('delivery progress', () => {
  const project = { projectId: 'x', potId: 'y', title: 'Benches', cost: 100, progress: 40, updatedAt: null, milestonesDone: 2, milestonesTotal: 5 };

  it('gives the percentage and the milestones in words', () => {
    expect(describeDelivery(project)).toBe('40% done · 2 of 5 milestones done');
    expect(describeDelivery({ ...project, progress: 0, milestonesDone: 0, milestonesTotal: 1 })).toBe('Not started yet · 0 of 1 milestone done');
    expect(describeDelivery({ ...project, progress: 100, milestonesTotal: 0 })).toBe('Delivered (100%)');
  });
});

describe('counting again', () => {
  it('tells a first count, an identical recount and a changed one apart by the result hash', () => {
    expect(compareCounts(null, 'abc')).toBe('first');
    expect(compareCounts('abc', 'abc')).toBe('same');
    expect(compareCounts('abc', 'abd')).toBe('different');
  });
});

describe('when and how', () => {
  it('gives times in UTC with the date in words, and keeps a value it cannot read', () => {
    expect(formatTimestamp('2026-12-01T14:09:30.000Z')).toBe('1 December 2026 at 14:09 UTC');
    expect(formatTimestamp('soon')).toBe('soon');
  });
});

describe('ways to the results from the cycle page', () => {
  it('offers the results to everyone once they are published, and counting to nobody', () => {
    for (const phase of ['results', 'implementation', 'closed'] as const) {
      expect(resultsAccess(phase, [])).toEqual({ results: 'public', count: false });
      expect(resultsAccess(phase, ['admin'])).toEqual({ results: 'public', count: false });
    }
  });

  it('while counting, lets admins count and preview, councillors preview, and residents nothing', () => {
    expect(resultsAccess('counting', ['resident', 'admin'])).toEqual({ results: 'preview', count: true });
    expect(resultsAccess('counting', ['councillor'])).toEqual({ results: 'preview', count: false });
    expect(resultsAccess('counting', ['resident', 'staff'])).toEqual({ results: null, count: false });
    expect(resultsAccess('counting', [])).toEqual({ results: null, count: false });
  });

  it('offers nothing before voting has closed, whoever asks', () => {
    for (const phase of ['draft', 'proposals', 'deliberation', 'feasibility', 'voting'] as const) {
      expect(resultsAccess(phase, ['admin', 'councillor'])).toEqual({ results: null, count: false });
    }
  });
});
