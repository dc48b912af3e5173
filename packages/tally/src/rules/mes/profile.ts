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
  const starts: number[] = [];
  const flat: number[] = [];
  let emptyVoters = 0;
  let scratch = new Int32Array(16);
  for (const ballot of instance.ballots) {
    const listed = ballot.projects;
    if (listed.length === 0) {
      emptyVoters += 1;
      continue;
    }
    if (listed.length > scratch.length) scratch = new Int32Array(listed.length * 2);
    // Ballots are short: insertion sort into a reused buffer, dropping repeats.
    let len = 0;
    for (const x of listed) {
      let i = len;
      while (i > 0 && (scratch[i - 1] ?? 0) > x) i--;
      if (i > 0 && scratch[i - 1] === x) continue;
      scratch.copyWithin(i + 1, i, len);
      scratch[i] = x;
      len++;
    }
    const set = scratch.subarray(0, len);
    // Project indices as UTF-16 code units make a cheap exact key.
    const key = projectCount < 0xffff ? String.fromCharCode(...set) : set.join(',');
    const g = index.get(key);
    if (g === undefined) {
      index.set(key, weights.length);
      weights.push(1);
      starts.push(flat.length);
      for (const x of set) flat.push(x);
    } else {
      weights[g] = (weights[g] ?? 0) + 1;
    }
  }
  const groupCount = weights.length;
  starts.push(flat.length);
  const ballotStart = Int32Array.from(starts);
  const ballotItems = Int32Array.from(flat);
  const weight = Int32Array.from(weights);
  const supporters = new Int32Array(projectCount);
  const supStart = new Int32Array(projectCount + 1);
  for (let g = 0; g < groupCount; g++) {
    const wg = weight[g] ?? 0;
    for (let j = ballotStart[g] ?? 0; j < (ballotStart[g + 1] ?? 0); j++) {
      const q = ballotItems[j] ?? 0;
      supporters[q] = (supporters[q] ?? 0) + wg;
      supStart[q + 1] = (supStart[q + 1] ?? 0) + 1;
    }
  }
  for (let q = 0; q < projectCount; q++) supStart[q + 1] = (supStart[q + 1] ?? 0) + (supStart[q] ?? 0);
  const fill = supStart.slice(0, projectCount);
  const supItems = new Int32Array(ballotItems.length);
  for (let g = 0; g < groupCount; g++) {
    for (let j = ballotStart[g] ?? 0; j < (ballotStart[g + 1] ?? 0); j++) {
      const q = ballotItems[j] ?? 0;
      const at = fill[q] ?? 0;
      supItems[at] = g;
      fill[q] = at + 1;
    }
  }
  return { projectCount, groupCount, weight, ballotStart, ballotItems, supStart, supItems, supporters, emptyVoters };
}
