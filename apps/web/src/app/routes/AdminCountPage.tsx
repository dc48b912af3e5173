import { phaseIndex, type Cycle } from '@allot/shared';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage, SuccessMessage } from '../../components/messages';
import { errorsFromApi, NO_ERRORS, type FormErrors } from '../../lib/form-errors';
import { PHASE_LABELS } from '../../features/cycles/format';
import { isNotAvailable, useResults } from '../../features/results/api/get-results';
import { usePublishResults } from '../../features/results/api/publish';
import { useTally } from '../../features/results/api/tally';
import { CountReview } from '../../features/results/components/CountReview';
import { resultsPath } from '../../features/results/components/ResultsLinks';
import { compareCounts, formatTimestamp, RULE_NAMES, type RecountOutcome } from '../../features/results/results-model';
import { RequireRole } from '../RequireRole';
import { WithCycle } from '../WithCycle';

function RecountMessage({ outcome }: { outcome: RecountOutcome }) {
  if (outcome === 'first') return <SuccessMessage>The votes have been counted. Check the result below before you publish it.</SuccessMessage>;
  if (outcome === 'same') {
    return (
      <SuccessMessage>
        Counted again: the result is identical to the previous count (the result fingerprint is the same), as it should be.
      </SuccessMessage>
    );
  }
  return (
    <div className="notice notice--problem" role="alert">
      <h2 className="notice__title">This count differs from the previous one</h2>
      <p>
        The same ballots under the same rule always give the same result, so something changed between the two counts. Check the
        ballots and the cycle’s settings before you publish.
      </p>
    </div>
  );
}

