import { describe, expect, it } from 'vitest';
import { formatMoney } from '../src/pabulib/decimal';
import { runRule } from '../src/rules/index';
import { maxWelfareCostSat } from '../src/rules/maxWelfare';
import { approvalCounts } from '../src/rules/tieBreak';
import { PABUTOOLS_TIE_BREAK } from '../src/rules/types';
import { instanceOf, loadExpected, sortedIds } from './helpers/reference';

// The non-MES rules of expected.json (the MES keys are covered by the mes*.test.ts files).
const SET_RULES = ['greedy_cost_sat', 'greedy_cardinality_sat', 'greedy_score', 'greedy_points_per_cost', 'seq_phragmen'];

const expected = loadExpected();
const cases = Object.entries(expected).flatMap(([file, entry]) =>
  SET_RULES.filter((rule) => Array.isArray(entry[rule])).map((rule) => ({ file, rule, want: entry[rule] as string[] })),
);

describe('pabutools reference outcomes (expected.json)', () => {
  it('covers every shared instance', () => {
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(30);
    expect(cases.length).toBeGreaterThan(80);
  });

  it.each(cases)('$rule on $file selects the pabutools set', async ({ file, rule, want }) => {
    const instance = await instanceOf(file);
    const result = runRule(rule, instance, { tieBreak: PABUTOOLS_TIE_BREAK });
    expect(sortedIds(result.selected)).toEqual(sortedIds(want));
    expect(result.cost).toBeLessThanOrEqual(instance.budget);
    expect(formatMoney(result.cost, instance.moneyScale)).toBe(String(expected[file]?._total_cost[rule]));
  });

  it.each(
    Object.entries(expected).filter(([, entry]) => Array.isArray(entry.max_welfare_cost_sat)).map(([file]) => ({ file })),
  )('max_welfare_cost_sat on $file reaches the optimal objective within the budget', async ({ file }) => {
    const instance = await instanceOf(file);
    const result = maxWelfareCostSat(instance, { tieBreak: PABUTOOLS_TIE_BREAK });
    expect(result.cost).toBeLessThanOrEqual(instance.budget);
    expect(formatMoney(result.objective, instance.moneyScale)).toBe(String(expected[file]?._max_welfare_cost_sat_objective));
    // The objective really is the welfare of the returned set.
    const votes = approvalCounts(instance);
    const byId = new Map(instance.projects.map((p, i) => [p.id, i]));
    let welfare = 0n;
    for (const id of result.selected) {
      const i = byId.get(id) ?? -1;
      welfare += BigInt(votes[i] ?? 0) * (instance.projects[i]?.cost ?? 0n);
    }
    expect(welfare).toBe(result.objective);
  });

  it('rules not defined for the ballot type are refused, as in expected.json', async () => {
    const ordinal = await instanceOf('Poland_Krakow_2019_Lagiewniki-Borek_Falecki.pb');
    expect(() => runRule('seq_phragmen', ordinal)).toThrow(/does not apply to ordinal/);
    expect(() => runRule('greedy_points_per_cost', ordinal)).toThrow(/does not apply to ordinal/);
    const approval = await instanceOf('Netherlands_Assen_2024.pb');
    expect(() => runRule('greedy_score', approval)).toThrow(/does not apply to approval/);
  });
});

describe('registry wiring of the MES keys', () => {
  const MES_KEYS = ['mes_cost_sat', 'mes_cardinality_sat', 'mes_points', 'mes_cost_sat_add1', 'mes_cost_sat_add1_greedy', 'mes_cost_sat_add1_noexh'];
  // Small instances where every key (add1 included) runs in well under a second.
  const FILES = ['Netherlands_Assen_2024.pb', 'Switzerland_Zurich_D10.pb', 'US_Stanford_Dataset_2022_Jersey_City_Ward_D_vote_knapsacks.pb'];
  const wiring = FILES.flatMap((file) =>
    MES_KEYS.filter((rule) => Array.isArray(expected[file]?.[rule])).map((rule) => ({ file, rule, want: expected[file]?.[rule] as string[] })),
  );

  it.each(wiring)('runRule($rule) on $file gives the pabutools set', async ({ file, rule, want }) => {
    const result = runRule(rule, await instanceOf(file));
    expect(result.rule).toBe(rule);
    expect(sortedIds(result.selected)).toEqual(sortedIds(want));
  });

  it('mes_points is refused on approval ballots', async () => {
    const approval = await instanceOf('Netherlands_Assen_2024.pb');
    expect(() => runRule('mes_points', approval)).toThrow(/does not apply to approval/);
  });
});
