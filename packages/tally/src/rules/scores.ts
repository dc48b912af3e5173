import type { Instance } from '../model';
import { parseDecimal, scaleDecimal } from '../pabulib/decimal';

/** Exact per-project totals: `totals[p] / 10^scale` is the real value. */
export interface ScoreTotals {
  readonly totals: readonly bigint[];
  readonly scale: number;
}

/**
 * The score cities rank by on non-approval ballots: the sum of points (cumulative / scoring,
 * listed projects only) or positional points (ordinal: a ballot listing L projects gives L to the
 * first, L-1 to the second, ..., 1 to the last). Points are summed exactly as decimals.
 */
export function scoreTotals(instance: Instance): ScoreTotals {
  const n = instance.projects.length;
  if (instance.voteType === 'ordinal') {
    const totals = new Float64Array(n);
    for (const ballot of instance.ballots) {
      const length = ballot.projects.length;
      ballot.projects.forEach((p, i) => {
        totals[p] = (totals[p] ?? 0) + (length - i);
      });
    }
    return { totals: Array.from(totals, (t) => BigInt(t)), scale: 0 };
  }
  if (instance.voteType !== 'cumulative' && instance.voteType !== 'scoring') {
    throw new Error(`no point scores for ${instance.voteType} ballots`);
  }
  // Points are JS numbers; convert each distinct value through its decimal text so that 0.1 is
  // exactly one tenth, then sum as bigint.
  const distinct = new Map<number, { digits: bigint; decimals: number; negative: boolean }>();
  let scale = 0;
  for (const ballot of instance.ballots) {
    for (const x of ballot.points ?? []) {
      if (distinct.has(x)) continue;
      const parsed = parseDecimal(Number.isInteger(x) ? x.toFixed(0) : String(x));
      if (!parsed) throw new Error(`points value ${x} is not a plain decimal`);
      distinct.set(x, parsed);
      scale = Math.max(scale, parsed.decimals);
    }
  }
  const scaled = new Map<number, bigint>();
  for (const [x, parsed] of distinct) scaled.set(x, scaleDecimal(parsed, scale));
  const totals: bigint[] = new Array<bigint>(n).fill(0n);
  if (scale === 0 && [...scaled.values()].every((v) => v <= 1_000_000n && v >= -1_000_000n)) {
    // Fast path: integer points, sums stay far below 2^53.
    const acc = new Float64Array(n);
    for (const ballot of instance.ballots) {
      const points = ballot.points ?? [];
      ballot.projects.forEach((p, i) => {
        acc[p] = (acc[p] ?? 0) + (points[i] ?? 0);
      });
    }
    return { totals: Array.from(acc, (t) => BigInt(t)), scale: 0 };
  }
  for (const ballot of instance.ballots) {
    const points = ballot.points ?? [];
    ballot.projects.forEach((p, i) => {
      totals[p] = (totals[p] ?? 0n) + (scaled.get(points[i] ?? 0) ?? 0n);
    });
  }
  return { totals, scale };
}

export function formatScaled(value: bigint, scale: number): string {
  if (scale === 0) return value.toString();
  const negative = value < 0n;
  const abs = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = `${abs.slice(0, -scale)}.${abs.slice(-scale)}`.replace(/\.?0+$/, '');
  return negative ? `-${text}` : text;
}