function Counting({ cycle }: { cycle: Cycle }) {
  const results = useResults(cycle.id);
  const tally = useTally();
  const publish = usePublishResults();
  const [outcome, setOutcome] = useState<RecountOutcome | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<FormErrors<never>>(NO_ERRORS);
  const publishButton = useRef<HTMLButtonElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const publishedNotice = useRef<HTMLDivElement>(null);

  const stored = results.isSuccess ? results.data : null;
  const published = stored?.status === 'published' || phaseIndex(cycle.phase) >= phaseIndex('results');
  const canCount = cycle.phase === 'counting' && !published;

  // Buttons stay focusable while a request runs (a disabled button would drop keyboard focus);
  // a second press is ignored instead.
  const busy = tally.isPending || publish.isPending;

  function count() {
    if (busy) return;
    const previous = stored?.resultHash ?? null;
    setErrors(NO_ERRORS);
    setConfirming(false);
    tally.mutate(cycle.id, {
      onSuccess: (next) => setOutcome(compareCounts(previous, next.resultHash)),
      onError: (error) => setErrors(errorsFromApi(error, [])),
    });
  }

  function askToPublish() {
    if (busy) return;
    setErrors(NO_ERRORS);
    setConfirming(true);
    // Wait for the confirmation to render, then take the reader to it.
    requestAnimationFrame(() => confirmHeading.current?.focus());
  }

  function cancelPublish() {
    if (busy) return;
    setConfirming(false);
    requestAnimationFrame(() => publishButton.current?.focus());
  }

  function confirmPublish() {
    if (busy) return;
    setErrors(NO_ERRORS);
    publish.mutate(cycle.id, {
      onSuccess: () => {
        setConfirming(false);
        // The confirmation that had focus is gone: take the reader to the news instead.
        requestAnimationFrame(() => publishedNotice.current?.focus());
      },
      onError: (error) => {
        setConfirming(false);
        setErrors(errorsFromApi(error, []));
      },
    });
  }

  return (
    <Page title={`Count the votes: ${cycle.name}`} lead={`Now: ${PHASE_LABELS[cycle.phase]}.`}>
      <ErrorSummary errors={errors} fields={{}} />
      {publish.isSuccess ? (
        <div ref={publishedNotice} className="notice notice--success" role="status" tabIndex={-1}>
          <p>
            The results of {cycle.name} are published. <Link to={resultsPath(cycle.id)}>See the public results page</Link>.
          </p>
        </div>
      ) : null}
      {!publish.isSuccess && outcome ? <RecountMessage outcome={outcome} /> : null}

      <section aria-labelledby="what-title">
        <h2 id="what-title">What counting does</h2>
        <p>
          Counting applies this cycle’s rule, <strong>{RULE_NAMES[cycle.tally.rule]}</strong>, to the ballots of each pot and works
          out which projects are funded. Nothing is public yet: you check the result here first.
        </p>
        <p>
          Counting the same ballots again always gives exactly the same result, so you can count again to check it. When you
          publish, everyone can see the results with a step-by-step explanation and download the ballots, with nothing that says
          who cast them, to count them again themselves. Published results cannot be changed.
        </p>
      </section>

      {published ? (
        <p>
          These results have been published. <Link to={resultsPath(cycle.id)}>See the results page</Link>.
        </p>
      ) : null}
      {!canCount && !published ? (
        <p>
          Votes can be counted once voting has closed and the cycle has moved on to the counting phase.{' '}
          <Link to={`/admin/cycles/${cycle.id}`}>Manage this cycle</Link>.
        </p>
      ) : null}

      {canCount ? (
        <div className="button-row">
          <button type="button" className={stored ? 'button button--secondary' : 'button'} onClick={count} aria-disabled={busy || undefined}>
            {stored ? 'Count again' : 'Count the votes'}
          </button>
          {stored && !confirming ? (
            <button ref={publishButton} type="button" className="button" onClick={askToPublish} aria-disabled={busy || undefined}>
              Publish results
            </button>
          ) : null}
        </div>
      ) : null}
      {tally.isPending ? <StatusMessage>Counting the votes…</StatusMessage> : null}

      {canCount && stored && confirming ? (
        <section className="panel panel--highlight" aria-labelledby="confirm-title">
          <h2 id="confirm-title" ref={confirmHeading} tabIndex={-1}>
            Publish the results of {cycle.name}?
          </h2>
          <p>
            Everyone will be able to see these results and download the ballots. The count cannot be changed or done again
            afterwards, and the cycle moves on to the {PHASE_LABELS.results} phase.
          </p>
          <p>
            You are publishing the count with result fingerprint <code className="break">{stored.resultHash}</code>.
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={confirmPublish} aria-disabled={busy || undefined}>
              Yes, publish the results
            </button>
            <button type="button" className="button button--secondary" onClick={cancelPublish} aria-disabled={busy || undefined}>
              Cancel
            </button>
          </div>
          {publish.isPending ? <StatusMessage>Publishing the results…</StatusMessage> : null}
        </section>
      ) : null}

      <section aria-labelledby="stored-title">
        <h2 id="stored-title">{published ? 'The published count' : 'The stored count'}</h2>
        {results.isPending ? <StatusMessage>Loading the stored count…</StatusMessage> : null}
        {results.isError && isNotAvailable(results.error) ? <p>The votes of this cycle have not been counted yet.</p> : null}
        {results.isError && !isNotAvailable(results.error) ? (
          <ProblemMessage title="We could not load the stored count">{results.error.message}</ProblemMessage>
        ) : null}
        {stored ? (
          <>
            {stored.publishedAt ? <p>Published {formatTimestamp(stored.publishedAt)}.</p> : null}
            <CountReview results={stored} />
          </>
        ) : null}
      </section>
    </Page>
  );
}

/** Admins count a cycle's votes, check the stored result, count again if they like, then publish it. */
export function AdminCountPage() {
  const { cycleId = '' } = useParams();
  return (
    <RequireRole roles={['admin']} title="Count the votes">
      <WithCycle
        cycleId={cycleId}
        title="Count the votes"
        whenMissing={
          <p>
            <Link to="/admin/cycles">Manage cycles</Link>
          </p>
        }
      >
        {(cycle) => <Counting cycle={cycle} />}
      </WithCycle>
    </RequireRole>
  );
}
