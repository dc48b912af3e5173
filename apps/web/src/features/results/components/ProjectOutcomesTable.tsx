import '../results.css';
import type { PotResult } from '@allot/shared';
import { Link } from 'react-router';
import { TableRegion } from '../../../components/TableRegion';
import { DECISION_LABELS, formatCount, formatMoney, formatPercent, scoreHeading, votesHeading } from '../results-model';

/** Every project on a pot's ballot with its outcome in words: funded first in funding order, then the rest. */
export function ProjectOutcomesTable({ pot, currency }: { pot: PotResult; currency: string }) {
  const score = scoreHeading(pot.ballotKind);
  if (pot.projects.length === 0) return <p>There were no projects on the ballot in {pot.name}.</p>;
  return (
    <TableRegion label={`Projects in ${pot.name}`}>
      <table className="table results-table">
        <caption className="table__caption">Every project in {pot.name}, funded projects first</caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            <th scope="col" className="numeric">
              {votesHeading(pot.ballotKind)}
            </th>
            {score ? (
              <th scope="col" className="numeric">
                {score}
              </th>
            ) : null}
            <th scope="col" className="numeric">
              Cost
            </th>
            <th scope="col" className="numeric">
              Share of the pot
            </th>
            <th scope="col">Outcome</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {pot.projects.map((project) => (
            <tr key={project.id} className={project.funded ? 'results-table__funded' : undefined}>
              <th scope="row">
                <Link to={`/proposals/${project.id}`}>{project.title}</Link>
              </th>
              <td className="numeric">{formatCount(project.votes)}</td>
              {score ? <td className="numeric">{project.score === null ? '–' : formatCount(project.score)}</td> : null}
              <td className="numeric">{formatMoney(project.cost, currency)}</td>
              <td className="numeric">{formatPercent(project.shareOfPot)}</td>
              <td>
                <span className={project.funded ? 'outcome outcome--funded' : 'outcome'}>{DECISION_LABELS[project.decision]}</span>
              </td>
              <td>{project.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
