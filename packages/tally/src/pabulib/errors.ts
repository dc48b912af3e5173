/**
 * A malformed Pabulib file. `line` is 1-based and points at the offending line (for a missing
 * section or key: the line where it was expected, or the last line of the file).
 */
export class PabulibError extends Error {
  override readonly name = 'PabulibError';
  readonly line: number;
  /** What is wrong, without the line prefix. */
  readonly reason: string;

  constructor(line: number, reason: string) {
    super(`line ${line}: ${reason}`);
    this.line = line;
    this.reason = reason;
  }
}
