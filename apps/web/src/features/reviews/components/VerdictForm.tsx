import { FeasibilityReviewInput, type FeasibilityReview, type FeasibilityVerdict } from '@allot/shared';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { TextField } from '../../../components/fields';
import { ApiError } from '../../../lib/api-client';
import { NO_ERRORS, type FormErrors } from '../../../lib/form-errors';
import { formatMoney } from '../format';

const VERDICTS: { value: FeasibilityVerdict; label: string; hint: string }[] = [
  { value: 'feasible', label: 'Can be done as proposed', hint: 'It goes on the ballot at your cost estimate.' },
  { value: 'feasible_with_changes', label: 'Can be done with changes', hint: 'It goes on the ballot; explain the changes to residents.' },
  { value: 'not_feasible', label: 'Cannot be done', hint: 'It does not go on the ballot; explain why to residents.' },
];

interface Line {
  key: number;
  item: string;
  amount: string;
}

interface VerdictFormProps {
  proposalTitle: string;
  currency: string;
  /** The review already recorded, to revise it. */
  review: FeasibilityReview | null;
  pending: boolean;
  onSubmit: (review: FeasibilityReviewInput) => Promise<unknown>;
}

function whole(value: string): number | undefined {
  const cleaned = value.replace(/[,\s£$€]/g, '');
  if (cleaned === '') return undefined;
  return /^\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

let nextKey = 1;

function fieldKey(path: readonly PropertyKey[], lineCount: number): string | undefined {
  const [first, second, third] = path.map(String);
  if (first === 'breakdown' && second !== undefined && /^\d+$/.test(second) && Number(second) < lineCount) {
    return `breakdown.${second}.${third === 'item' ? 'item' : 'amount'}`;
  }
  if (first === 'verdict' || first === 'costEstimate' || first === 'breakdown' || first === 'publicExplanation' || first === 'internalNotes') return first;
  return undefined;
}

/** Record or revise a feasibility verdict with a costed breakdown that must add up to the estimate. */
export function VerdictForm({ proposalTitle, currency, review, pending, onSubmit }: VerdictFormProps) {
  const [verdict, setVerdict] = useState<FeasibilityVerdict | ''>(review?.verdict ?? '');
  const [cost, setCost] = useState(review ? String(review.costEstimate) : '');
  const [lines, setLines] = useState<Line[]>(
    review && review.breakdown.length > 0
      ? review.breakdown.map((line) => ({ key: nextKey++, item: line.item, amount: String(line.amount) }))
      : [{ key: nextKey++, item: '', amount: '' }],
  );
  const [explanation, setExplanation] = useState(review?.publicExplanation ?? '');
  const [notes, setNotes] = useState(review?.internalNotes ?? '');
  const [errors, setErrors] = useState<FormErrors<string>>(NO_ERRORS);

  const fields: Record<string, { id: string; label: string }> = {
    verdict: { id: 'verdict-feasible', label: 'Verdict' },
    costEstimate: { id: 'verdict-cost', label: 'Cost estimate' },
    breakdown: { id: 'verdict-line-0-item', label: 'Cost lines' },
    publicExplanation: { id: 'verdict-explanation', label: 'Explanation for residents' },
    internalNotes: { id: 'verdict-notes', label: 'Internal notes' },
  };
  lines.forEach((_line, index) => {
    fields[`breakdown.${index}.item`] = { id: `verdict-line-${index}-item`, label: `Cost line ${index + 1}` };
    fields[`breakdown.${index}.amount`] = { id: `verdict-line-${index}-amount`, label: `Cost line ${index + 1} amount` };
  });

  const amounts = lines.map((line) => whole(line.amount));
  const sum = amounts.every((amount) => amount !== undefined && !Number.isNaN(amount)) ? amounts.reduce<number>((total, amount) => total + (amount ?? 0), 0) : null;
  const estimate = whole(cost);
  const explanationRequired = verdict !== '' && verdict !== 'feasible';

  const updateLine = (index: number, changes: Partial<Line>) =>
    setLines((current) => current.map((line, position) => (position === index ? { ...line, ...changes } : line)));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = {
      verdict: verdict === '' ? undefined : verdict,
      costEstimate: estimate,
      breakdown: lines.map((line) => ({ item: line.item, amount: whole(line.amount) })),
      publicExplanation: explanation.trim() === '' ? null : explanation,
      internalNotes: notes.trim() === '' ? null : notes,
    };
    const parsed = FeasibilityReviewInput.safeParse(raw);
    const found: FormErrors<string> = { fields: {}, general: [] };
    const add = (key: string | undefined, message: string) => {
      if (key === undefined) found.general.push(message);
      else found.fields[key] ??= message;
    };
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = fieldKey(issue.path, lines.length);
        let message = issue.message;
        if (key === 'verdict') message = 'Choose a verdict';
        else if (issue.code === 'invalid_type' && key === 'costEstimate') message = 'Enter the cost estimate as a whole number, for example 12000';
        else if (issue.code === 'invalid_type' && key?.endsWith('.amount')) message = `Enter the amount of cost line ${Number(key.split('.')[1]) + 1} as a whole number`;
        else if (key?.endsWith('.item')) message = `Say what cost line ${Number(key.split('.')[1]) + 1} is for`;
        add(key, message);
      }
      setErrors(found);
      return;
    }
    setErrors(NO_ERRORS);
    onSubmit(parsed.data).catch((error: unknown) => {
      if (error instanceof ApiError) {
        for (const issue of error.envelope.issues ?? []) add(fieldKey(issue.path.split('.').filter(Boolean), lines.length), issue.message);
        if (found.general.length === 0 && Object.keys(found.fields).length === 0) found.general.push(error.message);
      } else {
        found.general.push('Something went wrong. Please try again.');
      }
      setErrors(found);
    });
  }

  const err = (key: string) => errors.fields[key];
  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-label={`Verdict on ${proposalTitle}`}>
      <ErrorSummary errors={errors} fields={fields} />
      <fieldset className={err('verdict') ? 'fieldset field--error' : 'fieldset'} aria-describedby={err('verdict') ? 'verdict-error' : undefined}>
        <legend className="fieldset__legend">Verdict</legend>
        {err('verdict') ? (
          <p id="verdict-error" className="field__error">
            <span className="visually-hidden">Error: </span>
            {err('verdict')}
          </p>
        ) : null}
        <div className="radios radios--stacked">
          {VERDICTS.map((option) => (
            <div className="radio" key={option.value}>
              <input
                type="radio"
                id={`verdict-${option.value.replace(/_/g, '-')}`}
                name="verdict"
                value={option.value}
                checked={verdict === option.value}
                onChange={() => setVerdict(option.value)}
                aria-describedby={`verdict-${option.value}-hint`}
              />
              <label htmlFor={`verdict-${option.value.replace(/_/g, '-')}`}>{option.label}</label>
              <p id={`verdict-${option.value}-hint`} className="field__hint radio__hint">
                {option.hint}
              </p>
            </div>
          ))}
        </div>
      </fieldset>

      <TextField id="verdict-cost" name="costEstimate" label="Council cost estimate" hint="In whole units. This is the cost the project has on the ballot." inputMode="numeric" className="input--medium" value={cost} onChange={(e) => setCost(e.target.value)} error={err('costEstimate')} />

      <fieldset className={err('breakdown') ? 'fieldset field--error' : 'fieldset'}>
        <legend className="fieldset__legend">How the cost is made up</legend>
        {err('breakdown') ? (
          <p className="field__error">
            <span className="visually-hidden">Error: </span>
            {err('breakdown')}
          </p>
        ) : null}
        {lines.map((line, index) => (
          <div key={line.key} className="cost-line">
            <TextField id={`verdict-line-${index}-item`} name={`line-${index}-item`} label={`Cost line ${index + 1}: what it is for`} value={line.item} onChange={(e) => updateLine(index, { item: e.target.value })} error={err(`breakdown.${index}.item`)} />
            <TextField id={`verdict-line-${index}-amount`} name={`line-${index}-amount`} label={`Cost line ${index + 1}: amount`} inputMode="numeric" className="input--medium" value={line.amount} onChange={(e) => updateLine(index, { amount: e.target.value })} error={err(`breakdown.${index}.amount`)} />
            {lines.length > 1 ? (
              <button type="button" className="button button--secondary cost-line__remove" onClick={() => setLines(lines.filter((_l, position) => position !== index))}>
                Remove cost line {index + 1}
              </button>
            ) : null}
          </div>
        ))}
        <p>
          <button type="button" className="button button--secondary" onClick={() => setLines([...lines, { key: nextKey++, item: '', amount: '' }])}>
            Add a cost line
          </button>
        </p>
        <p className="pot-balance" aria-live="polite">
          {sum === null || estimate === undefined || Number.isNaN(estimate)
            ? 'Enter the estimate and every amount as whole numbers to check they add up.'
            : sum === estimate
              ? `The cost lines add up to the estimate of ${formatMoney(estimate, currency)}.`
              : `The cost lines add up to ${formatMoney(sum, currency)}, which differs from the estimate by ${formatMoney(Math.abs(sum - estimate), currency)}.`}
        </p>
      </fieldset>

      <div className={err('publicExplanation') ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor="verdict-explanation">
          Explanation for residents{explanationRequired ? '' : ' (optional)'}
        </label>
        <p id="verdict-explanation-hint" className="field__hint">
          Published on the proposal page. Required when the idea cannot be done or needs changes.
        </p>
        {err('publicExplanation') ? (
          <p id="verdict-explanation-error" className="field__error">
            <span className="visually-hidden">Error: </span>
            {err('publicExplanation')}
          </p>
        ) : null}
        <textarea id="verdict-explanation" name="publicExplanation" className="input textarea" rows={4} value={explanation} onChange={(e) => setExplanation(e.target.value)} aria-invalid={err('publicExplanation') ? true : undefined} aria-describedby={err('publicExplanation') ? 'verdict-explanation-hint verdict-explanation-error' : 'verdict-explanation-hint'} />
      </div>

      <div className={err('internalNotes') ? 'field field--error staff-only' : 'field staff-only'}>
        <label className="field__label" htmlFor="verdict-notes">
          Internal notes (staff only, never published)
        </label>
        <p id="verdict-notes-hint" className="field__hint">
          Only council staff and administrators can read these notes. Residents and the public never see them.
        </p>
        {err('internalNotes') ? (
          <p id="verdict-notes-error" className="field__error">
            <span className="visually-hidden">Error: </span>
            {err('internalNotes')}
          </p>
        ) : null}
        <textarea id="verdict-notes" name="internalNotes" className="input textarea" rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} aria-describedby={err('internalNotes') ? 'verdict-notes-hint verdict-notes-error' : 'verdict-notes-hint'} />
      </div>

      <button className="button" type="submit" disabled={pending}>
        {pending ? 'Saving…' : review ? 'Save the revised verdict' : 'Record verdict'}
      </button>
    </form>
  );
}
