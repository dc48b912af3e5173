import {
  DEFAULT_TIE_BREAK,
  PHASES,
  TALLY_RULES_BY_BALLOT_KIND,
  type BallotKind,
  type Cycle,
  type Phase,
  type TallyRule,
  type Ward,
} from '@allot/shared';

/** The phases that carry dates (draft has none). */
export const SCHEDULED_PHASES = PHASES.filter((phase): phase is Exclude<Phase, 'draft'> => phase !== 'draft');
export type ScheduledPhase = (typeof SCHEDULED_PHASES)[number];

export const BALLOT_KIND_LABELS: Record<BallotKind, string> = {
  approval: 'Approval: tick any number of projects',
  knapsack: 'Budget: pick projects whose costs fit the budget',
  cumulative: 'Points: spread a number of points across projects',
  ranked: 'Ranked: put projects in order of preference',
};

export const TALLY_RULE_LABELS: Record<TallyRule, string> = {
  greedy: 'Most votes first (greedy)',
  'equal-shares': 'Method of equal shares',
  'equal-shares-add1': 'Method of equal shares, raising the per-voter budget to spend more',
  phragmen: 'Sequential Phragmén',
  'max-welfare': 'Greatest total satisfaction (utilitarian)',
  'equal-shares-add1-greedy': 'Method of equal shares, raising each voter’s share, then using what is left for the most-voted projects that still fit',
};

/** City-wide pot key in the form (ward pots are keyed by ward id). */
export const CITY_WIDE = 'city-wide';

export interface RoundDraft {
  key: number;
  name: string;
  start: string;
  end: string;
  shortlist: 'none' | 'topN' | 'threshold';
  shortlistValue: string;
}

/** Everything the cycle form holds, as the person typed it (numbers stay text until submitted). */
export interface CycleDraft {
  name: string;
  description: string;
  currency: string;
  totalBudget: string;
  /** Budget text per ward id, plus CITY_WIDE; an empty value means "no pot". */
  potBudgets: Record<string, string>;
  schedule: Record<ScheduledPhase, { start: string; end: string }>;
  rounds: RoundDraft[];
  ballotKind: BallotKind;
  minCount: string;
  maxCount: string;
  points: string;
  perProjectCap: string;
  maxRanks: string;
  tallyRule: TallyRule;
  tieBreak: string[];
  wardEstablishment: 'self-declared' | 'verified';
  minAge: string;
  ageOnDate: string;
}

const text = (value: number | undefined): string => (value === undefined ? '' : String(value));

export function draftFromCycle(cycle: Cycle | undefined, wards: readonly Ward[]): CycleDraft {
  const potBudgets: Record<string, string> = {};
  for (const ward of wards) potBudgets[ward.id] = '';
  potBudgets[CITY_WIDE] = '';
  for (const pot of cycle?.pots ?? []) potBudgets[pot.wardId ?? CITY_WIDE] = String(pot.budget);
  const schedule = Object.fromEntries(
    SCHEDULED_PHASES.map((phase) => [phase, { start: cycle?.schedule[phase]?.start ?? '', end: cycle?.schedule[phase]?.end ?? '' }]),
  ) as CycleDraft['schedule'];
  const ballot = cycle?.ballot;
  return {
    name: cycle?.name ?? '',
    description: cycle?.description ?? '',
    currency: cycle?.currency ?? 'GBP',
    totalBudget: cycle ? String(cycle.totalBudget) : '',
    potBudgets,
    schedule,
    rounds: (cycle?.rounds ?? [{ name: 'Round 1', start: '', end: '', shortlistRule: null }]).map((round, index) => ({
      key: index,
      name: round.name,
      start: round.start,
      end: round.end,
      shortlist: round.shortlistRule?.kind ?? 'none',
      shortlistValue:
        round.shortlistRule?.kind === 'topN'
          ? String(round.shortlistRule.n)
          : round.shortlistRule?.kind === 'threshold'
            ? String(round.shortlistRule.minSupports)
            : '',
    })),
    ballotKind: ballot?.kind ?? 'approval',
    minCount: ballot && (ballot.kind === 'approval' || ballot.kind === 'knapsack') ? text(ballot.minCount) : '',
    maxCount: ballot && (ballot.kind === 'approval' || ballot.kind === 'knapsack') ? text(ballot.maxCount) : '',
    points: ballot?.kind === 'cumulative' ? String(ballot.points) : '',
    perProjectCap: ballot?.kind === 'cumulative' ? text(ballot.perProjectCap) : '',
    maxRanks: ballot?.kind === 'ranked' ? text(ballot.maxRanks) : '',
    tallyRule: cycle?.tally.rule ?? 'greedy',
    tieBreak: cycle?.tally.tieBreak ?? DEFAULT_TIE_BREAK,
    wardEstablishment: cycle?.eligibility.wardEstablishment ?? 'self-declared',
    minAge: text(cycle?.eligibility.minAge),
    ageOnDate: cycle?.eligibility.ageOnDate ?? '',
  };
}

