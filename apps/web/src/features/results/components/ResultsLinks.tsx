import type { CycleSummary, Role } from '@allot/shared';
import { Link } from 'react-router';
import { resultsAccess } from '../results-model';

export function resultsPath(cycleId: string): string {
  return `/cycles/${cycleId}/results`;
}

export function countingPath(cycleId: string): string {
  return `/admin/cycles/${cycleId}/count`;
}

/** The cycle page's ways to the results: for everyone once published, for admins and councillors while counting. */
export function ResultsLinks({ cycle, roles }: { cycle: Pick<CycleSummary, 'id' | 'phase'>; roles: readonly Role[] }) {
  const access = resultsAccess(cycle.phase, roles);
  if (access.results === 'public') {
    return (
      <p>
        <Link className="button" to={resultsPath(cycle.id)}>
          See the results
        </Link>
      </p>
    );
  }
  if (access.results === null && !access.count) return null;
  return (
    <div className="button-row">
      {access.count ? (
        <Link className="button" to={countingPath(cycle.id)}>
          Count the votes
        </Link>
      ) : null}
      {access.results === 'preview' ? (
        <Link className="button button--secondary" to={resultsPath(cycle.id)}>
          See the results before publication
        </Link>
      ) : null}
    </div>
  );
}

/** For the admin cycle list: the cycles whose votes are waiting to be counted and published. */
export function CountingLinks({ cycles }: { cycles: readonly CycleSummary[] }) {
  const waiting = cycles.filter((cycle) => cycle.phase === 'counting');
  if (waiting.length === 0) return null;
  return (
    <section className="panel panel--highlight" aria-labelledby="counting-title">
      <h2 id="counting-title">Votes to count</h2>
      <ul className="plain-list">
        {waiting.map((cycle) => (
          <li key={cycle.id}>
            <Link to={countingPath(cycle.id)}>Count and publish the votes of {cycle.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
