import { phaseIndex, type Cycle, type CycleResults } from '@allot/shared';
import { Link, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage } from '../../components/messages';
import { useCycle } from '../../features/cycles/api/get-cycle';
import { PHASE_LABELS } from '../../features/cycles/format';
import { useCycleDelivery } from '../../features/implementation/api/get-cycle-delivery';
import { allResultsCsv } from '../../features/results/api/open-data';
import { isNotAvailable, useResults } from '../../features/results/api/get-results';
import { CitySummaryPanel } from '../../features/results/components/CitySummaryPanel';
import { NotPublishedBanner } from '../../features/results/components/NotPublishedBanner';
import { PotResultSection } from '../../features/results/components/PotResultSection';
import { formatTimestamp, type DeliveryProject } from '../../features/results/results-model';

function ResultsContent({ results }: { results: CycleResults }) {
  const published = results.status === 'published';
  const delivery = useCycleDelivery(results.cycleId, published);
  const byPot = new Map<string, DeliveryProject[]>();
  for (const project of delivery.data?.projects ?? []) byPot.set(project.potId, [...(byPot.get(project.potId) ?? []), project]);
  const deliveryProblem = delivery.isError ? `Delivery progress is not available at the moment: ${delivery.error.message}` : undefined;

  return (
    <Page
      title={`Results: ${results.cycleName}`}
      lead={published && results.publishedAt ? `Published on ${formatTimestamp(results.publishedAt)}.` : undefined}
    >
      {published ? null : <NotPublishedBanner />}
      <div className="button-row no-print">
        <Link to={`/cycles/${results.cycleId}`}>About {results.cycleName}</Link>
        <button type="button" className="link-button" onClick={() => window.print()}>
          Print these results
        </button>
      </div>
      {results.pots.length > 1 ? (
        <nav className="results-contents no-print" aria-label="Pots in this cycle">
          <h2 className="results-contents__title">Go to a pot</h2>
          <ul>
            {results.pots.map((pot) => (
              <li key={pot.potId}>
                <a href={`#pot-${pot.potId}`}>{pot.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <section aria-labelledby="summary-title">
        <h2 id="summary-title">Across the whole area</h2>
        <CitySummaryPanel summary={results.summary} currency={results.currency} />
      </section>
      {results.pots.map((pot) => (
        <PotResultSection
          key={pot.potId}
          cycleId={results.cycleId}
          pot={pot}
          currency={results.currency}
          published={published}
          delivery={delivery.isSuccess ? (byPot.get(pot.potId) ?? []) : undefined}
          deliveryProblem={deliveryProblem}
        />
      ))}
      {published ? (
        <p className="no-print">
          <a href={allResultsCsv(results.cycleId)} download>
            Download the results of every pot (CSV file)
          </a>
        </p>
      ) : null}
      <p className="field__hint">
        Fingerprint of the whole result (SHA-256): <code className="break">{results.resultHash}</code>. Counting the same ballots under
        the same rules always gives the same fingerprint.
      </p>
    </Page>
  );
}

/** Why there is nothing to show yet, in terms of where the cycle has got to. */
function NotPublished({ cycle }: { cycle: Cycle }) {
  const counting = cycle.phase === 'counting';
  const before = phaseIndex(cycle.phase) < phaseIndex('counting');
  return (
    <Page title={`Results: ${cycle.name}`}>
      <div className="notice" role="status">
        <h2 className="notice__title">The results are not published yet</h2>
        <p>
          {before
            ? `${cycle.name} is in the ${PHASE_LABELS[cycle.phase]} phase. Results appear here after voting has closed and the votes have been counted.`
            : counting
              ? 'Voting has closed and the votes are being counted. The results will appear here once the council publishes them.'
              : 'The results of this cycle are not available.'}
        </p>
      </div>
      <p>
        <Link to={`/cycles/${cycle.id}`}>Go back to {cycle.name}</Link>
      </p>
    </Page>
  );
}

/** Public results of a cycle once published; admins and councillors see the count before, clearly marked. */
export function ResultsPage() {
  const { cycleId = '' } = useParams();
  const results = useResults(cycleId);
  const cycle = useCycle(cycleId);

  if (results.isSuccess) return <ResultsContent results={results.data} />;
  if (results.isPending || (isNotAvailable(results.error) && cycle.isPending)) {
    return (
      <Page title="Results">
        <StatusMessage>Loading the results…</StatusMessage>
      </Page>
    );
  }
  if (isNotAvailable(results.error) && cycle.isSuccess) return <NotPublished cycle={cycle.data} />;
  const problem = cycle.isError ? cycle.error : results.error;
  return (
    <Page title="Results">
      <ProblemMessage title="We could not show these results">{problem?.message ?? 'Please try again.'}</ProblemMessage>
      <p>
        <Link to="/cycles">See all budget cycles</Link>
      </p>
    </Page>
  );
}
