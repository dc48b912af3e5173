import { useNavigate } from 'react-router';
import { Page } from '../../components/Page';
import { useCurrentUser } from '../../features/auth/api/get-current-user';
import { useSignOut } from '../../features/auth/api/sign-out';
import { AccountDetails } from '../../features/auth/components/AccountDetails';
import { useWards } from '../../features/wards/api/list-wards';
import { RequireRole } from '../RequireRole';
import type { SignedOutState } from './HomePage';

function AccountContent() {
  const { data: user } = useCurrentUser();
  const wards = useWards();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!user) return null;

  return (
    <Page title="My account" lead={`These are the details we hold for you, ${user.displayName}.`}>
      <AccountDetails user={user} wards={wards.isError ? [] : wards.data} />
      <button
        type="button"
        className="button button--secondary"
        disabled={signOut.isPending}
        onClick={() => {
          // Awaited here rather than in mutate callbacks: this page unmounts as soon as the account is cleared.
          signOut.mutateAsync().then(
            () => navigate('/', { replace: true, state: { signedOut: true } satisfies SignedOutState }),
            () => navigate('/', { replace: true, state: { signedOut: true, serverUnreachable: true } satisfies SignedOutState }),
          );
        }}
      >
        {signOut.isPending ? 'Signing out…' : 'Sign out'}
      </button>
    </Page>
  );
}

export function AccountPage() {
  return (
    <RequireRole title="My account">
      <AccountContent />
    </RequireRole>
  );
}
