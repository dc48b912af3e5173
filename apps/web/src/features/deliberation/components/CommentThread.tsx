import type { Comment } from '@allot/shared';
import { useState } from 'react';
import { ProblemMessage, StatusMessage } from '../../../components/messages';
import { useFlagComment } from '../api/flag-comment';
import { useComments } from '../api/list-comments';
import { CommentForm } from './CommentForm';
import { HideCommentForm } from './HideCommentForm';

interface CommentThreadProps {
  proposalId: string;
  /** Residents during deliberation may comment and reply. */
  canComment: boolean;
  /** Signed-in residents may report a comment to moderators. */
  canFlag: boolean;
  /** Staff may hide comments. */
  canModerate: boolean;
  /** The signed-in account's id or 'anonymous' (what the server shows depends on who asks). */
  viewer: string;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

interface Permissions {
  proposalId: string;
  canComment: boolean;
  canFlag: boolean;
  canModerate: boolean;
}

function CommentItem({ comment, replies, permissions }: { comment: Comment; replies: Map<string, Comment[]>; permissions: Permissions }) {
  const [mode, setMode] = useState<'idle' | 'reply' | 'hide'>('idle');
  const flag = useFlagComment(permissions.proposalId);
  const children = replies.get(comment.id) ?? [];
  const name = comment.author.displayName;
  return (
    <li className="comment">
      <article aria-label={`Comment by ${name}`}>
        <p className="comment__meta">
          <strong>{name}</strong> · <time dateTime={comment.createdAt}>{timeFormat.format(new Date(comment.createdAt))}</time>
          {permissions.canModerate && comment.flagCount ? ` · Reported ${comment.flagCount} ${comment.flagCount === 1 ? 'time' : 'times'}` : ''}
        </p>
        {comment.hidden ? (
          <p className="comment__hidden">Hidden by a moderator. Reason: {comment.hidden.reason}</p>
        ) : null}
        {comment.body !== null ? (
          <>
            {comment.hidden ? <p className="comment__note">Only the author and council staff can still see the text:</p> : null}
            <p className="comment__body preserve-lines">{comment.body}</p>
          </>
        ) : null}
        <div className="comment__actions">
          {permissions.canComment && mode !== 'reply' ? (
            <button type="button" className="link-button" onClick={() => setMode('reply')}>
              Reply<span className="visually-hidden"> to {name}</span>
            </button>
          ) : null}
          {permissions.canFlag && !comment.hidden ? (
            comment.flaggedByMe ? (
              <span className="comment__flagged">You reported this comment</span>
            ) : (
              <button type="button" className="link-button" disabled={flag.isPending} onClick={() => flag.mutate(comment.id)}>
                Report to moderators<span className="visually-hidden">: comment by {name}</span>
              </button>
            )
          ) : null}
          {permissions.canModerate && !comment.hidden && mode !== 'hide' ? (
            <button type="button" className="link-button" onClick={() => setMode('hide')}>
              Hide<span className="visually-hidden"> the comment by {name}</span>
            </button>
          ) : null}
        </div>
        {flag.isError ? <ProblemMessage title="The report was not sent">{flag.error.message}</ProblemMessage> : null}
        {mode === 'reply' ? (
          <CommentForm proposalId={permissions.proposalId} parent={{ id: comment.id, authorName: name }} onDone={() => setMode('idle')} />
        ) : null}
        {mode === 'hide' ? (
          <HideCommentForm proposalId={permissions.proposalId} commentId={comment.id} authorName={name} onDone={() => setMode('idle')} />
        ) : null}
      </article>
      {children.length > 0 ? (
        <ul className="comment-list comment-list--replies" aria-label={`Replies to ${name}`}>
          {children.map((child) => (
            <CommentItem key={child.id} comment={child} replies={replies} permissions={permissions} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The discussion on one proposal, threaded by reply, oldest first. */
export function CommentThread({ proposalId, canComment, canFlag, canModerate, viewer }: CommentThreadProps) {
  const comments = useComments(proposalId, viewer);
  const permissions: Permissions = { proposalId, canComment, canFlag, canModerate };
  const all = comments.data ?? [];
  const ids = new Set(all.map((comment) => comment.id));
  const replies = new Map<string, Comment[]>();
  const topLevel: Comment[] = [];
  for (const comment of all) {
    // A reply whose parent is not in the list is shown at the top level rather than lost.
    if (comment.parentId !== null && ids.has(comment.parentId)) {
      replies.set(comment.parentId, [...(replies.get(comment.parentId) ?? []), comment]);
    } else {
      topLevel.push(comment);
    }
  }
  return (
    <section aria-labelledby="comments-title">
      <h2 id="comments-title">Comments</h2>
      {comments.isPending ? <StatusMessage>Loading comments…</StatusMessage> : null}
      {comments.isError ? <ProblemMessage title="We could not load the comments">{comments.error.message}</ProblemMessage> : null}
      {comments.data && all.length === 0 ? <p>No comments yet.</p> : null}
      {topLevel.length > 0 ? (
        <ul className="comment-list">
          {topLevel.map((comment) => (
            <CommentItem key={comment.id} comment={comment} replies={replies} permissions={permissions} />
          ))}
        </ul>
      ) : null}
      {canComment ? <CommentForm proposalId={proposalId} /> : null}
    </section>
  );
}
