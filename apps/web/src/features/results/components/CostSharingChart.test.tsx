import type { PotResult, ProjectOutcome } from '@allot/shared';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CostSharingChart } from './CostSharingChart';

const outcome = (id: string, title: string, cost: number, funded: boolean): ProjectOutcome => ({
  id,
  title,
  category: 'parks-and-green-spaces',
  cost,
  funded,
  decision: funded ? 'funded' : 'skipped',
  votes: 2,
  score: null,
  shareOfPot: cost / 100,
  reason: funded ? 'Funded.' : 'Not funded.',
  contribution: null,
});

/** The pot of the API's hand-worked greedy-fill case: A from voters' shares, W from the money left over. */
const pot: PotResult = {
  potId: '00000000-0000-4000-8000-000000000001',
  wardId: null,
  name: 'North',
  rule: 'equal-shares-add1-greedy',
  ruleKey: 'mes_cost_sat_add1_greedy',
  ruleDescription: '',
  tieBreak: ['lowerCost', 'id'],
  ballotKind: 'approval',
  budget: 100,
  spent: 95,
  ballots: 4,
  ballotsHash: '',
  funded: ['a', 'w'],
  projects: [outcome('a', 'Benches', 50, true), outcome('w', 'Wildflowers', 45, true), outcome('z', 'Zebra crossing', 60, false)],
  explanation: [],
  equalShares: {
    voters: 4,
    budgetPerVoterStart: '25',
    budgetPerVoterUsed: '29',
    costSharing: [
      { projectId: 'a', cost: 50, paidInFull: 2, paidEverythingLeft: 0, price: '25', priceUnit: 'supporter', paidInFullTotal: '50', paidEverythingLeftTotal: '0', stage: 'equal-shares' },
      { projectId: 'w', cost: 45, paidInFull: 0, paidEverythingLeft: 0, price: '0', priceUnit: 'supporter', paidInFullTotal: '0', paidEverythingLeftTotal: '0', stage: 'completion' },
    ],
    unspent: '66',
  },
};

/** The markup as text, tags dropped and spaces joined, as a reader would get it. */
function textOf(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

describe('cost sharing with money left over in the pot', () => {
  const summary = pot.equalShares;
  if (summary === null) throw new Error('the pot has equal shares');

  it('says in words what the money left over paid for, and that no voter’s share paid for it', () => {
    const text = textOf(renderToStaticMarkup(<CostSharingChart pot={pot} summary={summary} currency="GBP" />));
    expect(text).toContain('After the equal-shares steps, £50 of the pot was still unspent. That money, not voters’ shares, then paid for 1 more project (£45 in all)');
    expect(text).toContain('Wildflowers (£45) No voter’s share paid for it: its whole cost of £45 came from money left over in the pot');
    expect(text).toContain('Benches (£50) 2 supporters paid the full share of £25 each: £50 in all.');
    expect(text).toContain('Upright lines: money left over in the pot, not from voters’ shares');
  });

  it('draws that project as one bar of upright lines', () => {
    const markup = renderToStaticMarkup(<CostSharingChart pot={pot} summary={summary} currency="GBP" />);
    const wildflowers = markup.slice(markup.indexOf('Wildflowers'));
    expect(wildflowers).toMatch(/<rect class="bar__part bar__part--leftover" x="0" y="0" width="100" height="10" fill="url\(#[^)]+\)"/);
  });

  it('shows neither the key nor the paragraph when every project was paid from voters’ shares', () => {
    const plain = { ...summary, costSharing: summary.costSharing.filter((sharing) => sharing.stage === 'equal-shares') };
    const text = textOf(renderToStaticMarkup(<CostSharingChart pot={{ ...pot, rule: 'equal-shares-add1' }} summary={plain} currency="GBP" />));
    expect(text).not.toContain('money left over');
    expect(text).not.toContain('Upright lines');
  });
});
