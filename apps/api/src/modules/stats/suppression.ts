/**
 * Small-number suppression for the councillor view (rules in packages/shared/src/stats.ts).
 * Pure: it only ever sees counts of people, never who they are.
 */
import { SUPPRESSION_THRESHOLD } from '@allot/shared';

/** A single count: 0 and counts at or above the threshold are shown; 1 to threshold − 1 are not. */
export function suppressCount(count: number, threshold = SUPPRESSION_THRESHOLD): number | null {
  return count > 0 && count < threshold ? null : count;
}

/**
 * The cells of one breakdown (channels, days, age bands) as published. Counts from 1 to
 * threshold − 1 become null. When that leaves exactly one hidden cell while the breakdown's total
 * is published, the hidden count would be the total minus the others, so the smallest other
 * non-zero cell is hidden too (the first one in order on a tie). Zeros are never hidden: a zero
 * gives nobody away and hiding it would not protect the other cell.
 */
export function suppressBreakdown(cells: readonly number[], totalPublished: boolean, threshold = SUPPRESSION_THRESHOLD): (number | null)[] {
  const published = cells.map((cell) => suppressCount(cell, threshold));
  const hidden = published.filter((cell) => cell === null).length;
  if (hidden !== 1 || !totalPublished) return published;
  let next = -1;
  published.forEach((cell, index) => {
    if (cell !== null && cell > 0 && (next === -1 || cell < (published[next] ?? Infinity))) next = index;
  });
  if (next !== -1) published[next] = null;
  return published;
}

/** ballots ÷ population, rounded to 4 decimals; null when either is unknown, hidden, or the population is 0. */
export function rate(ballots: number | null, population: number | null): number | null {
  if (ballots === null || population === null || population <= 0) return null;
  return Math.round((ballots / population) * 10_000) / 10_000;
}
