import { BallotKind, CycleCreate, type Ward } from '@allot/shared';
import { describe, expect, it } from 'vitest';
import { CITY_WIDE, draftFromCycle, parseWhole, potBalance, potKeysSent, requestFromDraft, TALLY_RULE_LABELS, tallyRulesFor } from './form-model';

const NORTH = '00000000-0000-4000-8000-0000000000a1';
const wards = [
  { id: NORTH, name: 'North', code: 'N', population: 1000 },
  { id: '00000000-0000-4000-8000-0000000000a2', name: 'South', code: 'S', population: 2000 },
] as Ward[];

function filledDraft() {
  const draft = draftFromCycle(undefined, wards);
  draft.name = 'Riverside 2027';
  draft.totalBudget = '150,000';
  draft.potBudgets[NORTH] = '100000';
  draft.potBudgets[CITY_WIDE] = '50000';
  draft.rounds = [{ key: 1, name: 'Round 1', start: '2027-03-01', end: '2027-03-31', shortlist: 'topN', shortlistValue: '5' }];
  return draft;
}

describe('cycle form model', () => {
  it('reads whole amounts with thousands separators and refuses anything else', () => {
    expect(parseWhole('12,500')).toBe(12500);
    expect(parseWhole(' £3 000 ')).toBe(3000);
    expect(parseWhole('')).toBeUndefined();
    expect(parseWhole('12.50')).toBeNaN();
    expect(parseWhole('-4')).toBeNaN();
  });

  it('says whether the pots add up to the total, and by how much they differ', () => {
    const draft = filledDraft();
    expect(potBalance(draft)).toEqual({ kind: 'ok', difference: 0 });
    draft.potBudgets[CITY_WIDE] = '20000';
    expect(potBalance(draft)).toEqual({ kind: 'differ', difference: -30000 });
    draft.potBudgets[CITY_WIDE] = 'lots';
    expect(potBalance(draft).kind).toBe('incomplete');
  });

  it('sends only the pots that have a budget, wards first and the city-wide pot last', () => {
    const draft = filledDraft();
    expect(potKeysSent(draft, wards)).toEqual([NORTH, CITY_WIDE]);
    const request = CycleCreate.parse(requestFromDraft(draft, wards));
    expect(request.pots).toEqual([
      { wardId: NORTH, budget: 100000 },
      { wardId: null, budget: 50000 },
    ]);
    expect(request.rounds[0]?.shortlistRule).toEqual({ kind: 'topN', n: 5 });
    expect(request.schedule).toEqual({});
  });

  it('round-trips a saved cycle so an unchanged form changes nothing', () => {
    const request = CycleCreate.parse(requestFromDraft(filledDraft(), wards));
    const saved = {
      ...request,
      id: '00000000-0000-4000-8000-0000000000c1',
      phase: 'draft' as const,
      createdAt: '2026-01-01T00:00:00.000Z',
      phaseChangedAt: '2026-01-01T00:00:00.000Z',
      whatYouCanDoNow: '',
      pots: request.pots.map((pot, index) => ({ id: `00000000-0000-4000-8000-00000000000${index}`, name: 'x', wardId: pot.wardId, budget: pot.budget })),
      rounds: request.rounds.map((round, index) => ({ ...round, id: `00000000-0000-4000-8000-00000000010${index}`, position: index, closedAt: null, shortlistRule: round.shortlistRule })),
    };
    expect(CycleCreate.parse(requestFromDraft(draftFromCycle(saved, wards), wards))).toEqual(request);
  });

  it('leaves a phase with no dates unscheduled but sends a half-filled one so the schema can say what is missing', () => {
    const draft = filledDraft();
    draft.schedule.voting = { start: '2027-05-01', end: '' };
    const parsed = CycleCreate.safeParse(requestFromDraft(draft, wards));
    expect(parsed.success).toBe(false);
    // Every problem is about the missing end date (the form shows the first one next to that field).
    expect(new Set(parsed.error?.issues.map((issue) => issue.path.join('.')))).toEqual(new Set(['schedule.voting.end']));
    expect(parsed.error?.issues[0]?.message).toBe('Use a date like 2027-03-31');
  });

  it('offers equal shares with the money left over for approval, budget and points ballots, not ranked ones, with a label', () => {
    for (const kind of BallotKind.options) {
      for (const rule of tallyRulesFor(kind)) expect(TALLY_RULE_LABELS[rule]).toMatch(/\S/);
    }
    expect(BallotKind.options.filter((kind) => tallyRulesFor(kind).includes('equal-shares-add1-greedy'))).toEqual(['approval', 'knapsack', 'cumulative']);
    expect(TALLY_RULE_LABELS['equal-shares-add1-greedy']).toBe(
      'Method of equal shares, raising each voter’s share, then using what is left for the most-voted projects that still fit',
    );
  });

  it('sends the chosen counting rule as it is', () => {
    const draft = filledDraft();
    draft.tallyRule = 'equal-shares-add1-greedy';
    const request = CycleCreate.parse(requestFromDraft(draft, wards));
    expect(request.tally.rule).toBe('equal-shares-add1-greedy');
  });
});
