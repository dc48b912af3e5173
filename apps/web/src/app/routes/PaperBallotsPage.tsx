import type { Cycle, PaperBallotResponse, PotSelection, VoterSummary, Ward } from '@allot/shared';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage, SuccessMessage } from '../../components/messages';
import type { FormErrors } from '../../lib/form-errors';
import { useCycle } from '../../features/cycles/api/get-cycle';
import { formatMoney } from '../../features/cycles/format';
import { useEnterPaperBallot } from '../../features/paper-ballots/api/enter-paper-ballot';
import { useBallotProjects } from '../../features/paper-ballots/api/get-ballot-projects';
import { useVoterSearch } from '../../features/paper-ballots/api/search-voters';
import { VoterCard } from '../../features/paper-ballots/components/VoterCard';
import { VoterSearchForm } from '../../features/paper-ballots/components/VoterSearchForm';
import { residentPots, votingWardOf } from '../../features/paper-ballots/resident-pots';
import { useWards } from '../../features/wards/api/list-wards';
import type { BallotDraft } from '../../features/voting/ballot-model';
import { BallotEditor } from '../../features/voting/components/BallotEditor';
import { BallotReview } from '../../features/voting/components/BallotReview';
import { ReceiptCard } from '../../features/voting/components/ReceiptCard';
import { ballotErrorsFromApi } from '../../features/voting/errors';
import { RequireRole } from '../RequireRole';

type Entry =
  | { step: 'choose'; voter: VoterSummary }
  | { step: 'review'; voter: VoterSummary; selections: PotSelection[] }
  | { step: 'done'; voter: VoterSummary; answer: PaperBallotResponse };

