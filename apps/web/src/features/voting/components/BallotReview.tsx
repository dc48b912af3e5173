import type { BallotPot, PotSelection } from '@allot/shared';
import { useEffect, useMemo, useRef } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import type { FormErrors } from '../../../lib/form-errors';
import { BallotSummary } from './BallotSummary';

interface BallotReviewProps {
  pots: readonly BallotPot[];
  selections: readonly PotSelection[];
  money: (amount: number) => string;
  onBack: () => void;
  onCast: () => void;
  casting: boolean;
  errors: FormErrors<string> | null;
  castLabel?: string;
  /** Says what happens to an earlier ballot, if any. */
  note?: string;
}

/** The last look before casting: every choice in words, with a way back to change them. */
export function BallotReview({ pots, selections, money, onBack, onCast, casting, errors, castLabel = 'Cast my vote', note }: BallotReviewProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  // Issues tied to a pot cannot link to a field on this step, so they are all listed as text.
  // Memoised: the summary takes focus whenever it is given a new errors object.
  const listed = useMemo<FormErrors<string> | null>(
    () =>
      errors === null
        ? null
        : { fields: {}, general: [...errors.general, ...Object.values(errors.fields).filter((m): m is string => m !== undefined)] },
    [errors],
  );
  return (
    <section className="ballot-review" aria-labelledby="review-title">
      <h2 id="review-title" ref={headingRef} tabIndex={-1}>
        Check your choices
      </h2>
      {listed ? <ErrorSummary errors={listed} fields={{}} /> : null}
      <BallotSummary pots={pots} selections={selections} money={money} />
      {note ? <p>{note}</p> : null}
      <div className="button-row">
        <button type="button" className="button" onClick={onCast} disabled={casting} aria-disabled={casting || undefined}>
          {casting ? 'Casting…' : castLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onBack} disabled={casting}>
          Change my choices
        </button>
      </div>
    </section>
  );
}
