import type { Instance } from '../model';
import type { TieBreak, TieBreakCriterion } from './types';

const CRITERIA: readonly TieBreakCriterion[] = ['lowerCost', 'higherCost', 'moreVotes', 'id'];

/** Parses `lowerCost,id` (CLI / config form). Throws on an unknown criterion. */
export function parseTieBreak(text: string): TieBreak {
  const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new Error('empty tie-break: give criteria like lowerCost,id');
  return items.map((item) => {
    const criterion = CRITERIA.find((c) => c === item);
    if (!criterion) throw new Error(`unknown tie-break criterion "${item}" (use ${CRITERIA.join(', ')})`);
    return criterion;
  });
}

/**
 * Number of ballots listing each project (approval score). Approval ballots are sets already
 * (the reader removes repeats), so this is pabutools' `approval_score`.
 */
export function approvalCounts(instance: Instance): Int32Array {
  const counts = new Int32Array(instance.projects.length);
  for (const ballot of instance.ballots) for (const p of ballot.projects) counts[p] = (counts[p] ?? 0) + 1;
  return counts;
}

/**
 * A comparator on project indices: negative when `a` wins the tie. Criteria are applied in
 * order; when all tie, the smaller id string decides (ids are unique), so orders never depend on
 * the order of projects in the file.
 */
export function tieBreakComparator(
  instance: Instance,
  tieBreak: TieBreak,
  approvals: Int32Array = approvalCounts(instance),
): (a: number, b: number) => number {
  const ids = instance.projects.map((p) => p.id);
  const costs = instance.projects.map((p) => p.cost);
  const byId = (a: number, b: number): number => {
    const ia = ids[a] ?? '';
    const ib = ids[b] ?? '';
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
  return (a, b) => {
    for (const criterion of tieBreak) {
      let d: number;
      if (criterion === 'lowerCost' || criterion === 'higherCost') {
        const ca = costs[a] ?? 0n;
        const cb = costs[b] ?? 0n;
        d = ca < cb ? -1 : ca > cb ? 1 : 0;
        if (criterion === 'higherCost') d = -d;
      } else if (criterion === 'moreVotes') {
        d = (approvals[b] ?? 0) - (approvals[a] ?? 0);
      } else {
        d = byId(a, b);
      }
      if (d !== 0) return d;
    }
    return byId(a, b);
  };
}

export function describeTieBreak(tieBreak: TieBreak): string {
  const words: Record<TieBreakCriterion, string> = {
    lowerCost: 'the cheaper project first',
    higherCost: 'the more expensive project first',
    moreVotes: 'the project on more ballots first',
    id: 'the smaller project id (compared as text) first',
  };
  return tieBreak.map((c) => words[c]).join(', then ');
}
