import type { Cycle } from '@allot/shared';
import { Link, useParams, useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage } from '../../components/messages';
import { offsetIn, pageHref } from '../../lib/paging';
import { useCurrentUser } from '../../features/auth/api/get-current-user';
import { PHASE_LABELS } from '../../features/cycles/format';
import { PROPOSALS_PAGE_SIZE, useProposals, type ProposalFilters } from '../../features/proposals/api/list-proposals';
import { ProposalCards } from '../../features/proposals/components/ProposalCards';
import { ProposalFilterForm } from '../../features/proposals/components/ProposalFilterForm';
import { WithCycle } from '../WithCycle';

const FILTER_NAMES = ['q', 'potId', 'category', 'status', 'sort'] as const;

function ProposalsContent({ cycle }: { cycle: Cycle }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const { data: user } = useCurrentUser();
  const filters: ProposalFilters = {};
  for (const name of FILTER_NAMES) {
    const value = searchParams.get(name);
    if (value) Object.assign(filters, { [name]: value });
  }
  const offset = offsetIn(searchParams);
  const proposals = useProposals(cycle.id, filters, offset);
  const areaName = (potId: string) => cycle.pots.find((pot) => pot.id === potId)?.name ?? 'Unknown area';

  const pageLink = (pageOffset: number) => pageHref(searchParams, pageOffset);
  const apply = (next: ProposalFilters) => {
    const params: Record<string, string> = {};
    for (const name of FILTER_NAMES) {
      const value = next[name];
      if (value) params[name] = value;
    }
    setSearchParams(params);
  };

  return (
    <Page title={`Ideas in ${cycle.name}`} lead={`Now: ${PHASE_LABELS[cycle.phase]}. ${cycle.whatYouCanDoNow}`}>
      <p>
        <Link to={`/cycles/${cycle.id}`}>About {cycle.name}</Link>
        {cycle.phase === 'proposals' && user?.roles.includes('resident') ? (
          <>
            {' · '}
            <Link to={`/cycles/${cycle.id}/proposals/new`}>Submit an idea</Link>
          </>
        ) : null}
      </p>
      <ProposalFilterForm pots={cycle.pots} filters={filters} onApply={apply} />
      {proposals.isError ? <ProblemMessage title="We could not load the ideas">{proposals.error.message}</ProblemMessage> : null}
      {/* Always in the page, so screen readers announce each new count politely. */}
      <p className="results-count" role="status" aria-live="polite">
        {proposals.isPending
          ? 'Loading ideas…'
          : proposals.data
            ? proposals.data.total === 0
              ? 'No ideas match.'
              : `Showing ${offset + 1} to ${offset + proposals.data.proposals.length} of ${proposals.data.total} ${proposals.data.total === 1 ? 'idea' : 'ideas'}.`
            : ''}
      </p>
      {proposals.data && proposals.data.proposals.length > 0 ? (
        <ProposalCards proposals={proposals.data.proposals} currency={cycle.currency} areaName={areaName} />
      ) : null}
      {proposals.data && (offset > 0 || offset + proposals.data.proposals.length < proposals.data.total) ? (
        <nav className="pagination" aria-label="Pages of ideas">
          {offset > 0 ? <Link to={pageLink(Math.max(0, offset - PROPOSALS_PAGE_SIZE))}>Previous {PROPOSALS_PAGE_SIZE} ideas</Link> : null}
          {offset + proposals.data.proposals.length < proposals.data.total ? (
            <Link to={pageLink(offset + PROPOSALS_PAGE_SIZE)}>Next {PROPOSALS_PAGE_SIZE} ideas</Link>
          ) : null}
        </nav>
      ) : null}
    </Page>
  );
}

export function ProposalsPage() {
  const { cycleId = '' } = useParams();
  return (
    <WithCycle cycleId={cycleId} title="Ideas">
      {(cycle) => <ProposalsContent cycle={cycle} />}
    </WithCycle>
  );
}
