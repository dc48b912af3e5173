import { CommentHideRequest } from '@allot/shared';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { TextField } from '../../../components/fields';
import { errorsFromApi, errorsFromZod, NO_ERRORS, type FormErrors } from '../../../lib/form-errors';
import { useHideComment } from '../api/hide-comment';

const FIELDS = ['reason'] as const;

/** Staff only: hide a comment, with a reason every reader will see in its place. */
export function HideCommentForm({ proposalId, commentId, authorName, onDone }: { proposalId: string; commentId: string; authorName: string; onDone: () => void }) {
  const hideComment = useHideComment(proposalId);
  const [errors, setErrors] = useState<FormErrors<'reason'>>(NO_ERRORS);
  const id = `hide-${commentId}`;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = CommentHideRequest.safeParse({ reason: String(new FormData(event.currentTarget).get('reason') ?? '') });
    if (!parsed.success) {
      setErrors(errorsFromZod(parsed.error, FIELDS));
      return;
    }
    setErrors(NO_ERRORS);
    hideComment.mutate({ commentId, reason: parsed.data.reason }, { onSuccess: onDone, onError: (error) => setErrors(errorsFromApi(error, FIELDS)) });
  }

  return (
    <form className="comment-form" onSubmit={handleSubmit} noValidate aria-label={`Hide the comment by ${authorName}`}>
      <ErrorSummary errors={errors} fields={{ reason: { id, label: 'Reason' } }} />
      <TextField id={id} name="reason" label="Reason for hiding (everyone will see it)" hint="For example: personal details removed." error={errors.fields.reason} />
      <div className="button-row">
        <button type="submit" className="button" disabled={hideComment.isPending}>
          {hideComment.isPending ? 'Hiding…' : 'Hide comment'}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
