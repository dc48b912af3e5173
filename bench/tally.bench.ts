/**
 * Tally benchmark: parse time, and each registered rule's time and peak memory on the largest
 * shared Pabulib instances, next to pabutools' timings from expected.json. Figures only: nothing
 * here passes or fails.
 *
 *   pnpm bench:tally                                   all default instances, every rule
 *   pnpm bench:tally --instances=Warszawa_2026 --rules=mes_cost_sat,mes_cost_sat_add1
 *   pnpm bench:tally --timeout=120                     seconds per rule (default 900)
 *
 * Every (instance, rule) pair runs in its own child process, so the peak resident memory
 * (`process.resourceUsage().maxRSS`) belongs to that rule alone (plus parsing the file, which is
 * reported separately as the peak right after parsing).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PABULIB_DIR = process.env.PABULIB_DIR ?? fileURLToPath(new URL('../../shared/pabulib', import.meta.url));

const DEFAULT_INSTANCES = [
  'Poland_Warszawa_2026.pb',
  'Poland_Krakow_2019.pb',
  'Poland_Gdynia_2024.pb',
  'Poland_Warszawa_2020_Praga-Poludnie.pb',
  'Netherlands_Amsterdam_212.pb',
  // Forint budgets: add1 needs tens of thousands of MES runs (pabutools: 8 min, and > 30 min).
  'Hungary_Veszprem_2025.pb',
  'Hungary_Budapest_2023_VIII_Jozsefvaros.pb',
];

interface ChildReport {
  readonly parseMs: number;
  readonly parseRssMb: number;
  readonly ruleMs?: number;
  /** User + system CPU time of the rule: steadier than wall time on a busy machine. */
  readonly ruleCpuMs?: number;
  readonly peakRssMb?: number;
  readonly selected?: readonly string[];
  readonly mesRuns?: number;
  readonly error?: string;
}

