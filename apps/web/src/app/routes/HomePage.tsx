import { Link, useLocation } from 'react-router';
import { Page } from '../../components/Page';
import { SuccessMessage } from '../../components/messages';
import { useCurrentUser } from '../../features/auth/api/get-current-user';

/** Set by the account page after signing out. */
export interface SignedOutState {
  signedOut: true;
  /** The server could not be told; the session is still forgotten in this browser. */
  serverUnreachable?: boolean;
}

export function HomePage() {
  const { data: user } = useCurrentUser();
  const state = useLocation().state as SignedOutState | null;
  return (
    <Page title="Decide together how council money is spent">
      {state?.signedOut && !user ? (
        <SuccessMessage>
          You have signed out.
          {state.serverUnreachable ? ' We could not reach Allot to end your session everywhere, but this browser has forgotten it.' : ''}
        </SuccessMessage>
      ) : null}
      <p className="lead">
        Allot lets people who live in an area choose how part of their council&rsquo;s budget is spent. This is called
        participatory budgeting.
      </p>
      <h2>How it works</h2>
      <ol className="steps">
        <li>
          <strong>Suggest a project.</strong> Anyone who lives in the area can suggest an idea, like a new playground or
          better street lighting, and say what it might cost.
        </li>
        <li>
          <strong>Talk it over.</strong> Neighbours comment on ideas and support the ones they like. People can improve
          their ideas.
        </li>
        <li>
          <strong>Council checks.</strong> Council staff check that each idea can really be done and what it will cost.
        </li>
        <li>
          <strong>Vote.</strong> You vote for the projects you want in your ward. You get a receipt so you can check
          your vote was counted.
        </li>
        <li>
          <strong>See the results.</strong> Votes are counted under rules published in advance. Everyone can see why
          each project was funded or not, and follow the work as it happens.
        </li>
      </ol>
      <h2>Get started</h2>
      {user ? (
        <p>
          You are signed in as {user.displayName}. <Link to="/account">See your account</Link>.
        </p>
      ) : (
        <p>
          <Link to="/register">Create an account</Link> to take part, or <Link to="/sign-in">sign in</Link> if you
          already have one. You can <Link to="/wards">see the wards</Link> without an account.
        </p>
      )}
    </Page>
  );
}
