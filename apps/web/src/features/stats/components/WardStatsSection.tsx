import type { WardStats } from '@allot/shared';
import { TableRegion } from '../../../components/TableRegion';
import {
  barsFor,
  barsForShares,
  formatCount,
  formatDay,
  formatLongDay,
  formatNumber,
  formatShare,
  hasSuppressedCounts,
  proposalStatusRows,
  turnoutSentence,
} from '../format';
import { BarChart } from './BarChart';
import { DownloadCsvLink } from './DownloadCsvLink';
import '../stats.css';

interface WardStatsSectionProps {
  ward: WardStats;
  threshold: number;
  cycleId: string;
  cycleName: string;
  money: (amount: number) => string;
}

function SuppressionNote({ threshold }: { threshold: number }) {
  return (
    <div className="notice stats-note">
      <h3 className="notice__title">Why some figures say &ldquo;fewer than {threshold}&rdquo;</h3>
      <p>
        To protect residents&rsquo; privacy, any count of people from 1 to {threshold - 1} is shown as &ldquo;fewer than {threshold}&rdquo;, so no one
        can be picked out from a small group. Where hiding one figure would still let it be worked out from the total, the next smallest
        figure is hidden too.
      </p>
    </div>
  );
}

function Turnout({ ward, threshold }: { ward: WardStats; threshold: number }) {
  const textId = `ward-${ward.wardId}-turnout-text`;
  return (
    <>
      <h3>Turnout</h3>
      <p id={textId} className="stats-headline">
        {turnoutSentence(ward, threshold)}
      </p>
      {ward.turnout !== null ? (
        <meter className="stats-meter" min={0} max={1} value={Math.min(1, ward.turnout)} aria-labelledby={textId}>
          {formatShare(ward.turnout)}
        </meter>
      ) : null}
    </>
  );
}

function ByChannel({ ward, threshold }: { ward: WardStats; threshold: number }) {
  return (
    <TableRegion label={`Ballots by how they were cast, ${ward.name}`}>
      <table className="table stats-table">
        <caption className="table__caption">Ballots by how they were cast</caption>
        <thead>
          <tr>
            <th scope="col">How</th>
            <th scope="col" className="numeric">
              Ballots
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Online</th>
            <td className="numeric">{formatCount(ward.byChannel.online, threshold)}</td>
          </tr>
          <tr>
            <th scope="row">On paper</th>
            <td className="numeric">{formatCount(ward.byChannel.paper, threshold)}</td>
          </tr>
        </tbody>
      </table>
    </TableRegion>
  );
}

