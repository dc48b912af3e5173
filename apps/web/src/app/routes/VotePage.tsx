import type { CastBallotResponse, Cycle, MyBallot, PotSelection } from '@allot/shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage, SuccessMessage } from '../../components/messages';
import type { FormErrors } from '../../lib/form-errors';
import { useCycle } from '../../features/cycles/api/get-cycle';
import { formatDate, formatMoney } from '../../features/cycles/format';
import { draftFromSelections, type BallotDraft } from '../../features/voting/ballot-model';
import { newIdempotencyKey, useCastBallot } from '../../features/voting/api/cast-ballot';
import { useMyBallot } from '../../features/voting/api/get-my-ballot';
import { BallotEditor } from '../../features/voting/components/BallotEditor';
import { BallotReview } from '../../features/voting/components/BallotReview';
import { BallotSummary } from '../../features/voting/components/BallotSummary';
import { ReceiptCard } from '../../features/voting/components/ReceiptCard';
import { ballotErrorsFromApi } from '../../features/voting/errors';
import { RequireRole } from '../RequireRole';

type Step =
  | { name: 'overview' }
  | { name: 'choose' }
  | { name: 'review'; selections: PotSelection[]; idempotencyKey: string }
  | { name: 'cast'; answer: CastBallotResponse };

function Ballot({ cycle, ballot }: { cycle: Cycle; ballot: MyBallot }) {
  const money = (amount: number) => formatMoney(amount, cycle.currency);
  const current = ballot.current;
  const [step, setStep] = useState<Step>(current === null && ballot.open ? { name: 'choose' } : { name: 'overview' });
  const [draft, setDraft] = useState<BallotDraft>(() => (current ? draftFromSelections(current.selections) : {}));
  const [errors, setErrors] = useState<FormErrors<string> | null>(null);
  const cast = useCastBallot();
  const title = `Vote in ${cycle.name}`;

  if (!ballot.eligibility.eligible) {
    return (
      <Page title={title}>
        <div className="notice notice--problem">
          <h2 className="notice__title">You cannot vote in this cycle</h2>
          <ul>
            {ballot.eligibility.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
        <p>
          <Link to="/account">Check your account details</Link> or <Link to={`/cycles/${cycle.id}`}>go back to {cycle.name}</Link>.
        </p>
      </Page>
    );
  }

  if (step.name === 'cast') {
    const answer = step.answer;
    return (
      <Page title="Your vote has been cast" heading="Your vote has been cast">
        <SuccessMessage>Thank you for voting in {cycle.name}. Only your latest ballot counts.</SuccessMessage>
        <ReceiptCard receipt={answer.receipt} castAt={answer.castAt} channel="online" contentHash={answer.contentHash} />
        <h2>What you chose</h2>
        <BallotSummary pots={ballot.pots} selections={answer.selections} money={money} />
        <div className="button-row">
          {ballot.open ? (
            <button type="button" className="button button--secondary" onClick={() => setStep({ name: 'choose' })}>
              Change my vote
            </button>
          ) : null}
          <Link className="button button--secondary" to={`/receipts?cycle=${cycle.id}`}>
            Check a receipt
          </Link>
        </div>
      </Page>
    );
  }

  if (step.name === 'overview' || !ballot.open) {
    return (
      <Page title={title}>
        {!ballot.open ? (
          <div className="notice">
            <h2 className="notice__title">Voting is not open</h2>
            <p>
              {ballot.window
                ? `Voting runs from ${formatDate(ballot.window.start)} to ${formatDate(ballot.window.end)}.`
                : 'Voting is not open in this cycle at the moment.'}
            </p>
          </div>
        ) : null}
        {current ? (
          <>
            <h2>You have voted</h2>
            <ReceiptCard receipt={current.receipt} castAt={current.castAt} channel={current.channel} contentHash={current.contentHash} />
            <h3>What you chose</h3>
            <BallotSummary pots={ballot.pots} selections={current.selections} money={money} />
            {current.channel === 'paper' ? (
              <p>Your paper ballot has been counted. It cannot be changed online.</p>
            ) : ballot.open ? (
              <p>
                <button type="button" className="button" onClick={() => setStep({ name: 'choose' })}>
                  Change my vote
                </button>
              </p>
            ) : null}
          </>
        ) : ballot.open ? null : (
          <p>You have not voted in this cycle.</p>
        )}
        {!ballot.open && ballot.phase !== 'voting' ? (
          <p>
            <Link to={`/receipts?cycle=${cycle.id}`}>Check your receipt on the receipts board</Link>
          </p>
        ) : null}
      </Page>
    );
  }

  if (step.name === 'review') {
    const submit = () => {
      setErrors(null);
      cast.mutate(
        { cycleId: cycle.id, selections: step.selections, idempotencyKey: step.idempotencyKey },
        {
          onSuccess: (answer) => setStep({ name: 'cast', answer }),
          onError: (error) => setErrors(ballotErrorsFromApi(error, step.selections)),
        },
      );
    };
    return (
      <Page title={`Check your vote – ${cycle.name}`} heading={title}>
        <BallotReview
          pots={ballot.pots}
          selections={step.selections}
          money={money}
          casting={cast.isPending}
          errors={errors}
          onCast={submit}
          onBack={() => setStep({ name: 'choose' })}
          castLabel={current ? 'Replace my vote' : 'Cast my vote'}
          note={current ? 'This ballot will replace the one you cast before. Only your latest ballot counts.' : undefined}
        />
      </Page>
    );
  }

  return (
    <Page title={title} lead={ballot.window ? `Voting is open until the end of ${formatDate(ballot.window.end)}.` : undefined}>
      {current ? <p>You have already voted. Any changes you cast now replace your earlier ballot.</p> : null}
      <BallotEditor
        settings={ballot.settings}
        pots={ballot.pots}
        draft={draft}
        onDraftChange={setDraft}
        money={money}
        serverErrors={errors ?? undefined}
        onReview={(selections) => {
          setErrors(null);
          // A new key for every attempt at a new ballot; retries of this one reuse it.
          setStep({ name: 'review', selections, idempotencyKey: newIdempotencyKey() });
        }}
      />
    </Page>
  );
}

function VoteContent({ cycleId }: { cycleId: string }) {
  const cycle = useCycle(cycleId);
  const ballot = useMyBallot(cycleId);
  if (cycle.isPending || ballot.isPending) {
    return (
      <Page title="Vote">
        <StatusMessage>Loading your ballot…</StatusMessage>
      </Page>
    );
  }
  const problem = cycle.error ?? ballot.error;
  if (problem || !cycle.data || !ballot.data) {
    return (
      <Page title="Vote">
        <ProblemMessage title="We could not show your ballot">{problem?.message ?? 'Please try again.'}</ProblemMessage>
        <p>
          <Link to={`/cycles/${cycleId}`}>Go back to the cycle</Link>
        </p>
      </Page>
    );
  }
  return <Ballot cycle={cycle.data} ballot={ballot.data} />;
}

export function VotePage() {
  const { cycleId = '' } = useParams();
  return (
    <RequireRole title="Vote">
      <VoteContent cycleId={cycleId} />
    </RequireRole>
  );
}
