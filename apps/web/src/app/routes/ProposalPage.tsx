import type { Cycle, Me, Proposal } from '@allot/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage, SuccessMessage } from '../../components/messages';
import { useCurrentUser } from '../../features/auth/api/get-current-user';
import { useCycle } from '../../features/cycles/api/get-cycle';
import { PHASE_LABELS } from '../../features/cycles/format';
import { CommentThread } from '../../features/deliberation/components/CommentThread';
import { SupportButton } from '../../features/deliberation/components/SupportButton';
import { useProposal } from '../../features/proposals/api/get-proposal';
import { proposalKeys } from '../../features/proposals/api/keys';
import { useWithdrawProposal } from '../../features/proposals/api/withdraw-proposal';
import { ProposalDetails } from '../../features/proposals/components/ProposalDetails';
import { useProjectDelivery } from '../../features/implementation/api/get-project-delivery';
import type { ProposalSavedState } from './ProposalFormPage';

const BEFORE_FEASIBILITY = ['proposals', 'deliberation'];
const BEFORE_VOTING = ['proposals', 'deliberation', 'feasibility'];
const CLOSED_STATUSES = ['withdrawn', 'merged'];
const AFTER_RESULTS = ['results', 'implementation', 'closed'];

/** A funded project links to its delivery page (only funded projects have one: others answer 404). */
function DeliveryLink({ proposal, cycle }: { proposal: Proposal; cycle: Cycle }) {
  const couldBeFunded = AFTER_RESULTS.includes(cycle.phase) && ['feasible', 'feasible_with_changes'].includes(proposal.status);
  const delivery = useProjectDelivery(proposal.id, { enabled: couldBeFunded });
  if (!couldBeFunded || !delivery.data) return null;
  return (
    <section className="panel panel--highlight" aria-labelledby="delivery-title">
      <h2 id="delivery-title">This project was funded</h2>
      <p>
        <Link to={`/projects/${proposal.id}/delivery`}>See how this project is being delivered</Link> ({delivery.data.progress}% done)
      </p>
    </section>
  );
}

function AuthorActions({ proposal, cycle }: { proposal: Proposal; cycle: Cycle }) {
  const withdraw = useWithdrawProposal();
  const [confirming, setConfirming] = useState(false);
  if (!proposal.isAuthor || CLOSED_STATUSES.includes(proposal.status)) return null;
  const canEdit = BEFORE_FEASIBILITY.includes(cycle.phase);
  const canWithdraw = BEFORE_VOTING.includes(cycle.phase);
  if (!canEdit && !canWithdraw) return null;
  return (
    <section className="panel" aria-labelledby="author-title">
      <h2 id="author-title">Your idea</h2>
      {canEdit ? (
        <p>
          <Link to={`/proposals/${proposal.id}/edit`}>Change your idea</Link> (until the council checks begin)
        </p>
      ) : null}
      {withdraw.isError ? <ProblemMessage title="Your idea was not withdrawn">{withdraw.error.message}</ProblemMessage> : null}
      {canWithdraw ? (
        confirming ? (
          <div role="group" aria-labelledby="withdraw-text">
            <p id="withdraw-text">Withdraw this idea? It will no longer be considered, and this cannot be undone.</p>
            <div className="button-row">
              <button type="button" className="button button--warning" disabled={withdraw.isPending} onClick={() => withdraw.mutate(proposal.id, { onSettled: () => setConfirming(false) })}>
                Yes, withdraw it
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
            Withdraw your idea
          </button>
        )
      ) : null}
    </section>
  );
}

function ProposalContent({ proposal, cycle, user }: { proposal: Proposal; cycle: Cycle; user: Me | null }) {
  const queryClient = useQueryClient();
  const state = useLocation().state as ProposalSavedState | null;
  const roles = user?.roles ?? [];
  const isResident = roles.includes('resident');
  const isStaff = roles.includes('staff');
  const inDeliberation = cycle.phase === 'deliberation';
  const open = !CLOSED_STATUSES.includes(proposal.status);
  const pot = cycle.pots.find((candidate) => candidate.id === proposal.potId);
  const areaName = pot ? (pot.wardId === null ? `${pot.name} (whole area)` : pot.name) : 'Unknown area';
  return (
    <Page title={proposal.title} lead={`An idea for ${cycle.name}. Now: ${PHASE_LABELS[cycle.phase]}.`}>
      {state?.savedProposal === 'created' ? <SuccessMessage>Your idea has been submitted. Thank you!</SuccessMessage> : null}
      {state?.savedProposal === 'updated' ? <SuccessMessage>Your changes have been saved.</SuccessMessage> : null}
      <p>
        <Link to={`/cycles/${cycle.id}/proposals`}>All ideas in {cycle.name}</Link>
      </p>
      <SupportButton
        proposalId={proposal.id}
        title={proposal.title}
        supported={proposal.supportedByMe}
        count={proposal.supportCount}
        canSupport={isResident && inDeliberation && open}
        onChanged={() => queryClient.invalidateQueries({ queryKey: proposalKeys.all })}
      />
      {isStaff && cycle.phase === 'feasibility' && !['submitted', 'not_shortlisted', ...CLOSED_STATUSES].includes(proposal.status) ? (
        <p>
          <Link to={`/proposals/${proposal.id}/review`}>{proposal.feasibility ? 'Revise the verdict' : 'Record the verdict'}</Link>
        </p>
      ) : null}
      <DeliveryLink proposal={proposal} cycle={cycle} />
      <ProposalDetails proposal={proposal} currency={cycle.currency} areaName={areaName} />
      <AuthorActions proposal={proposal} cycle={cycle} />
      <CommentThread
        proposalId={proposal.id}
        viewer={user?.id ?? 'anonymous'}
        canComment={isResident && inDeliberation && open}
        canFlag={isResident}
        canModerate={isStaff}
      />
      {!user && inDeliberation ? (
        <p>
          <Link to={`/sign-in?next=${encodeURIComponent(`/proposals/${proposal.id}`)}`}>Sign in</Link> to comment on and support this
          idea.
        </p>
      ) : null}
    </Page>
  );
}

export function ProposalPage() {
  const { proposalId = '' } = useParams();
  const currentUser = useCurrentUser();
  const viewer = currentUser.isPending ? undefined : (currentUser.data?.id ?? 'anonymous');
  const proposal = useProposal(proposalId, viewer);
  const cycle = useCycle(proposal.data?.cycleId);
  if (proposal.isError || cycle.isError) {
    const message = proposal.error?.message ?? cycle.error?.message ?? '';
    return (
      <Page title={message === 'No proposal with this id' ? 'Idea not found' : 'Idea'}>
        <ProblemMessage title="We could not show this idea">{message}</ProblemMessage>
        <p>
          <Link to="/cycles">See all budget cycles</Link>
        </p>
      </Page>
    );
  }
  if (proposal.isPending || cycle.isPending || currentUser.isPending) {
    return (
      <Page title="Idea">
        <StatusMessage>Loading the idea…</StatusMessage>
      </Page>
    );
  }
  return <ProposalContent proposal={proposal.data} cycle={cycle.data} user={currentUser.data ?? null} />;
}
