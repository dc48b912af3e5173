import { Link, useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage } from '../../components/messages';
import { offsetIn } from '../../lib/paging';
import { NOTIFICATIONS_PAGE_SIZE, useNotifications } from '../../features/notifications/api/list-notifications';
import { NotificationList } from '../../features/notifications/components/NotificationList';
import { RequireRole } from '../RequireRole';

function NotificationsContent() {
  const [searchParams] = useSearchParams();
  const offset = offsetIn(searchParams);
  const notifications = useNotifications(offset);
  const data = notifications.data;
  return (
    <Page title="Notifications" lead="News about your ideas and comments.">
      {notifications.isError ? <ProblemMessage title="We could not load your notifications">{notifications.error.message}</ProblemMessage> : null}
      <p className="results-count" role="status" aria-live="polite">
        {notifications.isPending
          ? 'Loading notifications…'
          : data
            ? data.total === 0
              ? 'You have no notifications.'
              : `${data.total} ${data.total === 1 ? 'notification' : 'notifications'}, ${data.unread} unread.`
            : ''}
      </p>
      {data && data.notifications.length > 0 ? <NotificationList notifications={data.notifications} /> : null}
      {data && (offset > 0 || offset + data.notifications.length < data.total) ? (
        <nav className="pagination" aria-label="Pages of notifications">
          {offset > 0 ? <Link to={`?offset=${Math.max(0, offset - NOTIFICATIONS_PAGE_SIZE)}`}>Newer notifications</Link> : null}
          {offset + data.notifications.length < data.total ? <Link to={`?offset=${offset + NOTIFICATIONS_PAGE_SIZE}`}>Older notifications</Link> : null}
        </nav>
      ) : null}
    </Page>
  );
}

export function NotificationsPage() {
  return (
    <RequireRole title="Notifications">
      <NotificationsContent />
    </RequireRole>
  );
}
