import { phaseIndex, type BallotKind, type CostSharing, type CycleDelivery, type ExplanationStep, type Phase, type ProjectDecision, type Role, type TallyRule, type WardSummary } from '@allot/shared';
import { formatMoney } from '../../lib/format';

export { formatMoney };

/**
 * Pure helpers for the results pages: plain-language labels, numbers as residents read them, and the
 * proportions the bar diagrams draw. No React here, so every rule is unit-tested.
 */

/**
 * An amount the server sends as a decimal string (a voter's share, a price per supporter): pence are
 * shown when there are any, so "12.5" reads "£12.50" and "250" reads "£250".
 */
export function formatAmount(units: string, currency: string): string {
  const value = Number(units);
  if (units.trim() === '' || !Number.isFinite(value)) return `${units} ${currency}`;
  const whole = Math.abs(value - Math.round(value)) < 0.005;
  const digits = whole ? 0 : 2;
  try {
    return new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  } catch {
    return `${new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)} ${currency}`;
  }
}

export function formatCount(count: number): string {
  return new Intl.NumberFormat('en-GB').format(count);
}

/** "1 project", "3 projects". */
export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** A share between 0 and 1 as a percentage: one decimal below 10% so small shares do not read "0%". */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share) || share <= 0) return '0%';
  const percent = share * 100;
  const digits = percent < 10 ? 1 : 0;
  return `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits }).format(percent)}%`;
}