function Desk({ cycle, wards }: { cycle: Cycle; wards: Ward[] }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const search = useVoterSearch(cycle.id, q);
  const projects = useBallotProjects(cycle.id);
  const enter = useEnterPaperBallot();
  const [entry, setEntry] = useState<Entry | null>(null);
  const [draft, setDraft] = useState<BallotDraft>({});
  const [errors, setErrors] = useState<FormErrors<string> | null>(null);
  const money = (amount: number) => formatMoney(amount, cycle.currency);
  const title = `Paper ballots – ${cycle.name}`;

  if (projects.isPending) {
    return (
      <Page title={title}>
        <StatusMessage>Loading the ballot…</StatusMessage>
      </Page>
    );
  }
  if (projects.isError) {
    return (
      <Page title={title}>
        <ProblemMessage title="We could not load the ballot">{projects.error.message}</ProblemMessage>
      </Page>
    );
  }

  const potsFor = (voter: VoterSummary) => residentPots(voter, cycle.eligibility, cycle.pots, projects.data);
  const blockedReason = (voter: VoterSummary): string | null => {
    if (cycle.phase !== 'voting') return 'Paper ballots can only be entered while the cycle is in voting.';
    if (votingWardOf(voter, cycle.eligibility) === null) {
      return cycle.eligibility.wardEstablishment === 'verified'
        ? 'Verify this resident’s home ward (below) before entering their ballot.'
        : 'This resident has no home ward: verify it (below) before entering their ballot.';
    }
    if (potsFor(voter).length === 0) return 'This resident’s ward is not part of this cycle, so they cannot vote in it.';
    return null;
  };

  if (entry !== null) {
    const pots = potsFor(entry.voter);
    const who = entry.voter.displayName;
    if (entry.step === 'done') {
      return (
        <Page title="Paper ballot entered">
          <SuccessMessage>The paper ballot of {who} has been entered and will be counted.</SuccessMessage>
          <p>Give the resident this receipt code so they can check later that their ballot was counted.</p>
          <ReceiptCard receipt={entry.answer.receipt} castAt={entry.answer.castAt} channel="paper" contentHash={entry.answer.contentHash} />
          <p>
            <button type="button" className="button" onClick={() => setEntry(null)}>
              Enter another paper ballot
            </button>
          </p>
        </Page>
      );
    }
    if (entry.step === 'review') {
      const submit = () => {
        setErrors(null);
        enter.mutate(
          { cycleId: cycle.id, userId: entry.voter.id, selections: entry.selections },
          {
            onSuccess: (answer) => setEntry({ step: 'done', voter: entry.voter, answer }),
            onError: (error) => setErrors(ballotErrorsFromApi(error, entry.selections)),
          },
        );
      };
      return (
        <Page title={`Check the paper ballot of ${who}`}>
          <BallotReview
            pots={pots}
            selections={entry.selections}
            money={money}
            casting={enter.isPending}
            errors={errors}
            onCast={submit}
            onBack={() => setEntry({ step: 'choose', voter: entry.voter })}
            castLabel="Enter this paper ballot"
            note="Check every choice against the paper ballot before you enter it: it cannot be changed afterwards."
          />
        </Page>
      );
    }
    return (
      <Page title={`Paper ballot of ${who}`} lead="Copy the choices from the paper ballot exactly as the resident marked them.">
        <p>
          <button type="button" className="link-button" onClick={() => setEntry(null)}>
            Back to the resident search
          </button>
        </p>
        <BallotEditor
          settings={cycle.ballot}
          pots={pots}
          draft={draft}
          onDraftChange={setDraft}
          money={money}
          idPrefix="paper"
          serverErrors={errors ?? undefined}
          submitLabel="Check the paper ballot"
          onReview={(selections) => {
            setErrors(null);
            setEntry({ step: 'review', voter: entry.voter, selections });
          }}
        />
      </Page>
    );
  }

  return (
    <Page title={title} heading={`Paper ballots: ${cycle.name}`} lead="Find the resident, check they have not voted yet, then type in their paper ballot.">
      <VoterSearchForm initialQuery={q} onSearch={(next) => setSearchParams({ q: next })} />
      {search.isFetching && search.isPending ? <StatusMessage>Searching…</StatusMessage> : null}
      {search.isError ? <ProblemMessage title="We could not search">{search.error.message}</ProblemMessage> : null}
      {search.isSuccess ? (
        search.data.length === 0 ? (
          <p role="status">No resident matches &ldquo;{q}&rdquo;.</p>
        ) : (
          <section aria-labelledby="voters-title">
            <h2 id="voters-title">
              {search.data.length} {search.data.length === 1 ? 'resident' : 'residents'} found
            </h2>
            <ul className="card-list">
              {search.data.map((voter) => (
                <VoterCard
                  key={voter.id}
                  voter={voter}
                  wards={wards}
                  blockedReason={blockedReason(voter)}
                  onEnterBallot={() => {
                    setDraft({});
                    setErrors(null);
                    setEntry({ step: 'choose', voter });
                  }}
                />
              ))}
            </ul>
          </section>
        )
      ) : null}
      <p>
        <Link to={`/cycles/${cycle.id}`}>About {cycle.name}</Link>
      </p>
    </Page>
  );
}

function DeskLoader({ cycleId }: { cycleId: string }) {
  const cycle = useCycle(cycleId);
  const wards = useWards();
  if (cycle.isPending || wards.isPending) {
    return (
      <Page title="Paper ballots">
        <StatusMessage>Loading the cycle…</StatusMessage>
      </Page>
    );
  }
  if (cycle.isError || wards.isError) {
    return (
      <Page title="Paper ballots">
        <ProblemMessage title="We could not show the paper-ballot desk">{(cycle.error ?? wards.error)?.message}</ProblemMessage>
      </Page>
    );
  }
  return <Desk cycle={cycle.data} wards={wards.data} />;
}

/** The staff desk where paper ballots are typed in, one resident at a time. */
export function PaperBallotsPage() {
  const { cycleId = '' } = useParams();
  return (
    <RequireRole title="Paper ballots" roles={['staff']}>
      <DeskLoader cycleId={cycleId} />
    </RequireRole>
  );
}
