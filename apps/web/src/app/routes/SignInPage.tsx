import { Link, useNavigate, useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { safeNextPath } from '../../lib/safe-next-path';
import { SignInForm } from '../../features/auth/components/SignInForm';

export function SignInPage() {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  return (
    <Page title="Sign in">
      <SignInForm onSignedIn={() => void navigate(next, { replace: true })} />
      <p>
        New to Allot? <Link to="/register">Create an account</Link>.
      </p>
    </Page>
  );
}
