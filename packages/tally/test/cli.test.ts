import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadExpected, PABULIB_DIR } from './helpers/reference';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = join(repoRoot, 'packages/tally/src/cli.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function tally(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cli, ...args],
      { cwd: repoRoot, env: { ...process.env, INIT_CWD: '', ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

const expected = loadExpected();

describe.concurrent('tally CLI', { timeout: 90_000 }, () => {
  it('prints the rule, the selected ids in natural order and the total cost as JSON', async () => {
    const run = await tally(['--rule', 'greedy_cost_sat', join(PABULIB_DIR, 'Poland_Warszawa_2022_Ochota.pb')]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { rule: string; selected: string[]; cost: string; explanation?: unknown };
    expect(out.rule).toBe('greedy_cost_sat');
    expect([...out.selected].sort()).toEqual([...(expected['Poland_Warszawa_2022_Ochota.pb']?.greedy_cost_sat as string[])].sort());
    const numeric = out.selected.map(Number);
    expect(numeric).toEqual([...numeric].sort((a, b) => a - b));
    expect(out.cost).toBe('3086092');
    expect(out.explanation).toBeUndefined();
  });

  it('resolves a relative file against INIT_CWD and adds the explanation with --explain', async () => {
    const run = await tally(['--rule', 'seq_phragmen', 'Netherlands_Assen_2024.pb', '--explain'], { INIT_CWD: PABULIB_DIR });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { explanation: { kind: string; rounds: { projectId: string }[] } };
    expect(out.explanation.kind).toBe('seq_phragmen');
    expect(out.explanation.rounds[0]?.projectId).toBe('13');
  });

  it('applies --tie-break', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tally-cli-'));
    const file = join(dir, 'tie.pb');
    // Both projects have 1 vote and only one fits: the tie-break decides.
    await writeFile(file, 'META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\na;10\nb;6\nVOTES\nvoter_id;vote\n1;a\n2;b\n');
    const byId = JSON.parse((await tally(['--rule', 'greedy_cost_sat', file])).stdout) as { selected: string[] };
    const byCost = JSON.parse((await tally(['--rule', 'greedy_cost_sat', file, '--tie-break', 'lowerCost,id'])).stdout) as { selected: string[] };
    expect(byId.selected).toEqual(['a']);
    expect(byCost.selected).toEqual(['b']);
  });

  it('runs through the root `pnpm tally` script from another directory', async () => {
    const out = await new Promise<string>((done, fail) => {
      execFile(
        'pnpm',
        ['--dir', repoRoot, '--silent', 'tally', '--rule', 'max_welfare_cost_sat', 'Netherlands_Assen_2024.pb'],
        { cwd: PABULIB_DIR },
        (error, stdout) => (error ? fail(error) : done(stdout)),
      );
    });
    const result = JSON.parse(out) as { rule: string; cost: string };
    expect(result.rule).toBe('max_welfare_cost_sat');
    expect(result.cost).toBe('99200');
  });

  it('fails with exit code 2 on an unknown rule', async () => {
    const run = await tally(['--rule', 'borda', join(PABULIB_DIR, 'Netherlands_Assen_2024.pb')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown rule "borda"/);
    expect(run.stdout).toBe('');
  });

  it('fails with exit code 3 when the rule does not apply to the vote type', async () => {
    const run = await tally(['--rule', 'seq_phragmen', join(PABULIB_DIR, 'Switzerland_Zurich_S5R.pb')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/does not apply to ordinal ballots/);
  });

  it('fails with exit code 4 and the line number on a malformed file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tally-cli-'));
    const file = join(dir, 'bad.pb');
    await writeFile(file, 'META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\na;10\nVOTES\nvoter_id;vote\n1;a\n2;x\n');
    const run = await tally(['--rule', 'greedy_cost_sat', file]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/line 11: voter "2" votes for unknown project "x"/);
  });

  it('fails with exit code 4 when the file does not exist, and 2 without a file', async () => {
    expect((await tally(['--rule', 'greedy_cost_sat', '/nonexistent/file.pb'])).code).toBe(4);
    const missing = await tally(['--rule', 'greedy_cost_sat']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing the .pb file/);
  });
});
