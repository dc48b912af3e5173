/** Internal types shared by the MES engines (not part of the package API). */

/** An exact non-negative rational in money units of 10^-moneyScale. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

/** One funded project of one MES run, with exact values (only filled when details are asked for). */
export interface RoundDetail {
  readonly project: number;
  /**
   * Approval-style utilities: the payment asked of every supporter (ρ·u), as `num / den` money
   * units. Points utilities: the price of one point (ρ).
   */
  readonly price: Ratio;
  /** Supporters (voters) who paid the full price. */
  readonly paidInFull: number;
  /** Supporters who could not afford the full price and paid all they had left (maybe nothing). */
  readonly capped: number;
  /** Money paid by the supporters who paid the full price, in total. */
  readonly paidInFullTotal: Ratio;
  /** Money paid by the capped supporters, in total. */
  readonly cappedTotal: Ratio;
}

export interface LeftoverGroup {
  readonly voters: number;
  readonly remaining: Ratio;
}

export interface MesRun {
  /** Project indices in selection order. */
  readonly selected: readonly number[];
  readonly cost: bigint;
  readonly rounds?: readonly RoundDetail[];
  readonly leftovers?: readonly LeftoverGroup[];
}

/**
 * One MES run from a given per-voter budget. `exact: false` may return `null` when floating
 * point cannot decide a comparison safely; the caller then runs again with `exact: true`.
 */
export interface MesEngine {
  run(budgetPerVoter: Ratio, exact: boolean, details: boolean): MesRun | null;
}

/** Relative margin under which two float values are treated as possibly equal. */
export const NEAR = 1e-9;
