import { PROPOSAL_CATEGORY_LABELS, type Proposal } from '@allot/shared';
import { Link } from 'react-router';
import { formatMoney, STATUS_LABELS } from '../format';

interface ProposalCardsProps {
  proposals: readonly Proposal[];
  currency: string;
  areaName: (potId: string) => string;
}

export function ProposalCards({ proposals, currency, areaName }: ProposalCardsProps) {
  return (
    <ul className="card-list">
      {proposals.map((proposal) => (
        <li key={proposal.id} className="card">
          <h2 className="card__title">
            <Link to={`/proposals/${proposal.id}`}>{proposal.title}</Link>
          </h2>
          <p className="card__meta">
            {areaName(proposal.potId)} · {PROPOSAL_CATEGORY_LABELS[proposal.category]} · {formatMoney(proposal.estimatedCost, currency)}
          </p>
          <p className="card__meta">
            {STATUS_LABELS[proposal.status]} · {proposal.supportCount} {proposal.supportCount === 1 ? 'supporter' : 'supporters'} ·{' '}
            {proposal.commentCount} {proposal.commentCount === 1 ? 'comment' : 'comments'}
          </p>
        </li>
      ))}
    </ul>
  );
}
