import { Link, useNavigate } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage } from '../../components/messages';
import { RegisterForm } from '../../features/auth/components/RegisterForm';
import { useWards } from '../../features/wards/api/list-wards';

export function RegisterPage() {
  const navigate = useNavigate();
  const wards = useWards();
  return (
    <Page
      title="Create an account"
      lead="With an account you can suggest projects, comment on ideas and vote in your ward."
    >
      {wards.isPending ? <StatusMessage>Loading the list of wards…</StatusMessage> : null}
      {wards.isError ? (
        <ProblemMessage title="We could not load the wards">
          {wards.error.message} Reload the page to try again.
        </ProblemMessage>
      ) : null}
      {wards.data ? (
        <RegisterForm wards={wards.data} onRegistered={() => void navigate('/account', { replace: true })} />
      ) : null}
      <p>
        Already have an account? <Link to="/sign-in">Sign in</Link>.
      </p>
    </Page>
  );
}
