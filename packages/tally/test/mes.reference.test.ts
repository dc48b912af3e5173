import { describe, expect, it } from 'vitest';
import { formatMoney } from '../src/pabulib/decimal';
import { equalShares, type EqualSharesOptions } from '../src/rules/mes';
import { instanceOf, loadExpected, sortedIds } from './helpers/reference';

// The six MES keys of expected.json and the options that must reproduce each of them.
// (The add1 keys are in mes.add1.test.ts, so that the two files run in parallel.)
const MES_RULES: Record<string, EqualSharesOptions> = {
  mes_cost_sat: { utility: 'cost', completion: 'none' },
  mes_cardinality_sat: { utility: 'cardinality', completion: 'none' },
  mes_points: { utility: 'points', completion: 'none' },
};

const expected = loadExpected();
const cases = Object.entries(expected).flatMap(([file, entry]) =>
  Object.keys(MES_RULES)
    .filter((rule) => Array.isArray(entry[rule]))
    .map((rule) => ({ file, rule, want: entry[rule] as string[] })),
);

describe('plain MES against the pabutools reference outcomes (expected.json)', () => {
  it('covers every plain MES outcome that pabutools computed', () => {
    const computed = Object.values(expected).flatMap((entry) =>
      Object.keys(MES_RULES).filter((rule) => Array.isArray(entry[rule])),
    );
    expect(cases.length).toBe(computed.length);
    expect(cases.length).toBeGreaterThan(70);
  });

  it.each(cases)('$rule on $file selects the pabutools set', async ({ file, rule, want }) => {
    const instance = await instanceOf(file);
    const options = MES_RULES[rule];
    if (!options) throw new Error(`no options for ${rule}`);
    const result = equalShares(instance, options);
    expect(result.rule).toBe(rule);
    expect(sortedIds(result.selected)).toEqual(sortedIds(want));
    expect(result.cost).toBeLessThanOrEqual(instance.budget);
    expect(formatMoney(result.cost, instance.moneyScale)).toBe(String(expected[file]?._total_cost[rule]));
  });

  it('needs as many MES runs for add1 as pabutools did', async () => {
    for (const file of ['Netherlands_Assen_2024.pb', 'Poland_Lodz_2023_Katedralna.pb', 'Poland_Gdynia_2024.pb']) {
      const instance = await instanceOf(file);
      const result = equalShares(instance, { utility: 'cost', completion: 'add1' });
      expect(result.explanation.mesRuns).toBe(expected[file]?._mes_cost_sat_add1_mes_runs);
    }
  });

  it('explains a city-sized run compactly: rounds add up to the cost, leftovers come in ranges', async () => {
    const instance = await instanceOf('Poland_Warszawa_2022_Ochota.pb');
    const { explanation, cost } = equalShares(instance, { utility: 'cost', completion: 'none' });
    const roundsCost = explanation.rounds.reduce((s, r) => s + BigInt(r.cost), 0n);
    expect(roundsCost).toBe(cost);
    expect(explanation.leftovers.length).toBeLessThanOrEqual(17);
    expect(explanation.leftovers.some((l) => l.remainingUpTo !== undefined)).toBe(true);
    expect(explanation.leftovers.reduce((s, l) => s + l.voters, 0)).toBe(instance.ballots.length);
    expect(JSON.stringify(explanation).length).toBeLessThan(20_000);
  });

  it.each(['Netherlands_Assen_2024.pb', 'Poland_Wieliczka_2023_Green_Budget.pb'])(
    "replays the city's equalshares/add1 count on %s with the checker's start, tie-break and stop",
    async (file) => {
      const instance = await instanceOf(file);
      const result = equalShares(instance, {
        utility: 'cost',
        completion: 'add1',
        exhaustiveStop: false,
        startFloor: true,
        tieBreak: ['lowerCost', 'moreVotes', 'id'],
      });
      expect(sortedIds(result.selected)).toEqual(sortedIds(expected[file]?.selected ?? []));
      expect(sortedIds(result.selected)).toEqual(sortedIds(expected[file]?._city_rule_replay.selected ?? []));
      expect(result.rule).toBe('mes_cost_sat_add1_noexh_floor');
    },
  );

  it('reproduces the real Wieliczka 2023 outcome only without the exhaustive stop', async () => {
    const file = 'Poland_Wieliczka_2023_Green_Budget.pb';
    const instance = await instanceOf(file);
    const noStop = equalShares(instance, { utility: 'cost', completion: 'add1', exhaustiveStop: false });
    const withStop = equalShares(instance, { utility: 'cost', completion: 'add1' });
    expect(sortedIds(noStop.selected)).toContain('46');
    expect(sortedIds(withStop.selected)).toEqual(expect.arrayContaining(['66', '67']));
    expect(withStop.explanation.stop).toBe('exhaustive');
    expect(noStop.explanation.stop).toBe('next-over-budget');
    // RULES.md §2.3: the real process went on up to 315 PLN per voter; pabutools stops near 301.84.
    expect(Number(noStop.explanation.budgetPerVoter.used)).toBeGreaterThan(314);
    expect(Number(withStop.explanation.budgetPerVoter.used)).toBeCloseTo(301.84, 1);
  });
});
