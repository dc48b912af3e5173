import { useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { SuccessMessage } from '../../../components/messages';
import { errorsFromApi, NO_ERRORS, type FormErrors } from '../../../lib/form-errors';
import { usePostUpdate } from '../api/post-update';
import { parseUpdate, type UpdateField } from '../model';

const FIELD_INFO: Record<UpdateField, { id: string; label: string }> = {
  body: { id: 'delivery-update', label: 'Public update' },
};

/** Staff post a short public note on how the project is going; residents see it with their name. */
export function UpdateForm({ projectId }: { projectId: string }) {
  const postUpdate = usePostUpdate();
  const [errors, setErrors] = useState<FormErrors<UpdateField>>(NO_ERRORS);
  const [posted, setPosted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const error = errors.fields.body;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPosted(false);
    const result = parseUpdate(String(new FormData(event.currentTarget).get('body') ?? ''));
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors(NO_ERRORS);
    postUpdate.mutate(
      { projectId, update: result.value },
      {
        onSuccess: () => {
          formRef.current?.reset();
          setPosted(true);
        },
        onError: (failure) => setErrors(errorsFromApi(failure, ['body'] as const)),
      },
    );
  }

  const describedBy = ['delivery-update-hint', error ? 'delivery-update-error' : null].filter(Boolean).join(' ');
  return (
    <form ref={formRef} className="form" onSubmit={handleSubmit} noValidate aria-labelledby="update-form-title">
      <h2 id="update-form-title">Post a public update</h2>
      <ErrorSummary errors={errors} fields={FIELD_INFO} />
      {posted ? <SuccessMessage>Your update has been posted on the project&rsquo;s page.</SuccessMessage> : null}
      <div className={error ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor="delivery-update">
          {FIELD_INFO.body.label}
        </label>
        <p id="delivery-update-hint" className="field__hint">
          Anyone can read this on the project&rsquo;s page, with your name and the date. Write plainly, in 10 to 4,000 characters.
        </p>
        {error ? (
          <p id="delivery-update-error" className="field__error">
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        ) : null}
        <textarea
          id="delivery-update"
          name="body"
          rows={5}
          className="input textarea"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      </div>
      <button type="submit" className="button" disabled={postUpdate.isPending}>
        {postUpdate.isPending ? 'Posting…' : 'Post update'}
      </button>
    </form>
  );
}
