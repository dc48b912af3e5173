import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { useCurrentUser } from '../../features/auth/api/get-current-user';
import { ProblemMessage, StatusMessage } from '../../components/messages';
import { useCycle } from '../../features/cycles/api/get-cycle';
import { formatMoney, PHASE_LABELS } from '../../features/cycles/format';
import { useProposal } from '../../features/proposals/api/get-proposal';
import { proposalKeys } from '../../features/proposals/api/keys';
import { useRecordVerdict } from '../../features/reviews/api/record-verdict';
import { useReviewItem } from '../../features/reviews/api/get-review-item';
import { VerdictForm } from '../../features/reviews/components/VerdictForm';
import { RequireRole } from '../RequireRole';
import type { VerdictSavedState } from './ReviewsPage';

function VerdictContent({ proposalId }: { proposalId: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Inside RequireRole, so the account is known.
  const { data: user } = useCurrentUser();
  const proposal = useProposal(proposalId, user?.id ?? 'anonymous');
  const cycle = useCycle(proposal.data?.cycleId);
  const item = useReviewItem(proposalId);
  const recordVerdict = useRecordVerdict(() => queryClient.invalidateQueries({ queryKey: proposalKeys.all }));

  const error = proposal.error ?? cycle.error ?? item.error;
  if (error) {
    return (
      <Page title="Record a verdict">
        <ProblemMessage title="We could not show this proposal">{error.message}</ProblemMessage>
      </Page>
    );
  }
  if (proposal.data === undefined || cycle.data === undefined || item.data === undefined) {
    return (
      <Page title="Record a verdict">
        <StatusMessage>Loading the proposal…</StatusMessage>
      </Page>
    );
  }
  const back = (
    <p>
      <Link to={`/cycles/${cycle.data.id}/reviews`}>Back to the review queue</Link>
    </p>
  );
  if (cycle.data.phase !== 'feasibility' || item.data === null) {
    return (
      <Page title="This proposal cannot be reviewed now">
        <p>
          {item.data === null
            ? 'Only shortlisted proposals are reviewed, and this one is not in the review queue.'
            : `Verdicts are recorded in the council checks phase; ${cycle.data.name} is in the ${PHASE_LABELS[cycle.data.phase]} phase.`}
        </p>
        {back}
      </Page>
    );
  }
  return (
    <Page title={`Verdict on ${proposal.data.title}`} lead={`The residents’ estimate is ${formatMoney(proposal.data.estimatedCost, cycle.data.currency)}.`}>
      <p>
        <Link to={`/proposals/${proposalId}`}>Read the proposal</Link>
      </p>
      <VerdictForm
        key={item.data.review?.reviewedAt ?? 'new'}
        proposalTitle={proposal.data.title}
        currency={cycle.data.currency}
        review={item.data.review}
        pending={recordVerdict.isPending}
        onSubmit={async (review) => {
          await recordVerdict.mutateAsync({ proposalId, review });
          const state: VerdictSavedState = { savedVerdict: proposal.data.title };
          await navigate(`/cycles/${cycle.data.id}/reviews`, { state });
        }}
      />
      {back}
    </Page>
  );
}

export function VerdictPage() {
  const { proposalId = '' } = useParams();
  return (
    <RequireRole roles={['staff']} title="Record a verdict">
      <VerdictContent proposalId={proposalId} />
    </RequireRole>
  );
}
