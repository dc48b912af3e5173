import type { CycleSummary } from '@allot/shared';
import { Link } from 'react-router';
import { formatMoney, PHASE_LABELS } from '../format';

interface CycleListProps {
  cycles: readonly CycleSummary[];
  /** Where each cycle's link goes; defaults to its public page. */
  linkTo?: (cycle: CycleSummary) => string;
}

export function CycleList({ cycles, linkTo = (cycle) => `/cycles/${cycle.id}` }: CycleListProps) {
  return (
    <ul className="card-list">
      {cycles.map((cycle) => (
        <li key={cycle.id} className="card">
          <h2 className="card__title">
            <Link to={linkTo(cycle)}>{cycle.name}</Link>
          </h2>
          <p className="card__meta">
            Now: {PHASE_LABELS[cycle.phase]} · Budget {formatMoney(cycle.totalBudget, cycle.currency)}
          </p>
        </li>
      ))}
    </ul>
  );
}
