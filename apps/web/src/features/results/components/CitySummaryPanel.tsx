import '../results.css';
import type { CitySummary } from '@allot/shared';
import { TableRegion } from '../../../components/TableRegion';
import { formatCount, formatMoney, formatPercent, plural, shareOf, wardBars } from '../results-model';
import { Bar } from './Bar';

/** Projects funded per ward: bars for the eye, then the same figures as a table for everyone. */
function WardDiagram({ summary, currency }: { summary: CitySummary; currency: string }) {
  if (summary.wards.length === 0) return null;
  return (
    <section aria-labelledby="wards-title">
      <h3 id="wards-title">Projects funded in each ward</h3>
      <p className="field__hint">The longest bar is the ward with the most funded projects. The table under the diagram gives the same figures.</p>
      <div className="ward-chart" aria-hidden="true">
        {wardBars(summary.wards).map(({ ward, length }) => (
          <div key={ward.wardId} className="ward-chart__row">
            <span className="ward-chart__name">{ward.name}</span>
            <Bar parts={[{ length, className: 'bar__part bar__part--full' }]} />
            <span className="ward-chart__value">{plural(ward.fundedProjects, 'project', 'projects')}</span>
          </div>
        ))}
      </div>
      <TableRegion label="Funded projects per ward">
        <table className="table">
          <caption className="table__caption">Funded projects per ward</caption>
          <thead>
            <tr>
              <th scope="col">Ward</th>
              <th scope="col" className="numeric">
                Projects funded
              </th>
              <th scope="col" className="numeric">
                Money for funded projects
              </th>
              <th scope="col" className="numeric">
                Ward budget
              </th>
              <th scope="col" className="numeric">
                Residents
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.wards.map((ward) => (
              <tr key={ward.wardId}>
                <th scope="row">{ward.name}</th>
                <td className="numeric">{formatCount(ward.fundedProjects)}</td>
                <td className="numeric">{formatMoney(ward.fundedAmount, currency)}</td>
                <td className="numeric">{ward.potId === null ? 'No ward pot' : formatMoney(ward.budget, currency)}</td>
                <td className="numeric">{formatCount(ward.population)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p className="field__hint">City-wide projects are not counted in any ward.</p>
    </section>
  );
}

/** The whole cycle at a glance: money, projects, voters and what the community brings on top. */
export function CitySummaryPanel({ summary, currency }: { summary: CitySummary; currency: string }) {
  const { contribution } = summary;
  return (
    <>
      <dl className="summary-list results-summary">
        <div className="summary-list__row">
          <dt>Money for funded projects</dt>
          <dd>
            {formatMoney(summary.totalFunded, currency)} of the {formatMoney(summary.totalBudget, currency)} budget (
            {formatPercent(shareOf(summary.totalFunded, summary.totalBudget))})
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Projects funded</dt>
          <dd>{formatCount(summary.fundedProjects)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>People who voted</dt>
          <dd>{formatCount(summary.ballots)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Match funding brought by proposers</dt>
          <dd>{formatMoney(contribution.matchFunding, currency)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Volunteer hours offered</dt>
          <dd>{formatCount(contribution.volunteerHours)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Funded projects with goods or services offered</dt>
          <dd>{formatCount(contribution.projectsWithGoods)}</dd>
        </div>
      </dl>
      <WardDiagram summary={summary} currency={currency} />
    </>
  );
}
