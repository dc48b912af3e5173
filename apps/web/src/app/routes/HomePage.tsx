import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { useCurrentUser } from '../../features/auth/api/get-current-user';

export function HomePage() {
  const { data: user } = useCurrentUser();
  return (
    <Page title="Decide together how council money is spent" heading="Decide together how council money is spent">
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