function ByDay({ ward, threshold }: { ward: WardStats; threshold: number }) {
  if (ward.byDay.length === 0) return <p>No ballots have been cast on any day yet.</p>;
  const bars = barsFor(
    ward.byDay.map((day) => ({ label: formatDay(day.date), count: day.ballots })),
    threshold,
  );
  return (
    <>
      <BarChart title="Ballots by the day they were cast" bars={bars} tableNote="the figures are in the table below" />
      <TableRegion label={`Ballots by day, ${ward.name}`}>
        <table className="table stats-table">
          <caption className="table__caption">Ballots by the day they were cast</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col" className="numeric">
                Ballots
              </th>
            </tr>
          </thead>
          <tbody>
            {ward.byDay.map((day) => (
              <tr key={day.date}>
                <th scope="row">{formatLongDay(day.date)}</th>
                <td className="numeric">{formatCount(day.ballots, threshold)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}

function ByAgeBand({ ward, threshold }: { ward: WardStats; threshold: number }) {
  const withPopulation = ward.byAgeBand.filter((band) => band.band !== 'not-given');
  const anyPopulation = withPopulation.some((band) => band.population !== null);
  return (
    <>
      {anyPopulation ? (
        <BarChart
          title="Share of residents in each age band who voted"
          bars={barsForShares(withPopulation.map((band) => ({ label: band.label, share: band.turnout })))}
          tableNote="the figures are in the table below"
        />
      ) : (
        <p>The council has not entered this ward&rsquo;s population by age, so the share of each age band who voted cannot be shown.</p>
      )}
      <TableRegion label={`Participation by age band, ${ward.name}`}>
        <table className="table stats-table">
          <caption className="table__caption">Participation by age band</caption>
          <thead>
            <tr>
              <th scope="col">Age</th>
              <th scope="col" className="numeric">
                Ballots
              </th>
              <th scope="col" className="numeric">
                Residents of this age
              </th>
              <th scope="col" className="numeric">
                Share who voted
              </th>
            </tr>
          </thead>
          <tbody>
            {ward.byAgeBand.map((band) => (
              <tr key={band.band}>
                <th scope="row">{band.label}</th>
                <td className="numeric">{formatCount(band.ballots, threshold)}</td>
                <td className="numeric">{band.population === null ? 'not entered' : formatNumber(band.population)}</td>
                <td className="numeric">{formatShare(band.turnout)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}

function Proposals({ ward }: { ward: WardStats }) {
  const rows = proposalStatusRows(ward.proposals.byStatus);
  return (
    <>
      <p>
        {ward.proposals.total === 0
          ? 'No ideas were put forward for this ward.'
          : `${formatNumber(ward.proposals.total)} ${ward.proposals.total === 1 ? 'idea was' : 'ideas were'} put forward for this ward.`}
      </p>
      {rows.length > 0 ? (
        <TableRegion label={`Ideas by outcome, ${ward.name}`}>
          <table className="table stats-table">
            <caption className="table__caption">Ideas by where they ended up, including the council&rsquo;s feasibility checks</caption>
            <thead>
              <tr>
                <th scope="col">Outcome</th>
                <th scope="col" className="numeric">
                  Ideas
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.status}>
                  <th scope="row">{row.label}</th>
                  <td className="numeric">{formatNumber(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
    </>
  );
}

function Results({ ward, money }: { ward: WardStats; money: (amount: number) => string }) {
  const results = ward.results;
  if (ward.potId === null) return <p>This ward has no budget of its own in this cycle.</p>;
  if (results === null) return <p>The votes for this ward have not been counted yet.</p>;
  const spentShare = results.budget > 0 ? results.spent / results.budget : null;
  return (
    <>
      <p>
        <strong>{results.status === 'published' ? 'Published.' : 'Counted but not yet published.'}</strong>{' '}
        {results.status === 'published'
          ? 'Anyone can see these results.'
          : 'Only councillors and administrators can see these results until they are published.'}
      </p>
      <p>
        {money(results.spent)} spent of the {money(results.budget)} budget
        {spentShare === null ? '' : ` (${formatShare(spentShare)})`}, on {results.funded.length}{' '}
        {results.funded.length === 1 ? 'project' : 'projects'}.
      </p>
      {results.funded.length > 0 ? (
        <TableRegion label={`Funded projects, ${ward.name}`}>
          <table className="table stats-table">
            <caption className="table__caption">Funded projects</caption>
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col" className="numeric">
                  Cost
                </th>
                <th scope="col" className="numeric">
                  Votes
                </th>
              </tr>
            </thead>
            <tbody>
              {results.funded.map((project) => (
                <tr key={project.id}>
                  <th scope="row">{project.title}</th>
                  <td className="numeric">{money(project.cost)}</td>
                  <td className="numeric">{formatNumber(project.votes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
    </>
  );
}

/** Everything a councillor follows for one ward; printed one ward to a page. */
export function WardStatsSection({ ward, threshold, cycleId, cycleName, money }: WardStatsSectionProps) {
  const titleId = `ward-${ward.wardId}-title`;
  return (
    <section className="ward-stats" aria-labelledby={titleId}>
      <h2 id={titleId} className="ward-stats__title" tabIndex={-1}>
        {ward.name} <span className="ward-stats__code">({ward.code})</span>
      </h2>
      <p className="ward-stats__meta">
        {cycleName} · Population {formatNumber(ward.population)}
      </p>
      <DownloadCsvLink cycleId={cycleId} cycleName={cycleName} ward={ward} />
      {hasSuppressedCounts(ward) ? <SuppressionNote threshold={threshold} /> : null}
      <Turnout ward={ward} threshold={threshold} />
      <h3>How people voted</h3>
      <ByChannel ward={ward} threshold={threshold} />
      <h3>Ballots by day</h3>
      <ByDay ward={ward} threshold={threshold} />
      <h3>Participation by age</h3>
      <ByAgeBand ward={ward} threshold={threshold} />
      <h3>Ideas and feasibility</h3>
      <Proposals ward={ward} />
      <h3>Results</h3>
      <Results ward={ward} money={money} />
    </section>
  );
}
