import type { Cycle, Me } from '@allot/shared';
import { Link, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage } from '../../components/messages';
import { useCurrentUser } from '../../features/auth/api/get-current-user';
import { useCycle } from '../../features/cycles/api/get-cycle';
import { formatDate, PHASE_LABELS } from '../../features/cycles/format';
import { PhaseTimeline } from '../../features/cycles/components/PhaseTimeline';
import { PotTable } from '../../features/cycles/components/PotTable';
import { ResultsLinks } from '../../features/results/components/ResultsLinks';

/** The one action that matches the phase, in words a resident would use. */
function NextStep({ cycle, user }: { cycle: Cycle; user: Me | null }) {
  const ideas = `/cycles/${cycle.id}/proposals`;
  const isResident = user?.roles.includes('resident') ?? false;
  switch (cycle.phase) {
    case 'proposals': {
      const submit = `${ideas}/new`;
      if (user === null) {
        return (
          <p>
            <Link className="button" to={`/sign-in?next=${encodeURIComponent(submit)}`}>
              Sign in to submit an idea
            </Link>
          </p>
        );
      }
      return isResident ? (
        <p>
          <Link className="button" to={submit}>
            Submit an idea
          </Link>
        </p>
      ) : null;
    }
    case 'deliberation':
      return (
        <p>
          <Link className="button" to={ideas}>
            Comment on and support ideas
          </Link>
        </p>
      );
    case 'draft':
      return null;
    default:
      return (
        <p>
          <Link className="button" to={ideas}>
            See the ideas and the council&rsquo;s verdicts
          </Link>
        </p>
      );
  }
}

function CycleContent({ cycle }: { cycle: Cycle }) {
  const { data: user } = useCurrentUser();
  const roles = user?.roles ?? [];
  return (
    <Page title={cycle.name} lead={cycle.description || undefined}>
      <section className="panel panel--highlight" aria-labelledby="now-title">
        <h2 id="now-title">What you can do now</h2>
        <p>
          Current phase: <strong>{PHASE_LABELS[cycle.phase]}</strong>
        </p>
        <p>{cycle.whatYouCanDoNow}</p>
        <NextStep cycle={cycle} user={user ?? null} />
        {cycle.phase === 'voting' ? <p><Link className="button" to={`/cycles/${cycle.id}/vote`}>Vote</Link></p> : null}
        <ResultsLinks cycle={cycle} roles={roles} />
      </section>
      <p>
        <Link to={`/cycles/${cycle.id}/proposals`}>See all ideas in {cycle.name}</Link>
      </p>
      {roles.includes('staff') || roles.includes('admin') ? (
        <p>
          <Link to={`/cycles/${cycle.id}/reviews`}>Feasibility review queue</Link>
        </p>
      ) : null}
      {roles.includes('councillor') || roles.includes('admin') ? (
        <p>
          <Link to={`/cycles/${cycle.id}/stats`}>Ward figures</Link>
        </p>
      ) : null}
      {roles.includes('admin') ? (
        <p>
          <Link to={`/admin/cycles/${cycle.id}`}>Manage this cycle</Link>
        </p>
      ) : null}
      <h2>Timetable</h2>
      <PhaseTimeline phase={cycle.phase} schedule={cycle.schedule} />
      {cycle.rounds.length > 0 ? (
        <>
          <h3>Discussion rounds</h3>
          <ul>
            {cycle.rounds.map((round) => (
              <li key={round.id}>
                {round.name}: {formatDate(round.start)} to {formatDate(round.end)}
                {round.closedAt ? ' (closed)' : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Budget</h2>
      <PotTable pots={cycle.pots} currency={cycle.currency} totalBudget={cycle.totalBudget} />
    </Page>
  );
}

export function CyclePage() {
  const { cycleId = '' } = useParams();
  const cycle = useCycle(cycleId);
  if (cycle.isPending) {
    return (
      <Page title="Budget cycle">
        <StatusMessage>Loading the cycle…</StatusMessage>
      </Page>
    );
  }
  if (cycle.isError) {
    return (
      <Page title={cycle.error.message === 'No cycle with this id' ? 'Cycle not found' : 'Budget cycle'}>
        <ProblemMessage title="We could not show this cycle">{cycle.error.message}</ProblemMessage>
        <p>
          <Link to="/cycles">See all budget cycles</Link>
        </p>
      </Page>
    );
  }
  return <CycleContent cycle={cycle.data} />;
}
