import type { Instance } from '../model';
import { joinRecord } from './csv';
import { formatMoney, parseDecimal, scaleDecimal } from './decimal';

/**
 * Serialises an instance as .pb lines (no line breaks). META keys are written in their order;
 * `budget`, `vote_type`, `num_projects` and `num_votes` are (re)written from the instance unless
 * the stored value already says the same. Costs are written with exactly `moneyScale` decimals,
 * so reading the output back gives the same instance.
 */
export function* pabulibLines(instance: Instance): Generator<string> {
  const scale = instance.moneyScale;
  const meta = new Map(instance.meta);
  const budgetText = meta.get('budget');
  const budgetParsed = budgetText === undefined ? undefined : parseDecimal(budgetText);
  const budgetKeeps =
    budgetParsed !== undefined &&
    budgetParsed.decimals <= scale &&
    scaleDecimal(budgetParsed, scale) === instance.budget;
  const derived: Record<string, string> = {
    vote_type: instance.voteType,
    num_projects: String(instance.projects.length),
    num_votes: String(instance.ballots.length),
  };
  if (!budgetKeeps) {
    derived.budget = formatMoney(instance.budget, scale, true);
  }
  for (const [key, value] of Object.entries(derived)) {
    if (meta.get(key) !== value) meta.set(key, value);
  }

  yield 'META';
  yield 'key;value';
  for (const [key, value] of meta) yield joinRecord([key, value]);

  const projectColumns = columnsOf(instance.projects.map((p) => p.fields), ['project_id', 'cost']);
  yield 'PROJECTS';
  yield joinRecord(['project_id', 'cost', ...projectColumns]);
  for (const p of instance.projects) {
    yield joinRecord([p.id, formatMoney(p.cost, scale, true), ...projectColumns.map((c) => p.fields[c] ?? '')]);
  }

  const cardinal = instance.voteType === 'cumulative' || instance.voteType === 'scoring';
  const fixed = cardinal ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'];
  const voteColumns = columnsOf(
    instance.ballots.map((b) => b.fields ?? {}),
    fixed,
  );
  yield 'VOTES';
  yield joinRecord([...fixed, ...voteColumns]);
  const ids = instance.projects.map((p) => p.id);
  for (const b of instance.ballots) {
    const cells = [b.voterId, b.projects.map((i) => ids[i]).join(',')];
    if (cardinal) cells.push((b.points ?? []).map(String).join(','));
    for (const c of voteColumns) cells.push(b.fields?.[c] ?? '');
    yield joinRecord(cells);
  }
}

function columnsOf(rows: readonly Readonly<Record<string, string>>[], reserved: readonly string[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) if (!reserved.includes(key)) columns.add(key);
  return [...columns];
}

/** The whole .pb text (`\n` line endings, no BOM). */
export function writePabulib(instance: Instance): string {
  let out = '';
  for (const line of pabulibLines(instance)) out += line + '\n';
  return out;
}

/** Streams the .pb text to any writable (e.g. an HTTP response or a file stream). */
export async function writePabulibTo(
  instance: Instance,
  sink: { write(chunk: string): boolean; once(event: 'drain', listener: () => void): unknown },
): Promise<void> {
  let buffer = '';
  for (const line of pabulibLines(instance)) {
    buffer += line + '\n';
    if (buffer.length >= 1 << 16) {
      const chunk = buffer;
      buffer = '';
      if (!sink.write(chunk)) await new Promise<void>((resolve) => sink.once('drain', resolve));
    }
  }
  if (buffer) sink.write(buffer);
}
