/**
 * The data model every rule reads. Money is exact: costs and the budget are integers in units of
 * 10^-moneyScale of the currency (a file with costs like `2458488.22` has moneyScale 2), so that
 * comparing against the budget never depends on float rounding.
 */

export type VoteType = 'approval' | 'choose-1' | 'ordinal' | 'cumulative' | 'scoring';

export interface Project {
  /** Project id exactly as written in the file / database (compared as plain strings). */
  readonly id: string;
  /** Cost in units of 10^-moneyScale. */
  readonly cost: bigint;
  /** Every other column of the PROJECTS row (name, category, votes, score, selected, ...). */
  readonly fields: Readonly<Record<string, string>>;
}

export interface Ballot {
  readonly voterId: string;
  /**
   * Indices into `Instance.projects`, each at most once, in ballot order
   * (ordinal ballots: most preferred first).
   */
  readonly projects: readonly number[];
  /** Cumulative / scoring ballots: points for each entry of `projects` (same length). */
  readonly points?: readonly number[];
  /** Every other column of the VOTES row (age, sex, voting_method, ...). */
  readonly fields?: Readonly<Record<string, string>>;
}

export interface Instance {
  /** META section, keys in file order. */
  readonly meta: ReadonlyMap<string, string>;
  readonly voteType: VoteType;
  readonly projects: readonly Project[];
  readonly ballots: readonly Ballot[];
  /** Budget limit in units of 10^-moneyScale. */
  readonly budget: bigint;
  /** Number of decimal places money is scaled by. */
  readonly moneyScale: number;
}
