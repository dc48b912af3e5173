import { COMMENT_MAX, CommentCreate } from '@allot/shared';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { errorsFromApi, errorsFromZod, NO_ERRORS, type FormErrors } from '../../../lib/form-errors';
import { useAddComment } from '../api/add-comment';

const FIELDS = ['body'] as const;

interface CommentFormProps {
  proposalId: string;
  /** The comment being answered; omit for a new comment at the top level. */
  parent?: { id: string; authorName: string };
  onDone?: () => void;
}

/** Write a comment or a reply. Plain text only: it is shown exactly as written. */
export function CommentForm({ proposalId, parent, onDone }: CommentFormProps) {
  const addComment = useAddComment(proposalId);
  const [errors, setErrors] = useState<FormErrors<'body'>>(NO_ERRORS);
  const id = parent ? `reply-${parent.id}` : 'new-comment';
  const label = parent ? `Your reply to ${parent.authorName}` : 'Your comment';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = CommentCreate.safeParse({ body: String(new FormData(form).get('body') ?? ''), parentId: parent?.id ?? null });
    if (!parsed.success) {
      setErrors(errorsFromZod(parsed.error, FIELDS));
      return;
    }
    setErrors(NO_ERRORS);
    addComment.mutate(parsed.data, {
      onSuccess: () => {
        form.reset();
        onDone?.();
      },
      onError: (error) => setErrors(errorsFromApi(error, FIELDS)),
    });
  }

  return (
    <form className="comment-form" onSubmit={handleSubmit} noValidate aria-label={parent ? `Reply to ${parent.authorName}` : 'Add a comment'}>
      <ErrorSummary errors={errors} fields={{ body: { id, label } }} />
      <div className={errors.fields.body ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <p id={`${id}-hint`} className="field__hint">
          Be kind and stay on topic. Up to {COMMENT_MAX.toLocaleString('en-GB')} characters.
        </p>
        {errors.fields.body ? (
          <p id={`${id}-error`} className="field__error">
            <span className="visually-hidden">Error: </span>
            {errors.fields.body}
          </p>
        ) : null}
        <textarea
          id={id}
          name="body"
          className="input textarea"
          rows={parent ? 3 : 4}
          aria-invalid={errors.fields.body ? true : undefined}
          aria-describedby={errors.fields.body ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={addComment.isPending}>
          {addComment.isPending ? 'Posting…' : parent ? 'Post reply' : 'Post comment'}
        </button>
        {parent && onDone ? (
          <button type="button" className="button button--secondary" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
