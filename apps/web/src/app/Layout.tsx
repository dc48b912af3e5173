import type { MouseEvent } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../features/auth/api/get-current-user';
import { UnreadBadge } from '../features/notifications/components/UnreadBadge';
import { currentSection, navItemsFor } from './navigation';

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('main-content');
  if (!main) return;
  event.preventDefault();
  main.focus();
}

export function Layout() {
  const currentUser = useCurrentUser();
  // While the session is being restored, show only what everyone can see, so nothing flickers in.
  const user = currentUser.data ?? null;
  const items = navItemsFor(currentUser.isPending ? null : user).filter(
    (item) => !currentUser.isPending || item.audience === 'everyone',
  );
  const current = currentSection(useLocation().pathname, items);

  return (
    <div className="layout">
      <a className="skip-link" href="#main-content" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-header__brand">
            Allot<span className="visually-hidden"> home</span>
          </Link>
          {user ? (
            <p className="site-header__who">
              Signed in as <strong>{user.displayName}</strong>
            </p>
          ) : null}
        </div>
        <nav className="site-nav" aria-label="Main" aria-busy={currentUser.isPending || undefined}>
          <ul className="site-nav__list">
            {items.map((item) => (
              <li key={item.to}>
                <Link to={item.to} className="site-nav__link" aria-current={item.to === current ? 'page' : undefined}>
                  {item.label}
                  {item.showsUnreadCount ? <UnreadBadge signedIn={user !== null} /> : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main-content" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          Allot is open-source software for participatory budgeting, released under the GNU Affero General Public
          License.
        </p>
      </footer>
    </div>
  );
}
