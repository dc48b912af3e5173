import { PROPOSAL_STATUS_LABELS, type ProposalStatus, type SuppressedCount, type WardStats } from '@allot/shared';

/**
 * Wording and chart model of the councillor view. Counts of people arrive already suppressed by the
 * API (`null` = 1 to threshold − 1); nothing here can un-suppress them, it only says so plainly.
 */

const numberFormat = new Intl.NumberFormat('en-GB');
const percentFormat = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });

/** "fewer than 10" for a suppressed count, else the count with thousands separators. */
export function formatCount(count: SuppressedCount, threshold: number): string {
  return count === null ? `fewer than ${threshold}` : numberFormat.format(count);
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** A 0–1 share as "8.3%", or "not available" when it is unknown or hidden. */
export function formatShare(share: number | null): string {
  return share === null ? 'not available' : percentFormat.format(share);
}

/** The headline: "1,204 of 14,820 residents voted (8.1%)." */
export function turnoutSentence(ward: Pick<WardStats, 'ballots' | 'population' | 'turnout'>, threshold: number): string {
  const population = numberFormat.format(ward.population);
  if (ward.ballots === null) return `Fewer than ${threshold} of ${population} residents voted.`;
  if (ward.ballots === 0) return `No one of ${population} residents has voted yet.`;
  const people = ward.ballots === 1 ? 'resident' : 'residents';
  const share = ward.turnout === null ? '' : ` (${percentFormat.format(ward.turnout)})`;
  return `${numberFormat.format(ward.ballots)} of ${population} ${people} voted${share}.`;
}

/** True when any count of people on the ward's figures is hidden, so the page explains why. */
export function hasSuppressedCounts(ward: WardStats): boolean {
  return (
    ward.ballots === null ||
    ward.byChannel.online === null ||
    ward.byChannel.paper === null ||
    ward.byDay.some((day) => day.ballots === null) ||
    ward.byAgeBand.some((band) => band.ballots === null)
  );
}

export interface Bar {
  label: string;
  /** The figure as read aloud and printed beside the bar. */
  text: string;
  /** Length as a share of the longest bar, 0–1. */
  length: number;
  /** value: a known figure; suppressed: somewhere below the threshold; unknown: nothing to draw. */
  kind: 'value' | 'suppressed' | 'unknown';
}

/**
 * Bars for a chart of counts. A hidden count is drawn as an outline up to the threshold (it is
 * somewhere below it), never as a solid bar, so the chart does not suggest a figure it does not know.
 */
export function barsFor(rows: readonly { label: string; count: SuppressedCount }[], threshold: number): Bar[] {
  const known = rows.map((row) => (row.count === null ? threshold : row.count));
  const longest = Math.max(1, ...known);
  return rows.map((row, index) => ({
    label: row.label,
    text: formatCount(row.count, threshold),
    length: (known[index] ?? 0) / longest,
    kind: row.count === null ? 'suppressed' : 'value',
  }));
}

/** Bars for shares (0–1), scaled to the largest share; an unknown share gets no bar. */
export function barsForShares(rows: readonly { label: string; share: number | null }[]): Bar[] {
  const longest = Math.max(0, ...rows.map((row) => row.share ?? 0));
  return rows.map((row) => ({
    label: row.label,
    text: formatShare(row.share),
    length: row.share === null || longest === 0 ? 0 : row.share / longest,
    kind: row.share === null ? 'unknown' : 'value',
  }));
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2027-03-31" → "Wed 31 Mar" (chart labels). */
export function formatDay(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dayFormat.format(date);
}

/** "2027-03-31" → "Wednesday 31 March 2027" (table rows). */
export function formatLongDay(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : longDayFormat.format(date);
}

/** Proposal statuses that hold ideas, in the order an idea moves through them, each with its plain name. */
export function proposalStatusRows(byStatus: Record<string, number>): { status: string; label: string; count: number }[] {
  const known = Object.keys(PROPOSAL_STATUS_LABELS) as ProposalStatus[];
  const rows: { status: string; label: string; count: number }[] = known
    .filter((status) => (byStatus[status] ?? 0) > 0)
    .map((status) => ({ status, label: PROPOSAL_STATUS_LABELS[status], count: byStatus[status] ?? 0 }));
  // A status the SPA does not know yet is still shown, under its own name, rather than dropped.
  for (const [status, count] of Object.entries(byStatus)) {
    if (!known.includes(status as ProposalStatus) && count > 0) rows.push({ status, label: status.replaceAll('_', ' '), count });
  }
  return rows;
}

/** A file name for a ward's CSV: "ward-figures-play-spaces-fund-OH.csv". */
export function csvFileName(cycleName: string, wardCode: string): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_]+/g, '-')
      .replace(/-+/g, '-');
  const cycle = slug(cycleName).toLowerCase() || 'cycle';
  const ward = slug(wardCode) || 'ward';
  return `ward-figures-${cycle}-${ward}.csv`;
}
