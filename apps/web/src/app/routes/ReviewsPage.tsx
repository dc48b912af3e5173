import type { Cycle } from '@allot/shared';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage, SuccessMessage } from '../../components/messages';
import { offsetIn, pageHref } from '../../lib/paging';
import { useCycles } from '../../features/cycles/api/list-cycles';
import { CycleList } from '../../features/cycles/components/CycleList';
import { PHASE_LABELS } from '../../features/cycles/format';
import { REVIEWS_PAGE_SIZE, useReviewQueue, type ReviewFilters } from '../../features/reviews/api/review-queue';
import { ReviewQueueFilterForm } from '../../features/reviews/components/ReviewQueueFilterForm';
import { ReviewQueueTable } from '../../features/reviews/components/ReviewQueueTable';
import { RequireRole } from '../RequireRole';
import { WithCycle } from '../WithCycle';

const STAFF = ['staff', 'admin'] as const;

/** Set by the verdict page when it sends staff back to the queue. */
export interface VerdictSavedState {
  savedVerdict?: string;
}

function ReviewCyclesContent() {
  const cycles = useCycles();
  const checking = cycles.data?.filter((cycle) => cycle.phase === 'feasibility') ?? [];
  const others = cycles.data?.filter((cycle) => cycle.phase !== 'feasibility' && cycle.phase !== 'draft') ?? [];
  const queueLink = (cycle: { id: string }) => `/cycles/${cycle.id}/reviews`;
  return (
    <Page title="Feasibility reviews" lead="Check whether shortlisted ideas can be done and what they would really cost.">
      {cycles.isPending ? <StatusMessage>Loading cycles…</StatusMessage> : null}
      {cycles.isError ? <ProblemMessage title="We could not load the cycles">{cycles.error.message}</ProblemMessage> : null}
      {cycles.data ? (
        <>
          <h2>In the council checks phase</h2>
          {checking.length === 0 ? <p>No cycle is in the council checks phase now.</p> : <CycleList cycles={checking} linkTo={queueLink} headingLevel={3} />}
          {others.length > 0 ? (
            <>
              <h2>Other cycles</h2>
              <CycleList cycles={others} linkTo={queueLink} headingLevel={3} />
            </>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

function ReviewQueueContent({ cycle }: { cycle: Cycle }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: ReviewFilters = {
    potId: searchParams.get('potId') ?? undefined,
    status: (searchParams.get('status') ?? undefined) as ReviewFilters['status'],
    reviewed: (searchParams.get('reviewed') ?? undefined) as ReviewFilters['reviewed'],
  };
  const offset = offsetIn(searchParams);
  const queue = useReviewQueue(cycle.id, filters, offset);
  const state = useLocation().state as VerdictSavedState | null;
  const areaName = (potId: string) => cycle.pots.find((pot) => pot.id === potId)?.name ?? 'Unknown area';
  const pageLink = (pageOffset: number) => pageHref(searchParams, pageOffset);
  return (
    <Page title={`Review queue: ${cycle.name}`} lead={`Now: ${PHASE_LABELS[cycle.phase]}. Verdicts can be recorded in the council checks phase.`}>
      {state?.savedVerdict ? <SuccessMessage>The verdict on {state.savedVerdict} has been saved and published.</SuccessMessage> : null}
      <p>
        <Link to={`/cycles/${cycle.id}`}>About {cycle.name}</Link> · <Link to="/reviews">All review queues</Link>
      </p>
      <ReviewQueueFilterForm
        pots={cycle.pots}
        filters={filters}
        onApply={(next) => setSearchParams(Object.fromEntries(Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1]))))}
      />
      {queue.isError ? <ProblemMessage title="We could not load the queue">{queue.error.message}</ProblemMessage> : null}
      <p className="results-count" role="status" aria-live="polite">
        {queue.isPending
          ? 'Loading the queue…'
          : queue.data
            ? `${queue.data.total === 1 ? '1 proposal matches' : `${queue.data.total} proposals match`}. ${queue.data.unreviewed} shortlisted ${queue.data.unreviewed === 1 ? 'proposal is' : 'proposals are'} still waiting for a verdict.`
            : ''}
      </p>
      {queue.data && queue.data.items.length > 0 ? <ReviewQueueTable items={queue.data.items} currency={cycle.currency} areaName={areaName} /> : null}
      {queue.data && (offset > 0 || offset + queue.data.items.length < queue.data.total) ? (
        <nav className="pagination" aria-label="Pages of the queue">
          {offset > 0 ? <Link to={pageLink(Math.max(0, offset - REVIEWS_PAGE_SIZE))}>Previous {REVIEWS_PAGE_SIZE}</Link> : null}
          {offset + queue.data.items.length < queue.data.total ? <Link to={pageLink(offset + REVIEWS_PAGE_SIZE)}>Next {REVIEWS_PAGE_SIZE}</Link> : null}
        </nav>
      ) : null}
    </Page>
  );
}

export function ReviewCyclesPage() {
  return (
    <RequireRole roles={STAFF} title="Feasibility reviews">
      <ReviewCyclesContent />
    </RequireRole>
  );
}

export function ReviewQueuePage() {
  const { cycleId = '' } = useParams();
  return (
    <RequireRole roles={STAFF} title="Review queue">
      <WithCycle cycleId={cycleId} title="Review queue">
        {(cycle) => <ReviewQueueContent cycle={cycle} />}
      </WithCycle>
    </RequireRole>
  );
}
