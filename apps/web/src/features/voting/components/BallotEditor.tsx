import type { BallotPot, BallotSettings, PotSelection } from '@allot/shared';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import type { FormErrors } from '../../../lib/form-errors';
import { ballotProblems, potDraft, selectionsOf, type BallotDraft, type PotDraft } from '../ballot-model';
import { ChoicePot } from './ChoicePots';
import { PointsPot } from './PointsPot';
import { RankedPot } from './RankedPot';

interface BallotEditorProps {
  settings: BallotSettings;
  pots: readonly BallotPot[];
  draft: BallotDraft;
  onDraftChange: (draft: BallotDraft) => void;
  /** Called with the ballot to review once it keeps every rule. */
  onReview: (selections: PotSelection[]) => void;
  money: (amount: number) => string;
  /** Keeps ids unique if two ballots were ever on one page. */
  idPrefix?: string;
  /** Problems the server found with the last attempt (shown until the voter tries again). */
  serverErrors?: FormErrors<string>;
  submitLabel?: string;
}

const KIND_INTRO: Record<BallotSettings['kind'], string> = {
  approval: 'Tick the projects you would like to see funded.',
  knapsack: 'Choose the projects you would fund, as if you held the budget yourself.',
  cumulative: 'Give points to the projects you support: more points for the ones that matter most to you.',
  ranked: 'Rank the projects you support, your favourite first.',
};

/** The ballot itself: one section per pot the voter may vote in, in the shape of the ballot kind. */
export function BallotEditor({
  settings,
  pots,
  draft,
  onDraftChange,
  onReview,
  money,
  idPrefix = 'ballot',
  serverErrors,
  submitLabel = 'Review my choices',
}: BallotEditorProps) {
  const [errors, setErrors] = useState<FormErrors<string> | null>(null);
  const shown = errors ?? serverErrors ?? { fields: {}, general: [] };
  const headingId = (potId: string) => `${idPrefix}-pot-${potId}`;
  const summaryFields = Object.fromEntries(pots.map((pot) => [pot.potId, { id: headingId(pot.potId), label: pot.name }]));

  function setPot(potId: string, next: PotDraft) {
    onDraftChange({ ...draft, [potId]: next });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = ballotProblems(settings, pots, draft, money);
    const { '': general, ...fields } = problems;
    if (general !== undefined || Object.keys(fields).length > 0) {
      setErrors({ fields, general: general === undefined ? [] : [general] });
      return;
    }
    setErrors(null);
    onReview(selectionsOf(settings, pots, draft));
  }

  return (
    <form className="form form--wide ballot" noValidate onSubmit={handleSubmit} aria-label="Your ballot">
      <ErrorSummary errors={shown} fields={summaryFields} />
      <p>{KIND_INTRO[settings.kind]}</p>
      {pots.length > 1 ? <p>You can vote in each of these pots, or leave a pot out.</p> : null}
      {pots.map((pot) => {
        const filled = potDraft(draft, pot.potId);
        const prefix = `${idPrefix}-${pot.potId}`;
        const problem = shown.fields[pot.potId];
        const common = { pot, draft: filled, onChange: (next: PotDraft) => setPot(pot.potId, next), money, idPrefix: prefix };
        return (
          <section key={pot.potId} className={problem ? 'ballot-pot ballot-pot--error' : 'ballot-pot'} aria-labelledby={headingId(pot.potId)}>
            <h2 id={headingId(pot.potId)} tabIndex={-1}>
              {pot.name} <span className="ballot-pot__budget">budget {money(pot.budget)}</span>
            </h2>
            {problem ? (
              <p className="field__error">
                <span className="visually-hidden">Error: </span>
                {problem}
              </p>
            ) : null}
            {pot.projects.length === 0 ? (
              <p>There are no projects on the ballot in this pot.</p>
            ) : settings.kind === 'cumulative' ? (
              <PointsPot {...common} settings={settings} />
            ) : settings.kind === 'ranked' ? (
              <RankedPot {...common} settings={settings} />
            ) : (
              <ChoicePot {...common} settings={settings} />
            )}
          </section>
        );
      })}
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </form>
  );
}
