import type { Instance } from '../../model';

/**
 * Ballots with the same set of listed projects, merged and weighted. Under approval-style
 * utilities identical ballots get identical budgets forever, so MES can treat each group as one
 * voter with a multiplicity.
 */
export interface ApprovalProfile {
  readonly projectCount: number;
  readonly groupCount: number;
  /** Voters per group. */
  readonly weight: Int32Array;
  /** Projects of group g: ballotItems[ballotStart[g] .. ballotStart[g+1]). */
  readonly ballotStart: Int32Array;
  readonly ballotItems: Int32Array;
  /** Groups listing project q: supItems[supStart[q] .. supStart[q+1]). */
  readonly supStart: Int32Array;
  readonly supItems: Int32Array;
  /** Voters listing each project. */
  readonly supporters: Int32Array;
  /** Ballots listing no project at all (they still count in n). */
  readonly emptyVoters: number;
}

export function approvalProfile(instance: Instance): ApprovalProfile {
  const projectCount = instance.projects.length;
  const index = new Map<string, number>();
  const weights: number[] = [];
  const ballots: number[][] = [];
  let emptyVoters = 0;
  for (const ballot of instance.ballots) {
    const listed = ballot.projects;
    if (listed.length === 0) {
      emptyVoters += 1;
      continue;
    }
    const set = sortedUnique(listed);
    // Project indices as UTF-16 code units make a cheap exact key (indices stay far below 2^16
    // in practice; larger ones fall back to a separator-joined key).
    const key = projectCount < 0xffff ? String.fromCharCode(...set) : set.join(',');
    const g = index.get(key);
    if (g === undefined) {
      index.set(key, weights.length);
      weights.push(1);
      ballots.push(set);
    } else {
      weights[g] = (weights[g] ?? 0) + 1;
    }
  }
  const groupCount = weights.length;
  const ballotStart = new Int32Array(groupCount + 1);
  let total = 0;
  ballots.forEach((b, g) => {
    ballotStart[g] = total;
    total += b.length;
  });
  ballotStart[groupCount] = total;
  const ballotItems = new Int32Array(total);
  const supCount = new Int32Array(projectCount + 1);
  const supporters = new Int32Array(projectCount);
  ballots.forEach((b, g) => {
    ballotItems.set(b, ballotStart[g] ?? 0);
    for (const q of b) {
      supCount[q + 1] = (supCount[q + 1] ?? 0) + 1;
      supporters[q] = (supporters[q] ?? 0) + (weights[g] ?? 0);
    }
  });
  const supStart = new Int32Array(projectCount + 1);
  for (let q = 0; q < projectCount; q++) supStart[q + 1] = (supStart[q] ?? 0) + (supCount[q + 1] ?? 0);
  const fill = supStart.slice(0, projectCount);
  const supItems = new Int32Array(total);
  ballots.forEach((b, g) => {
    for (const q of b) {
      const at = fill[q] ?? 0;
      supItems[at] = g;
      fill[q] = at + 1;
    }
  });
  return {
    projectCount,
    groupCount,
    weight: Int32Array.from(weights),
    ballotStart,
    ballotItems,
    supStart,
    supItems,
    supporters,
    emptyVoters,
  };
}

/** Ballots are short: an insertion sort on a copy, dropping repeats, beats Set + sort by far. */
function sortedUnique(xs: readonly number[]): number[] {
  const out: number[] = [];
  for (const x of xs) {
    let i = out.length;
    while (i > 0 && (out[i - 1] ?? 0) > x) i--;
    if (i > 0 && out[i - 1] === x) continue;
    out.splice(i, 0, x);
  }
  return out;
}
