import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage } from '../../components/messages';
import { useCycles } from '../../features/cycles/api/list-cycles';
import { RequireRole } from '../RequireRole';

function CyclesInVoting() {
  const cycles = useCycles();
  if (cycles.isPending) return <StatusMessage>Loading the budget cycles…</StatusMessage>;
  if (cycles.isError) return <ProblemMessage>{cycles.error.message}</ProblemMessage>;
  const voting = cycles.data.filter((cycle) => cycle.phase === 'voting');
  if (voting.length === 0) return <p>No budget cycle is in voting at the moment, so there are no paper ballots to enter.</p>;
  return (
    <ul className="plain-list">
      {voting.map((cycle) => (
        <li key={cycle.id}>
          <Link to={`/cycles/${cycle.id}/paper-ballots`}>Enter paper ballots for {cycle.name}</Link>
        </li>
      ))}
    </ul>
  );
}

/** Staff start here: the cycles in voting, each leading to its paper-ballot desk. */
export function PaperBallotCyclesPage() {
  return (
    <RequireRole title="Paper ballots" roles={['staff']}>
      <Page title="Paper ballots" lead="Choose the budget cycle whose paper ballots you are entering.">
        <CyclesInVoting />
      </Page>
    </RequireRole>
  );
}
