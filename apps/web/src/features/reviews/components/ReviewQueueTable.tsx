import type { ReviewQueueItem } from '@allot/shared';
import { Link } from 'react-router';
import { TableRegion } from '../../../components/TableRegion';
import { formatMoney, REVIEW_STATUS_LABELS } from '../format';

interface ReviewQueueTableProps {
  items: readonly ReviewQueueItem[];
  currency: string;
  areaName: (potId: string) => string;
}

export function ReviewQueueTable({ items, currency, areaName }: ReviewQueueTableProps) {
  return (
    <TableRegion label="Proposals to check">
      <table className="table">
        <caption className="table__caption">Proposals to check</caption>
        <thead>
          <tr>
            <th scope="col">Proposal</th>
            <th scope="col">Area</th>
            <th scope="col" className="numeric">
              Residents&rsquo; estimate
            </th>
            <th scope="col" className="numeric">
              Supports
            </th>
            <th scope="col">Status</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.proposalId}>
              <th scope="row">
                <Link to={`/proposals/${item.proposalId}`}>{item.title}</Link>
              </th>
              <td>{areaName(item.potId)}</td>
              <td className="numeric">{formatMoney(item.estimatedCost, currency)}</td>
              <td className="numeric">{item.supportCount}</td>
              <td>
                {REVIEW_STATUS_LABELS[item.status] ?? item.status}
                {item.review ? ` (council cost ${formatMoney(item.review.costEstimate, currency)})` : ''}
              </td>
              <td>
                <Link to={`/proposals/${item.proposalId}/review`}>
                  {item.review ? 'Revise verdict' : 'Record verdict'}
                  <span className="visually-hidden"> on {item.title}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
