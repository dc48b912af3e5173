import { describe, expect, it } from 'vitest';
import { parsePabulib } from '../src/pabulib/read';
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

describe('city rule boundaries on small files', () => {
  const file = (rule: string, extraMeta: string, budget: string, projects: string, votes: string) =>
    parsePabulib(`META\nkey;value\nunit;Poznań\nbudget;${budget}\nvote_type;approval\nrule;${rule}\n${extraMeta}PROJECTS\nproject_id;cost\n${projects}\nVOTES\nvoter_id;vote\n${votes}\n`);

  it('Poznań funds the project that does not fit when exactly 80 % of its cost is left', () => {
    // a (3 votes) costs 60; 40 left; b (2 votes) costs 50: 40 = 80 % of 50 → funded; then stop.
    const at80 = cityRule(file('greedy-custom', '', '100', 'a;60\nb;50\nc;10', '1;a,b\n2;a,b\n3;a,c'));
    expect(at80.selected).toEqual(['a', 'b']);
    expect(at80.cost).toBe(110n);
    const below = cityRule(file('greedy-custom', '', '100', 'a;60\nb;50.01\nc;10', '1;a,b\n2;a,b\n3;a,c'));
    expect(below.selected).toEqual(['a']);
  });

  it('greedy-threshold admits a project whose votes equal the threshold', () => {
    const result = cityRule(file('greedy-threshold', 'min_project_score_threshold;2\n', '100', 'a;10\nb;10\nc;10', '1;a,b,c\n2;a,b\n3;a'));
    expect(result.selected).toEqual(['a', 'b']);
    expect(result.explanation.greedy?.steps.find((s) => s.projectId === 'c')?.reason).toMatch(/below the threshold of 2/);
  });

  it('refuses greedy-custom outside Poznań', () => {
    const other = parsePabulib('META\nkey;value\nunit;Elsewhere\nbudget;10\nvote_type;approval\nrule;greedy-custom\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\n1;a\n');
    expect(() => cityRule(other)).toThrow(/only known for Poznań/);
  });
});
