import { PROPOSAL_CATEGORY_LABELS, type Proposal } from '@allot/shared';
import { formatDay, formatMoney, STATUS_LABELS } from '../format';
import { FeasibilityOutcome } from './FeasibilityOutcome';
import { Markdown } from './Markdown';

interface ProposalDetailsProps {
  proposal: Proposal;
  currency: string;
  /** The name of the proposal's pot (ward or city-wide). */
  areaName: string;
}

const numberFormat = new Intl.NumberFormat('en-GB');

/** Everything public about one proposal. The description is the author's Markdown, rendered inert. */
export function ProposalDetails({ proposal, currency, areaName }: ProposalDetailsProps) {
  const contribution = proposal.contribution;
  const contributionParts = [
    contribution?.volunteerHours ? `${numberFormat.format(contribution.volunteerHours)} volunteer hours` : null,
    contribution?.inKindGoods ? `Goods or services: ${contribution.inKindGoods}` : null,
    contribution?.matchFunding ? `Match funding: ${formatMoney(contribution.matchFunding, currency)}` : null,
  ].filter((part): part is string => part !== null);
  return (
    <>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Status</dt>
          <dd>{STATUS_LABELS[proposal.status]}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Estimated cost</dt>
          <dd>{formatMoney(proposal.estimatedCost, currency)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Area</dt>
          <dd>{areaName}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Category</dt>
          <dd>{PROPOSAL_CATEGORY_LABELS[proposal.category]}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Location</dt>
          <dd>{proposal.location?.description || 'Not given'}</dd>
        </div>
        <div className="summary-list__row">
          <dt>What the authors bring</dt>
          <dd>
            {contributionParts.length === 0 ? (
              'Nothing offered'
            ) : (
              <ul className="plain-list">
                {contributionParts.map((part) => (
                  <li key={part}>{part}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{proposal.authors.length === 1 ? 'Author' : 'Authors'}</dt>
          <dd>{proposal.authors.map((author) => author.displayName).join(', ')}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Submitted</dt>
          <dd>{formatDay(proposal.createdAt)}</dd>
        </div>
      </dl>
      <h2>The idea</h2>
      <Markdown>{proposal.description}</Markdown>
      {proposal.feasibility ? <FeasibilityOutcome feasibility={proposal.feasibility} currency={currency} /> : null}
    </>
  );
}
