import type { Cycle, Proposal, ProposalCreate } from '@allot/shared';
import { Link, useNavigate, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { useCurrentUser } from '../../features/auth/api/get-current-user';
import { ProblemMessage, StatusMessage } from '../../components/messages';
import { useCycle } from '../../features/cycles/api/get-cycle';
import { PHASE_LABELS } from '../../features/cycles/format';
import { useCreateProposal } from '../../features/proposals/api/create-proposal';
import { useProposal } from '../../features/proposals/api/get-proposal';
import { useUpdateProposal } from '../../features/proposals/api/update-proposal';
import { ProposalForm } from '../../features/proposals/components/ProposalForm';
import { RequireRole } from '../RequireRole';

/** Set when the form sends the author to the proposal page. */
export interface ProposalSavedState {
  savedProposal?: 'created' | 'updated';
}

function NewProposal({ cycle }: { cycle: Cycle }) {
  const createProposal = useCreateProposal();
  const navigate = useNavigate();
  if (cycle.phase !== 'proposals') {
    return (
      <Page title="Ideas are not being collected">
        <p>
          {cycle.name} is in the {PHASE_LABELS[cycle.phase]} phase. New ideas can only be submitted in the Ideas phase.
        </p>
        <p>
          <Link to={`/cycles/${cycle.id}`}>Back to {cycle.name}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title="Submit an idea" lead={`For ${cycle.name}. You can change it until the council checks begin.`}>
      <ProposalForm
        pots={cycle.pots}
        canChangeArea
        submitLabel="Submit idea"
        pending={createProposal.isPending}
        onSubmit={async (proposal) => {
          const created = await createProposal.mutateAsync({ cycleId: cycle.id, proposal: proposal as ProposalCreate });
          const state: ProposalSavedState = { savedProposal: 'created' };
          await navigate(`/proposals/${created.id}`, { state });
        }}
      />
      <p>
        <Link to={`/cycles/${cycle.id}`}>Back to {cycle.name}</Link>
      </p>
    </Page>
  );
}

function EditProposal({ proposal, cycle }: { proposal: Proposal; cycle: Cycle }) {
  const updateProposal = useUpdateProposal();
  const navigate = useNavigate();
  const back = (
    <p>
      <Link to={`/proposals/${proposal.id}`}>Back to the idea</Link>
    </p>
  );
  if (!proposal.isAuthor) {
    return (
      <Page title="You cannot change this idea">
        <p>Only the authors of an idea can change it.</p>
        {back}
      </Page>
    );
  }
  if (cycle.phase !== 'proposals' && cycle.phase !== 'deliberation') {
    return (
      <Page title="This idea can no longer be changed">
        <p>Ideas can be changed until the council checks begin. {cycle.name} is now in the {PHASE_LABELS[cycle.phase]} phase.</p>
        {back}
      </Page>
    );
  }
  return (
    <Page title={`Change ${proposal.title}`}>
      <ProposalForm
        proposal={proposal}
        pots={cycle.pots}
        canChangeArea={cycle.phase === 'proposals'}
        submitLabel="Save changes"
        pending={updateProposal.isPending}
        onSubmit={async (changes) => {
          await updateProposal.mutateAsync({ id: proposal.id, changes });
          const state: ProposalSavedState = { savedProposal: 'updated' };
          await navigate(`/proposals/${proposal.id}`, { state });
        }}
      />
      {back}
    </Page>
  );
}

function Loading({ title, what }: { title: string; what: string }) {
  return (
    <Page title={title}>
      <StatusMessage>Loading {what}…</StatusMessage>
    </Page>
  );
}

function NewProposalLoader({ cycleId }: { cycleId: string }) {
  const cycle = useCycle(cycleId);
  if (cycle.isPending) return <Loading title="Submit an idea" what="the cycle" />;
  if (cycle.isError) {
    return (
      <Page title="Submit an idea">
        <ProblemMessage title="We could not show this cycle">{cycle.error.message}</ProblemMessage>
      </Page>
    );
  }
  return <NewProposal cycle={cycle.data} />;
}

function EditProposalLoader({ proposalId }: { proposalId: string }) {
  // Inside RequireRole, so the account is known.
  const { data: user } = useCurrentUser();
  const proposal = useProposal(proposalId, user?.id ?? 'anonymous');
  const cycle = useCycle(proposal.data?.cycleId);
  if (proposal.isError) {
    return (
      <Page title="Change an idea">
        <ProblemMessage title="We could not show this idea">{proposal.error.message}</ProblemMessage>
      </Page>
    );
  }
  if (proposal.isPending || cycle.isPending) return <Loading title="Change an idea" what="the idea" />;
  if (cycle.isError) {
    return (
      <Page title="Change an idea">
        <ProblemMessage title="We could not show this idea">{cycle.error.message}</ProblemMessage>
      </Page>
    );
  }
  return <EditProposal key={proposal.data.updatedAt} proposal={proposal.data} cycle={cycle.data} />;
}

export function NewProposalPage() {
  const { cycleId = '' } = useParams();
  return (
    <RequireRole roles={['resident']} title="Submit an idea">
      <NewProposalLoader cycleId={cycleId} />
    </RequireRole>
  );
}

export function EditProposalPage() {
  const { proposalId = '' } = useParams();
  return (
    <RequireRole roles={['resident']} title="Change an idea">
      <EditProposalLoader proposalId={proposalId} />
    </RequireRole>
  );
}
