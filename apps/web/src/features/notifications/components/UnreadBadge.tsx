import { useUnreadCount } from '../api/list-notifications';

/** "(2 unread)" after the Notifications menu entry; nothing when all is read or signed out. */
export function UnreadBadge({ signedIn }: { signedIn: boolean }) {
  const unread = useUnreadCount(signedIn);
  if (!signedIn || !unread.data) return null;
  return (
    <span className="nav-badge">
      {' '}
      {unread.data}
      <span className="visually-hidden"> unread</span>
    </span>
  );
}
