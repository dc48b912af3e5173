/** The rule cannot run on this instance (wrong ballot type, city rule that cannot be replayed, ...). */
export class RuleNotApplicableError extends Error {
  override readonly name = 'RuleNotApplicableError';
}
