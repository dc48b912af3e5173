import type { Instance } from '../model';
import { parseDecimal, scaleDecimal } from '../pabulib/decimal';
import { RuleNotApplicableError } from './errors';
import { densityOrder, greedyCostSat, walkGreedy, type GreedyExplanation, type GreedyWalk } from './greedy';
import { formatScaled, scoreTotals } from './scores';
import { approvalCounts } from './tieBreak';
import { PABUTOOLS_TIE_BREAK, type TallyResult, type TieBreak } from './types';

/** The signature of the MES module's entry point (src/rules/mes.ts), injected to keep city.ts independent of it. */
export type EqualSharesFn = (
  instance: Instance,
  options: {
    utility: 'cost' | 'cardinality' | 'points';
    completion: 'none' | 'add1' | 'add1-greedy';
    exhaustiveStop?: boolean;
    startFloor?: boolean;
    tieBreak?: TieBreak;
  },
) => TallyResult;

export interface CityOptions {
  /**
   * Ties in the greedy ranking. Default PABUTOOLS_TIE_BREAK (smaller id first). For
   * `equalshares*` rules the pabulib checker's MES tie-break (cheaper, then more votes, then id)
   * is used unless this is given.
   */
  readonly tieBreak?: TieBreak;
  /** MES implementation, needed only for `equalshares*` rules. */
  readonly equalShares?: EqualSharesFn;
}

export interface ComparisonSummary {
  /** Voters with more of their approved projects funded under greedy than under MES. */
  readonly votersPreferringGreedy: number;
  readonly votersPreferringMes: number;
  readonly winner: 'mes' | 'greedy';
}

export interface CityExplanation {
  readonly kind: 'city';
  /** META `rule` of the file. */
  readonly fileRule: string;
  /** How it was replayed, in plain words. */
  readonly replayedAs: string;
  readonly greedy?: GreedyExplanation;
  readonly mes?: unknown;
  readonly comparison?: ComparisonSummary;
}

/** Cost written as 999999999 marks a project withdrawn after the vote (pabulib convention). */
const SENTINEL_COST = 999_999_999n;

/** META `rule` values this module can replay. */
export const CITY_RULES = [
  'greedy',
  'greedy-no-skip',
  'greedy-threshold',
  'greedy-custom',
  'equalshares',
  'equalshares/add1',
  'equalshares-comparison',
  'equalshares/add1-comparison',
] as const;

/**
 * Replays the rule the organiser used (META `rule`), with pabulib checker semantics: projects
 * are ranked by score (cumulative / ordinal / scoring ballots) or votes (approval / choose-1),
 * recomputed from the ballots, then:
 * - `greedy`: fund each project that still fits, skip the others;
 * - `greedy-no-skip`: stop at the first project that does not fit (withdrawn projects with the
 *   999999999 sentinel cost are skipped without stopping);
 * - `greedy-threshold`: only projects whose score/votes is ≥ `min_project_score_threshold` are
 *   eligible, then like `greedy`;
 * - `greedy-custom` (Poznań only): like no-skip, but the first project that does not fit is still
 *   funded if the money left is at least 80 % of its cost; then stop. The total may then exceed
 *   the budget (the city tops it up from reserve money);
 * - `equalshares`, `equalshares/add1`: MES with cost utilities (add1: per-voter budget starting at
 *   floor(B/n), raised by one currency unit per voter until the outcome would exceed the budget,
 *   no stop on exhaustiveness), ties cheaper first then more votes;
 * - `…-comparison`: the MES outcome is replaced by plain greedy only if strictly more voters have
 *   more of their approved projects funded under greedy than under MES.
 * Other values (`greedy-exclusive`, `unknown`) cannot be replayed from the file alone.
 */
export function cityRule(instance: Instance, options: CityOptions = {}): TallyResult<CityExplanation> {
  const fileRule = (instance.meta.get('rule') ?? '').trim();
  switch (fileRule) {
    case 'greedy':
    case 'greedy-no-skip':
    case 'greedy-threshold':
    case 'greedy-custom':
      return cityGreedy(instance, fileRule, options.tieBreak ?? PABUTOOLS_TIE_BREAK);
    case 'equalshares':
    case 'equalshares/add1':
    case 'equalshares-comparison':
    case 'equalshares/add1-comparison':
      return cityEqualShares(instance, fileRule, options);
    default:
      throw new RuleNotApplicableError(
        fileRule === ''
          ? 'the file has no META rule to replay'
          : `the file's rule "${fileRule}" cannot be replayed (supported: ${CITY_RULES.join(', ')})`,
      );
  }
}

