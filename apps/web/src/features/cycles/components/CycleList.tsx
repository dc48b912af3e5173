import type { CycleSummary } from '@allot/shared';
import { Link } from 'react-router';
import { formatMoney, PHASE_LABELS } from '../format';

interface CycleListProps {
  cycles: readonly CycleSummary[];
  /** Where each cycle's link goes; defaults to its public page. */
  linkTo?: (cycle: CycleSummary) => string;
  /** 3 when the list sits under its own h2. */
  headingLevel?: 2 | 3;
}

export function CycleList({ cycles, linkTo = (cycle) => `/cycles/${cycle.id}`, headingLevel = 2 }: CycleListProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="card-list">
      {cycles.map((cycle) => (
        <li key={cycle.id} className="card">
          <Heading className="card__title">
            <Link to={linkTo(cycle)}>{cycle.name}</Link>
          </Heading>
          <p className="card__meta">
            Now: {PHASE_LABELS[cycle.phase]} · Budget {formatMoney(cycle.totalBudget, cycle.currency)}
          </p>
        </li>
      ))}
    </ul>
  );
}