async function child(file: string, rule: string): Promise<void> {
  const { readPabulibFile } = await import('../packages/tally/src/pabulib/read');
  const { runRule } = await import('../packages/tally/src/rules/index');
  const t0 = performance.now();
  const instance = await readPabulibFile(join(PABULIB_DIR, file));
  const parseMs = performance.now() - t0;
  const parseRssMb = process.resourceUsage().maxRSS / 1024;
  let report: ChildReport = { parseMs, parseRssMb };
  try {
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const result = runRule(rule, instance);
    const ruleMs = performance.now() - t1;
    const c2 = process.cpuUsage(c1);
    const ruleCpuMs = (c2.user + c2.system) / 1000;
    const explanation = result.explanation as { mesRuns?: unknown } | undefined;
    report = {
      ...report,
      ruleMs,
      ruleCpuMs,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      selected: result.selected,
      mesRuns: typeof explanation?.mesRuns === 'number' ? explanation.mesRuns : undefined,
    };
  } catch (error) {
    report = { ...report, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function parseReport(line: string): ChildReport | null {
  try {
    return JSON.parse(line) as ChildReport;
  } catch {
    return null;
  }
}

function arg(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const fmt = (x: number | undefined, digits = 0): string => (x === undefined ? '–' : x.toFixed(digits));

async function main(): Promise<void> {
  const { ruleKeys } = await import('../packages/tally/src/rules/index');
  const expected = JSON.parse(readFileSync(join(PABULIB_DIR, 'expected.json'), 'utf8')) as Record<
    string,
    Record<string, unknown> & { _timings_s?: Record<string, number>; _meta?: { num_votes: number; num_projects: number } }
  >;
  const instances = arg('instances')
    ? Object.keys(expected).filter((f) => arg('instances')?.split(',').some((part) => f.includes(part)))
    : DEFAULT_INSTANCES;
  const rules = arg('rules')?.split(',') ?? ruleKeys();
  const timeoutS = Number(arg('timeout') ?? 900);
  const self = fileURLToPath(import.meta.url);

  const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' / ');
  console.log(`# tally benchmark, ${new Date().toISOString()}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}`);
  console.log(`load average at start (1 / 5 / 15 min): ${load()}`);
  console.log('');
  const header =
    '| instance | voters | projects | rule | parse ms | rule ms (wall) | rule CPU ms | pabutools s | speed-up (CPU) | peak RSS MB (parse only) | same set as pabutools |';
  console.log(header);
  console.log('|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---|');
  for (const file of instances) {
    const entry = expected[file];
    for (const rule of rules) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', file, rule], {
        encoding: 'utf8',
        timeout: timeoutS * 1000,
        maxBuffer: 64 * 1024 * 1024,
      });
      const line = run.stdout.trim().split('\n').pop() ?? '';
      const report = parseReport(line);
      const pabuKey = rule === 'city' ? 'city_rule_replay' : rule;
      const pabuS = entry?._timings_s?.[pabuKey];
      const pabuValue = entry?.[rule === 'city' ? '_city_rule_replay' : rule];
      const want = Array.isArray(pabuValue)
        ? pabuValue
        : rule === 'city' && pabuValue && typeof pabuValue === 'object' && 'selected' in pabuValue
          ? (pabuValue as { selected: unknown }).selected
          : pabuValue;
      let same = '–';
      if (report?.selected && Array.isArray(want)) {
        if (rule === 'max_welfare_cost_sat') same = 'objective only (ties)';
        else same = [...report.selected].sort().join() === [...(want as string[])].sort().join() ? 'yes' : '**no**';
      } else if (want && typeof want === 'object' && 'error' in want) {
        same = `pabutools: ${String((want as { error: unknown }).error).slice(0, 40)}`;
      }
      const ruleCell = report?.error
        ? report.error.startsWith('RuleNotApplicableError')
          ? 'n/a (ballot type)'
          : `error (${report.error.replace(/\|/g, '/').slice(0, 80)})`
        : run.error || run.status !== 0 || !report
          ? `failed (${run.error?.message ?? `exit ${run.status}`})`
          : `${fmt(report.ruleMs)}${report.mesRuns && report.mesRuns > 1 ? ` (${report.mesRuns} MES runs)` : ''}`;
      // pabutools' figure is a lower bound when it timed out, and meaningless when it never ran.
      const pabuError =
        pabuValue && typeof pabuValue === 'object' && 'error' in pabuValue ? String((pabuValue as { error: unknown }).error) : null;
      const pabuTimedOut = pabuError?.startsWith('timeout') ?? false;
      const ratio =
        pabuS !== undefined && report?.ruleCpuMs && (!pabuError || pabuTimedOut) ? pabuS / (report.ruleCpuMs / 1000) : undefined;
      const speedUp = ratio === undefined ? '–' : `${pabuTimedOut ? '> ' : ''}${fmt(ratio, ratio < 10 ? 1 : 0)}×`;
      const pabuCell = pabuError && !pabuTimedOut ? 'not run' : `${pabuTimedOut ? '> ' : ''}${fmt(pabuS, pabuS !== undefined && pabuS < 1 ? 3 : 2)}`;
      const row = `| ${file.replace(/\.pb$/, '')} | ${entry?._meta?.num_votes ?? ''} | ${entry?._meta?.num_projects ?? ''} | ${rule} | ${fmt(report?.parseMs)} | ${ruleCell} | ${report?.error ? '–' : fmt(report?.ruleCpuMs)} | ${pabuCell} | ${speedUp} | ${fmt(report?.peakRssMb ?? report?.parseRssMb)} (${fmt(report?.parseRssMb)}) | ${same} |`;
      console.log(row);
    }
  }
  console.log('');
  console.log(`load average at end (1 / 5 / 15 min): ${load()}`);
}

if (process.argv[2] === '--child') {
  await child(process.argv[3] ?? '', process.argv[4] ?? '');
} else {
  await main();
}
