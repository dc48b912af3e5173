import { Link, useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage } from '../../components/messages';
import { offsetIn } from '../../lib/paging';
import { describeRoles } from '../../lib/roles';
import { USERS_PAGE_SIZE, useUserSearch } from '../../features/users/api/search-users';
import { UserRolesForm } from '../../features/users/components/UserRolesForm';
import { UserSearchForm } from '../../features/users/components/UserSearchForm';
import { useWards } from '../../features/wards/api/list-wards';
import { RequireRole } from '../RequireRole';

function AdminUsersContent() {
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const offset = offsetIn(searchParams);
  const users = useUserSearch(q, offset);
  const pageLink = (pageOffset: number) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (pageOffset > 0) params.set('offset', String(pageOffset));
    const search = params.toString();
    return search ? `?${search}` : '.';
  };
  const wards = useWards();

  return (
    <Page title="Users and roles" lead="Find a person by name or email address, then choose what they can do in Allot.">
      <UserSearchForm initialQuery={q} onSearch={(next) => setSearchParams(next ? { q: next } : {})} />
      {users.isPending ? <StatusMessage>Searching…</StatusMessage> : null}
      {users.isError ? <ProblemMessage title="We could not search accounts">{users.error.message}</ProblemMessage> : null}
      {users.data ? (
        <>
          <p role="status">
            {users.data.total === 0
              ? 'No accounts match your search.'
              : `Showing ${offset + 1} to ${offset + users.data.users.length} of ${users.data.total} ${users.data.total === 1 ? 'account' : 'accounts'}.`}
          </p>
          <ul className="user-list">
            {users.data.users.map((user) => (
              <li key={user.id} className="user-card">
                <h2 className="user-card__name">{user.displayName}</h2>
                <p className="user-card__meta">
                  {user.email} · Current roles: {describeRoles(user.roles)}
                </p>
                <UserRolesForm user={user} wards={wards.data ?? []} />
              </li>
            ))}
          </ul>
          {offset > 0 || offset + users.data.users.length < users.data.total ? (
            <nav className="pagination" aria-label="Pages of results">
              {offset > 0 ? (
                <Link to={pageLink(Math.max(0, offset - USERS_PAGE_SIZE))}>Previous {USERS_PAGE_SIZE} accounts</Link>
              ) : null}
              {offset + users.data.users.length < users.data.total ? (
                <Link to={pageLink(offset + USERS_PAGE_SIZE)}>Next {USERS_PAGE_SIZE} accounts</Link>
              ) : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

export function AdminUsersPage() {
  return (
    <RequireRole roles={['admin']} title="Users and roles">
      <AdminUsersContent />
    </RequireRole>
  );
}
