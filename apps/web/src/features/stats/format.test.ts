import type { WardStats } from '@allot/shared';
import { describe, expect, it } from 'vitest';
import { barsFor, barsForShares, csvFileName, formatCount, formatShare, hasSuppressedCounts, proposalStatusRows, turnoutSentence } from './format';

function ward(overrides: Partial<WardStats> = {}): WardStats {
  return {
    wardId: '00000000-0000-4000-8000-000000000001',
    name: 'Old Harbour',
    code: 'OH',
    population: 11_305,
    potId: '00000000-0000-4000-8000-000000000002',
    ballots: 1_204,
    turnout: 1_204 / 11_305,
    byChannel: { online: 1_000, paper: 204 },
    byDay: [{ date: '2027-03-01', ballots: 600 }],
    byAgeBand: [{ band: '18-24', label: '18 to 24', ballots: 50, population: 900, turnout: 50 / 900 }],
    proposals: { total: 0, byStatus: {} },
    results: null,
    ...overrides,
  };
}

describe('ward figures wording', () => {
  it('says "fewer than 10" for a suppressed count and groups thousands otherwise', () => {
    expect(formatCount(null, 10)).toBe('fewer than 10');
    expect(formatCount(0, 10)).toBe('0');
    expect(formatCount(12_345, 10)).toBe('12,345');
  });

  it('gives turnout against the population, without a share when the count is hidden', () => {
    expect(turnoutSentence(ward(), 10)).toBe('1,204 of 11,305 residents voted (10.7%).');
    expect(turnoutSentence(ward({ ballots: null, turnout: null }), 10)).toBe('Fewer than 10 of 11,305 residents voted.');
    expect(turnoutSentence(ward({ ballots: 0, turnout: 0 }), 10)).toBe('No one of 11,305 residents has voted yet.');
    expect(turnoutSentence(ward({ ballots: 1, turnout: null }), 10)).toBe('1 of 11,305 resident voted.');
  });

  it('shows an unknown share as not available', () => {
    expect(formatShare(null)).toBe('not available');
    expect(formatShare(0.0833)).toBe('8.3%');
  });

  it('notices a hidden count anywhere in a ward’s breakdowns', () => {
    expect(hasSuppressedCounts(ward())).toBe(false);
    expect(hasSuppressedCounts(ward({ byChannel: { online: 1_204, paper: null } }))).toBe(true);
    expect(hasSuppressedCounts(ward({ byDay: [{ date: '2027-03-01', ballots: null }] }))).toBe(true);
    expect(hasSuppressedCounts(ward({ byAgeBand: [{ band: 'not-given', label: 'Not given', ballots: null, population: null, turnout: null }] }))).toBe(true);
  });
});

describe('bar chart model', () => {
  it('scales bars to the longest and draws a hidden count as an outline up to the threshold', () => {
    const bars = barsFor(
      [
        { label: 'Mon', count: 40 },
        { label: 'Tue', count: null },
        { label: 'Wed', count: 0 },
      ],
      10,
    );
    expect(bars).toEqual([
      { label: 'Mon', text: '40', length: 1, kind: 'value' },
      { label: 'Tue', text: 'fewer than 10', length: 0.25, kind: 'suppressed' },
      { label: 'Wed', text: '0', length: 0, kind: 'value' },
    ]);
  });

  it('never divides by zero when every count is zero', () => {
    expect(barsFor([{ label: 'Mon', count: 0 }], 10)[0]?.length).toBe(0);
    expect(barsForShares([{ label: '18 to 24', share: 0 }])[0]?.length).toBe(0);
  });

  it('leaves an unknown share without a bar', () => {
    expect(barsForShares([{ label: 'Under 18', share: 0.2 }, { label: '18 to 24', share: 0.1 }, { label: '25 to 34', share: null }])).toEqual([
      { label: 'Under 18', text: '20%', length: 1, kind: 'value' },
      { label: '18 to 24', text: '10%', length: 0.5, kind: 'value' },
      { label: '25 to 34', text: 'not available', length: 0, kind: 'unknown' },
    ]);
  });
});

describe('proposal outcomes and file names', () => {
  it('lists the statuses holding ideas in the order ideas move through them, keeping any the SPA does not know', () => {
    expect(proposalStatusRows({ not_feasible: 2, submitted: 1, feasible: 3, withdrawn: 0, some_new_status: 4, other_new: 0 })).toEqual([
      { status: 'submitted', label: 'Submitted', count: 1 },
      { status: 'feasible', label: 'Feasible', count: 3 },
      { status: 'not_feasible', label: 'Not feasible', count: 2 },
      { status: 'some_new_status', label: 'some new status', count: 4 },
    ]);
  });

  it('names the CSV after the cycle and ward', () => {
    expect(csvFileName('Play Spaces Fund', 'OH')).toBe('ward-figures-play-spaces-fund-OH.csv');
    expect(csvFileName("St Aldhelm's 2027 — round 2", 'SA-1')).toBe('ward-figures-st-aldhelms-2027-round-2-SA-1.csv');
    expect(csvFileName('!!!', '')).toBe('ward-figures-cycle-ward.csv');
  });
});
