import { describe, expect, it } from 'vitest';
import { cityRule } from '../src/rules/city';
import { runRule } from '../src/rules/index';
import { instanceOf, loadExpected, sortedIds } from './helpers/reference';

const expected = loadExpected();
const replayable = Object.entries(expected)
  .filter(([, e]) => e._city_rule_replay.selected !== null)
  .map(([file, e]) => ({ file, rule: e._city_rule_replay.rule, replay: e._city_rule_replay.selected ?? [], selected: e.selected }));

describe('city rule replay (META rule)', () => {
  it.each(replayable)('$file ($rule) reproduces the checker replay', async ({ file, replay }) => {
    const result = runRule('city', await instanceOf(file));
    expect(sortedIds(result.selected)).toEqual(sortedIds(replay));
  });

  it.each(
    replayable.filter(
      (c) => c.selected !== null && JSON.stringify(sortedIds(c.selected)) === JSON.stringify(sortedIds(c.replay)),
    ),
  )("$file ($rule) reproduces the file's real selected column", async ({ file, selected }) => {
    const result = runRule('city', await instanceOf(file));
    expect(sortedIds(result.selected)).toEqual(sortedIds(selected ?? []));
  });

  it('refuses files whose rule cannot be replayed', async () => {
    const unknown = await instanceOf('US_Stanford_Dataset_PB_Chicago_29th_Ward_2020_vote_approvals.pb');
    expect(() => runRule('city', unknown)).toThrow(/rule "unknown" cannot be replayed/);
  });

  it('Poznań funds the first project that does not fit when 80 % of its cost is left, then stops', async () => {
    const poznan = await instanceOf('Poland_Poznan_2023_6_-_Ogrody_Solacz_Winiary_Wola.pb');
    const result = cityRule(poznan);
    const steps = result.explanation.greedy?.steps ?? [];
    expect(steps.map((s) => s.decision)).toContain('not reached');
    const stopStep = steps.find((s) => /stops here/.test(s.reason));
    expect(stopStep).toBeDefined();
  });

  it('greedy-threshold skips projects below min_project_score_threshold', async () => {
    const warsaw = await instanceOf('Poland_Warszawa_2026_Tarchomin.pb');
    const result = cityRule(warsaw);
    const threshold = Number(warsaw.meta.get('min_project_score_threshold'));
    for (const step of result.explanation.greedy?.steps ?? []) {
      if (Number(step.score) < threshold) {
        expect(step.decision).toBe('skipped');
        expect(step.reason).toMatch(/below the threshold/);
      }
    }
  });

  it('equalshares/add1-comparison keeps MES unless strictly more voters prefer greedy', async () => {
    const wieliczka = await instanceOf('Poland_Wieliczka_2023_Green_Budget.pb');
    const result = runRule('city', wieliczka);
    const explanation = result.explanation as { comparison?: { winner: string; votersPreferringGreedy: number; votersPreferringMes: number } };
    expect(explanation.comparison?.winner).toBe('mes');
    expect(explanation.comparison?.votersPreferringMes).toBeGreaterThanOrEqual(explanation.comparison?.votersPreferringGreedy ?? 0);
  });
});