/** "12,500" → 12500; "" → undefined; anything else → NaN so the schema reports it. */
export function parseWhole(value: string): number | undefined {
  const cleaned = value.replace(/[,\s£$€]/g, '');
  if (cleaned === '') return undefined;
  return /^\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** Pot keys in the order they are sent (wards as listed, then city-wide), for mapping issue paths back. */
export function potKeysSent(draft: CycleDraft, wards: readonly Ward[]): string[] {
  return [...wards.map((ward) => ward.id), CITY_WIDE].filter((key) => (draft.potBudgets[key] ?? '').trim() !== '');
}

/** Builds the request body (before validation) from the draft. */
export function requestFromDraft(draft: CycleDraft, wards: readonly Ward[]) {
  const ballot = (() => {
    switch (draft.ballotKind) {
      case 'approval':
      case 'knapsack':
        return { kind: draft.ballotKind, minCount: parseWhole(draft.minCount), maxCount: parseWhole(draft.maxCount) };
      case 'cumulative':
        return { kind: draft.ballotKind, points: parseWhole(draft.points), perProjectCap: parseWhole(draft.perProjectCap) };
      case 'ranked':
        return { kind: draft.ballotKind, maxRanks: parseWhole(draft.maxRanks) };
    }
  })();
  const schedule: Record<string, { start: string; end: string }> = {};
  for (const phase of SCHEDULED_PHASES) {
    const range = draft.schedule[phase];
    // A phase with neither date is left unscheduled; one date alone is sent so the schema can say what is missing.
    if (range.start !== '' || range.end !== '') schedule[phase] = range;
  }
  return {
    name: draft.name,
    description: draft.description,
    currency: draft.currency.trim().toUpperCase(),
    totalBudget: parseWhole(draft.totalBudget),
    pots: potKeysSent(draft, wards).map((key) => ({
      wardId: key === CITY_WIDE ? null : key,
      budget: parseWhole(draft.potBudgets[key] ?? ''),
    })),
    schedule,
    rounds: draft.rounds.map((round) => ({
      name: round.name,
      start: round.start,
      end: round.end,
      shortlistRule:
        round.shortlist === 'topN'
          ? { kind: 'topN' as const, n: parseWhole(round.shortlistValue) }
          : round.shortlist === 'threshold'
            ? { kind: 'threshold' as const, minSupports: parseWhole(round.shortlistValue) }
            : null,
    })),
    ballot,
    tally: { rule: draft.tallyRule, tieBreak: draft.tieBreak },
    eligibility: {
      wardEstablishment: draft.wardEstablishment,
      minAge: parseWhole(draft.minAge),
      ageOnDate: draft.ageOnDate === '' ? undefined : draft.ageOnDate,
    },
  };
}

/** The "pots add up" line: compares the pot budgets with the total as typed. */
export function potBalance(draft: CycleDraft): { kind: 'ok' | 'differ' | 'incomplete'; difference: number } {
  const total = parseWhole(draft.totalBudget);
  let sum = 0;
  for (const value of Object.values(draft.potBudgets)) {
    if (value.trim() === '') continue;
    const amount = parseWhole(value);
    if (amount === undefined || Number.isNaN(amount)) return { kind: 'incomplete', difference: 0 };
    sum += amount;
  }
  if (total === undefined || Number.isNaN(total)) return { kind: 'incomplete', difference: 0 };
  return sum === total ? { kind: 'ok', difference: 0 } : { kind: 'differ', difference: sum - total };
}

export function tallyRulesFor(kind: BallotKind): readonly TallyRule[] {
  return TALLY_RULES_BY_BALLOT_KIND[kind];
}
