import type { Instance } from '../model';

/**
 * How ties between projects are broken: criteria applied in order until one decides.
 * `id` compares project ids as plain JS strings (code-point order, so "10" < "2"), which is
 * what pabutools does and what the reference outcomes in pabulib/expected.json assume.
 */
export type TieBreakCriterion = 'lowerCost' | 'higherCost' | 'moreVotes' | 'id';
export type TieBreak = readonly TieBreakCriterion[];

/** pabutools' `lexico_tie_breaking`: the smaller id string wins. */
export const PABUTOOLS_TIE_BREAK: TieBreak = ['id'];
/** Allot's documented default for councils: the cheaper project first, then the smaller id. */
export const DEFAULT_TIE_BREAK: TieBreak = ['lowerCost', 'id'];

/** What every rule returns. */
export interface TallyResult<Explanation = unknown> {
  /** The rule key that produced this outcome (e.g. `mes_cost_sat_add1`). */
  readonly rule: string;
  /** Funded project ids, in the order the rule selected them. */
  readonly selected: readonly string[];
  /** Total cost of `selected`, in units of 10^-moneyScale. */
  readonly cost: bigint;
  /** The steps a resident can follow to see why each project was funded or skipped. */
  readonly explanation: Explanation;
}

export type Rule<Options = unknown, Explanation = unknown> = (
  instance: Instance,
  options?: Options,
) => TallyResult<Explanation>;