function cityGreedy(instance: Instance, fileRule: string, tieBreak: TieBreak): TallyResult<CityExplanation> {
  const approvals = approvalCounts(instance);
  const byScore = instance.voteType !== 'approval' && instance.voteType !== 'choose-1';
  const { totals, scale } = byScore
    ? scoreTotals(instance)
    : { totals: Array.from(approvals, (v) => BigInt(v)), scale: 0 };
  const key = byScore ? 'score' : 'votes';
  const sentinel = SENTINEL_COST * 10n ** BigInt(instance.moneyScale);
  const withdrawn = (p: number): string | undefined =>
    instance.projects[p]?.cost === sentinel ? 'withdrawn after the vote (cost written as 999999999)' : undefined;

  let walk: GreedyWalk;
  let replayedAs: string;
  if (fileRule === 'greedy-threshold') {
    const thresholdText = instance.meta.get('min_project_score_threshold') ?? '';
    const parsed = parseDecimal(thresholdText);
    if (!parsed) {
      throw new RuleNotApplicableError(`greedy-threshold needs a numeric min_project_score_threshold, found "${thresholdText}"`);
    }
    // totals/10^scale ≥ threshold, compared exactly at a common scale.
    const common = Math.max(scale, parsed.decimals);
    const limit = scaleDecimal(parsed, common);
    const factor = 10n ** BigInt(common - scale);
    const belowThreshold = (p: number): string | undefined =>
      (totals[p] ?? 0n) * factor < limit ? `its ${key} is below the threshold of ${thresholdText}` : undefined;
    walk = {
      mode: 'skip',
      ineligible: (p) => withdrawn(p) ?? belowThreshold(p),
      notes: [`only projects with ${key} ≥ ${thresholdText} may be funded`],
    };
    replayedAs = `greedy-threshold by ${key}`;
  } else if (fileRule === 'greedy-custom') {
    const unit = (instance.meta.get('unit') ?? '').trim();
    if (unit !== 'Poznań') {
      throw new RuleNotApplicableError(`greedy-custom is only known for Poznań; this file's unit is "${unit}", see its comment`);
    }
    walk = {
      mode: 'stop-80',
      ineligible: withdrawn,
      notes: ['Poznań rule: stop at the first project that does not fit, but fund it anyway if the money left covers at least 80 % of its cost'],
    };
    replayedAs = `greedy-custom (Poznań 80 %) by ${key}`;
  } else if (fileRule === 'greedy-no-skip') {
    walk = {
      mode: 'stop',
      ineligible: withdrawn,
      notes: ['the count stops at the first project that does not fit; withdrawn projects (cost 999999999) are passed over'],
    };
    replayedAs = `greedy-no-skip by ${key}`;
  } else {
    walk = { mode: 'skip', ineligible: withdrawn };
    replayedAs = `greedy by ${key}`;
  }

  // Rank by the key alone (density key/1), ties by the tie-break.
  const order = densityOrder(instance, totals, instance.projects.map(() => 1n), tieBreak, approvals);
  const rankedBy = byScore ? 'score (points or positional points, highest first)' : 'number of ballots listing the project (most first)';
  const result = walkGreedy(instance, 'city', order, (p) => formatScaled(totals[p] ?? 0n, scale), rankedBy, walk, tieBreak, approvals);
  return {
    rule: 'city',
    selected: result.selected,
    cost: result.cost,
    explanation: { kind: 'city', fileRule, replayedAs, greedy: result.explanation },
  };
}

/** pabulib checker's MES tie-break: the cheaper project, then the one with more votes. */
const CHECKER_MES_TIE_BREAK: TieBreak = ['lowerCost', 'moreVotes', 'id'];

function cityEqualShares(instance: Instance, fileRule: string, options: CityOptions): TallyResult<CityExplanation> {
  if (!options.equalShares) throw new RuleNotApplicableError(`rule "${fileRule}" needs the MES module, which is not available`);
  if (instance.voteType !== 'approval' && instance.voteType !== 'choose-1') {
    throw new RuleNotApplicableError(`rule "${fileRule}" is defined for approval ballots, this instance has ${instance.voteType} ballots`);
  }
  const add1 = fileRule.startsWith('equalshares/add1');
  const mes = options.equalShares(instance, {
    utility: 'cost',
    completion: add1 ? 'add1' : 'none',
    exhaustiveStop: false,
    startFloor: true,
    tieBreak: options.tieBreak ?? CHECKER_MES_TIE_BREAK,
  });
  const replayedAs = add1
    ? 'MES with cost utilities, per-voter budget from floor(B/n) raised by 1 per voter while the outcome fits (no exhaustiveness stop)'
    : 'MES with cost utilities, no completion';
  if (!fileRule.endsWith('-comparison')) {
    return { rule: 'city', selected: mes.selected, cost: mes.cost, explanation: { kind: 'city', fileRule, replayedAs, mes: mes.explanation } };
  }
  const greedy = greedyCostSat(instance, { tieBreak: options.tieBreak ?? PABUTOOLS_TIE_BREAK });
  const comparison = compareForVoters(instance, greedy.selected, mes.selected);
  const winner = comparison.winner === 'greedy' ? greedy : mes;
  return {
    rule: 'city',
    selected: winner.selected,
    cost: winner.cost,
    explanation: {
      kind: 'city',
      fileRule,
      replayedAs: `${replayedAs}, compared with greedy by votes: greedy wins only if strictly more voters prefer it`,
      mes: mes.explanation,
      greedy: greedy.explanation,
      comparison,
    },
  };
}

/** Counts, per voter, approved projects funded under each outcome. */
export function compareForVoters(instance: Instance, greedySelected: readonly string[], mesSelected: readonly string[]): ComparisonSummary {
  const index = new Map(instance.projects.map((p, i) => [p.id, i]));
  const inGreedy = new Uint8Array(instance.projects.length);
  const inMes = new Uint8Array(instance.projects.length);
  for (const id of greedySelected) inGreedy[index.get(id) ?? -1] = 1;
  for (const id of mesSelected) inMes[index.get(id) ?? -1] = 1;
  let votersPreferringGreedy = 0;
  let votersPreferringMes = 0;
  for (const ballot of instance.ballots) {
    let g = 0;
    let m = 0;
    for (const p of ballot.projects) {
      g += inGreedy[p] ?? 0;
      m += inMes[p] ?? 0;
    }
    if (g > m) votersPreferringGreedy++;
    else if (m > g) votersPreferringMes++;
  }
  return { votersPreferringGreedy, votersPreferringMes, winner: votersPreferringGreedy > votersPreferringMes ? 'greedy' : 'mes' };
}
