import type { Role } from '@allot/shared';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Page } from '../components/Page';
import { ProblemMessage, StatusMessage } from '../components/messages';
import { useCurrentUser } from '../features/auth/api/get-current-user';

interface RequireRoleProps {
  /** Any one of these roles lets the person in; omit to require only being signed in. */
  roles?: readonly Role[];
  title: string;
  children: ReactNode;
}

/**
 * Shows a page only to people who may use it. This is a courtesy, not security: the API refuses
 * requests from anyone without the role whatever the browser shows.
 */
export function RequireRole({ roles, title, children }: RequireRoleProps) {
  const currentUser = useCurrentUser();
  const location = useLocation();

  if (currentUser.isPending) {
    return (
      <Page title={title}>
        <StatusMessage>Checking your account…</StatusMessage>
      </Page>
    );
  }
  if (currentUser.isError) {
    return (
      <Page title={title}>
        <ProblemMessage>{currentUser.error.message}</ProblemMessage>
      </Page>
    );
  }
  const user = currentUser.data;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <Page title="Sign in to continue">
        <p>
          You need to sign in to see this page. <Link to={`/sign-in?next=${next}`}>Sign in</Link> or{' '}
          <Link to="/register">create an account</Link>.
        </p>
      </Page>
    );
  }
  if (roles && !roles.some((role) => user.roles.includes(role))) {
    return (
      <Page title="You cannot use this page">
        <p>Your account does not have permission to use this page.</p>
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </Page>
    );
  }
  return children;
}
