import type { Notification } from '@allot/shared';
import { Link } from 'react-router';
import { ProblemMessage } from '../../../components/messages';
import { useMarkNotificationRead } from '../api/mark-read';

const timeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function NotificationList({ notifications }: { notifications: readonly Notification[] }) {
  const markRead = useMarkNotificationRead();
  return (
    <>
      {markRead.isError ? <ProblemMessage title="We could not mark it as read">{markRead.error.message}</ProblemMessage> : null}
      <ul className="card-list">
        {notifications.map((notification) => (
          <li key={notification.id} className={notification.readAt ? 'card' : 'card card--unread'}>
            <h2 className="card__title">
              {notification.readAt ? null : <span className="tag">New</span>} {notification.title}
            </h2>
            <p className="card__meta">
              <time dateTime={notification.createdAt}>{timeFormat.format(new Date(notification.createdAt))}</time>
            </p>
            <p className="preserve-lines">{notification.body}</p>
            <div className="button-row">
              {notification.proposalId ? <Link to={`/proposals/${notification.proposalId}`}>See the proposal</Link> : null}
              {notification.readAt ? null : (
                <button type="button" className="link-button" disabled={markRead.isPending} onClick={() => markRead.mutate(notification.id)}>
                  Mark as read<span className="visually-hidden">: {notification.title}</span>
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
