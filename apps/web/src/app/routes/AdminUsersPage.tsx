import { useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage } from '../../components/messages';
import { describeRoles } from '../../lib/roles';
import { useUserSearch } from '../../features/users/api/search-users';
import { UserRolesForm } from '../../features/users/components/UserRolesForm';
import { UserSearchForm } from '../../features/users/components/UserSearchForm';
import { useWards } from '../../features/wards/api/list-wards';
import { RequireRole } from '../RequireRole';

function AdminUsersContent() {
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const users = useUserSearch(q);
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
              : `Showing ${users.data.users.length} of ${users.data.total} ${users.data.total === 1 ? 'account' : 'accounts'}.`}
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