/** spent ÷ budget, 0 for an empty budget. */
export function shareOf(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

export const RULE_NAMES: Record<TallyRule, string> = {
  greedy: 'Most votes first',
  'equal-shares': 'Method of equal shares',
  'equal-shares-add1': 'Method of equal shares, with each voter’s share raised to use more of the money',
  phragmen: 'Sequential Phragmén',
  'max-welfare': 'Most satisfaction overall',
  'equal-shares-add1-greedy': 'Method of equal shares, with each voter’s share raised, then the money left over spent on the most-voted projects that still fit',
};

/** The rules whose results carry equal-shares cost sharing (`PotResult.equalShares`). */
export function isEqualShares(rule: TallyRule): boolean {
  return rule === 'equal-shares' || rule === 'equal-shares-add1' || rule === 'equal-shares-add1-greedy';
}

/** Words for the outcome column: the colour of a row never carries the meaning alone. */
export const DECISION_LABELS: Record<ProjectDecision, string> = {
  funded: 'Funded',
  skipped: 'Not funded (skipped)',
  'not reached': 'Not funded (not reached)',
};

export const STEP_LABELS: Record<ExplanationStep['decision'], string> = {
  funded: 'Funded',
  skipped: 'Skipped',
  'not reached': 'Not reached',
  note: 'Note',
};

/** The heading of the score column, or null when the ballot kind has no score beyond the votes. */
export function scoreHeading(kind: BallotKind): string | null {
  if (kind === 'cumulative') return 'Points';
  if (kind === 'ranked') return 'Ranking score (Borda)';
  return null;
}

export function votesHeading(kind: BallotKind): string {
  if (kind === 'cumulative') return 'Voters who gave it points';
  if (kind === 'ranked') return 'Voters who ranked it';
  return 'Votes';
}

function amountOf(units: string): number {
  const value = Number(units);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

export interface CostSplit {
  /** Parts of the project's cost, between 0 and 1, that each group paid (drawn as bar lengths). */
  paidInFull: number;
  paidEverythingLeft: number;
  /** Part paid from money left over in the pot, not from voters' shares (the completion stage). */
  leftOver: number;
}

/**
 * How the cost of one project divides between the two groups of supporters, as parts of its cost. A
 * project funded in the completion stage was paid wholly from money left over in the pot.
 */
export function costSplit(sharing: CostSharing): CostSplit {
  if (sharing.stage === 'completion') return { paidInFull: 0, paidEverythingLeft: 0, leftOver: sharing.cost > 0 ? 1 : 0 };
  const full = amountOf(sharing.paidInFullTotal);
  const left = amountOf(sharing.paidEverythingLeftTotal);
  const whole = Math.max(sharing.cost, full + left);
  if (whole <= 0) return { paidInFull: 0, paidEverythingLeft: 0, leftOver: 0 };
  return { paidInFull: full / whole, paidEverythingLeft: left / whole, leftOver: 0 };
}

/** One sentence per group, with the numbers the bar shows, e.g. for the chart's text and its label. */
export function describeCostSharing(sharing: CostSharing, currency: string): string[] {
  if (sharing.stage === 'completion') {
    return [
      `No voter’s share paid for it: its whole cost of ${formatMoney(sharing.cost, currency)} came from money left over in the pot after the equal-shares steps, because it came next in order of votes and still fitted in what was left.`,
    ];
  }
  const per = sharing.priceUnit === 'point' ? 'per point they gave it' : 'each';
  const lines: string[] = [];
  if (sharing.paidInFull > 0) {
    lines.push(
      `${plural(sharing.paidInFull, 'supporter', 'supporters')} paid the full share of ${formatAmount(sharing.price, currency)} ${per}: ${formatAmount(sharing.paidInFullTotal, currency)} in all.`,
    );
  }
  if (sharing.paidEverythingLeft > 0) {
    lines.push(
      `${plural(sharing.paidEverythingLeft, 'supporter', 'supporters')} had less than that left and paid everything they had: ${formatAmount(sharing.paidEverythingLeftTotal, currency)} in all.`,
    );
  }
  if (lines.length === 0) lines.push('No supporter paid towards this project from their share.');
  return lines;
}

export interface CompletionSummary {
  /** Money left in the pot after the equal-shares steps. */
  leftAfterShares: number;
  /** Projects then funded from it, and what they cost together. */
  projects: number;
  spent: number;
}

/**
 * The completion stage of equal shares (greedy fill) in numbers: what the equal-shares steps left of
 * the pot and what was then funded from it. Null when no project was funded that way.
 */
export function completionSummary(budget: number, costSharing: readonly CostSharing[]): CompletionSummary | null {
  const completion = costSharing.filter((sharing) => sharing.stage === 'completion');
  if (completion.length === 0) return null;
  const fromShares = costSharing.filter((sharing) => sharing.stage === 'equal-shares').reduce((sum, sharing) => sum + sharing.cost, 0);
  return {
    leftAfterShares: budget - fromShares,
    projects: completion.length,
    spent: completion.reduce((sum, sharing) => sum + sharing.cost, 0),
  };
}

export interface WardBar {
  ward: WardSummary;
  /** Bar length between 0 and 1: funded projects relative to the ward with the most. */
  length: number;
}

/** Bars for the "projects funded per ward" diagram, in the order the server sent the wards. */
export function wardBars(wards: readonly WardSummary[]): WardBar[] {
  const most = Math.max(0, ...wards.map((ward) => ward.fundedProjects));
  return wards.map((ward) => ({ ward, length: most > 0 ? ward.fundedProjects / most : 0 }));
}

export type DeliveryProject = CycleDelivery['projects'][number];

/** "40% done · 2 of 5 milestones done", or a plain "Not started yet". */
export function describeDelivery(project: DeliveryProject): string {
  const parts = [project.progress === 0 ? 'Not started yet' : project.progress === 100 ? 'Delivered (100%)' : `${project.progress}% done`];
  if (project.milestonesTotal > 0) parts.push(`${project.milestonesDone} of ${plural(project.milestonesTotal, 'milestone', 'milestones')} done`);
  return parts.join(' · ');
}

export type RecountOutcome = 'first' | 'same' | 'different';

/** What a count says next to the one before it (identical ballots and rules give an identical hash). */
export function compareCounts(previousHash: string | null, nextHash: string): RecountOutcome {
  if (previousHash === null) return 'first';
  return previousHash === nextHash ? 'same' : 'different';
}

const timestampFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

/** "2026-12-01T14:09:00Z" → "1 December 2026 at 14:09 UTC"; an unreadable value is shown as it came. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${timestampFormat.format(date)} UTC`;
}

export interface ResultsAccess {
  /** 'public' once published; 'preview' for admins and councillors while the votes are counted. */
  results: 'public' | 'preview' | null;
  /** Whether to offer the counting page. */
  count: boolean;
}

/**
 * Which ways to the results the cycle page offers. Only a courtesy: the API decides who may read an
 * unpublished count (admins and councillors) and who may count (admins, in the counting phase).
 */
export function resultsAccess(phase: Phase, roles: readonly Role[]): ResultsAccess {
  if (phaseIndex(phase) >= phaseIndex('results')) return { results: 'public', count: false };
  if (phase !== 'counting') return { results: null, count: false };
  const isAdmin = roles.includes('admin');
  return { results: isAdmin || roles.includes('councillor') ? 'preview' : null, count: isAdmin };
}
