import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { SuccessMessage } from '../../../components/messages';
import { errorsFromApi, NO_ERRORS, type FormErrors } from '../../../lib/form-errors';
import { useSetProgress } from '../api/set-progress';
import { parseProgress, type ProgressField } from '../model';

const FIELD_INFO: Record<ProgressField, { id: string; label: string }> = {
  progress: { id: 'delivery-progress', label: 'Progress (%)' },
};

export function ProgressForm({ projectId, progress }: { projectId: string; progress: number }) {
  const setProgress = useSetProgress();
  const [errors, setErrors] = useState<FormErrors<ProgressField>>(NO_ERRORS);
  const [saved, setSaved] = useState<number | null>(null);
  const error = errors.fields.progress;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const result = parseProgress(String(new FormData(event.currentTarget).get('progress') ?? ''));
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors(NO_ERRORS);
    setProgress.mutate(
      { projectId, input: result.value },
      {
        onSuccess: () => setSaved(result.value.progress),
        onError: (failure) => setErrors(errorsFromApi(failure, ['progress'] as const)),
      },
    );
  }

  const describedBy = ['delivery-progress-hint', error ? 'delivery-progress-error' : null].filter(Boolean).join(' ');
  return (
    <form className="form" onSubmit={handleSubmit} noValidate aria-labelledby="progress-form-title">
      <h2 id="progress-form-title">Progress</h2>
      <ErrorSummary errors={errors} fields={FIELD_INFO} />
      {saved !== null ? <SuccessMessage>Progress saved: {saved}% done.</SuccessMessage> : null}
      <div className={error ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor="delivery-progress">
          {FIELD_INFO.progress.label}
        </label>
        <p id="delivery-progress-hint" className="field__hint">
          How much of the project is done, as a whole number from 0 to 100.
        </p>
        {error ? (
          <p id="delivery-progress-error" className="field__error">
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        ) : null}
        <div className="percent-input">
          <input
            id="delivery-progress"
            name="progress"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            className="input"
            defaultValue={progress}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
          <span className="percent-input__unit" aria-hidden="true">
            %
          </span>
        </div>
      </div>
      <button type="submit" className="button" disabled={setProgress.isPending}>
        {setProgress.isPending ? 'Saving…' : 'Save progress'}
      </button>
    </form>
  );
}
