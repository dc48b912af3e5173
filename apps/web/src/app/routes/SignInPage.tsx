import { Link, useNavigate, useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { SignInForm } from '../../features/auth/components/SignInForm';

/** Only same-site paths are followed after sign-in, so a crafted link cannot send people elsewhere. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/account';
}

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
