import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPabulibFile } from '../../src/pabulib/read';
import type { Instance } from '../../src/model';

/** The shared Pabulib elections: `../shared/pabulib` beside the repository, unless PABULIB_DIR says otherwise. */
export const PABULIB_DIR =
  process.env.PABULIB_DIR ?? fileURLToPath(new URL('../../../../../shared/pabulib', import.meta.url));

export interface ExpectedEntry {
  readonly [rule: string]: unknown;
  readonly selected: string[] | null;
  readonly _max_welfare_cost_sat_objective: number;
  readonly _meta: { vote_type: string; rule_in_file: string; budget: string; num_projects: number; num_votes: number };
  readonly _city_rule_replay: { rule: string; replayed_as: string | null; selected: string[] | null };
  readonly _total_cost: Record<string, number>;
}

export function loadExpected(): Record<string, ExpectedEntry> {
  const raw = JSON.parse(readFileSync(join(PABULIB_DIR, 'expected.json'), 'utf8')) as Record<string, unknown>;
  delete raw._about;
  return raw as Record<string, ExpectedEntry>;
}

const cache = new Map<string, Promise<Instance>>();

/** Each shared file is parsed once per test file. */
export function instanceOf(file: string): Promise<Instance> {
  let hit = cache.get(file);
  if (!hit) {
    hit = readPabulibFile(join(PABULIB_DIR, file));
    cache.set(file, hit);
  }
  return hit;
}

export function sortedIds(ids: readonly string[]): string[] {
  return [...ids].sort();
}
