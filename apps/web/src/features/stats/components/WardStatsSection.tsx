import type { WardStats } from '@allot/shared';
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
import { FigureTable } from './FigureTable';
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
    <FigureTable
      label={`Ballots by how they were cast, ${ward.name}`}
      caption="Ballots by how they were cast"
      rowHeading="How"
      columns={['Ballots']}
      rows={[
        { how: 'Online', ballots: ward.byChannel.online },
        { how: 'On paper', ballots: ward.byChannel.paper },
      ]}
      rowKey={(row) => row.how}
      rowHeader={(row) => row.how}
      cells={(row) => [formatCount(row.ballots, threshold)]}
    />
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
      <FigureTable
        label={`Ballots by day, ${ward.name}`}
        caption="Ballots by the day they were cast"
        rowHeading="Day"
        columns={['Ballots']}
        rows={ward.byDay}
        rowKey={(day) => day.date}
        rowHeader={(day) => formatLongDay(day.date)}
        cells={(day) => [formatCount(day.ballots, threshold)]}
      />
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
      <FigureTable
        label={`Participation by age band, ${ward.name}`}
        caption="Participation by age band"
        rowHeading="Age"
        columns={['Ballots', 'Residents of this age', 'Share who voted']}
        rows={ward.byAgeBand}
        rowKey={(band) => band.band}
        rowHeader={(band) => band.label}
        cells={(band) => [
          formatCount(band.ballots, threshold),
          band.population === null ? 'not entered' : formatNumber(band.population),
          formatShare(band.turnout),
        ]}
      />
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
        <FigureTable
          label={`Ideas by outcome, ${ward.name}`}
          caption={<>Ideas by where they ended up, including the council&rsquo;s feasibility checks</>}
          rowHeading="Outcome"
          columns={['Ideas']}
          rows={rows}
          rowKey={(row) => row.status}
          rowHeader={(row) => row.label}
          cells={(row) => [formatNumber(row.count)]}
        />
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
        <FigureTable
          label={`Funded projects, ${ward.name}`}
          caption="Funded projects"
          rowHeading="Project"
          columns={['Cost', 'Votes']}
          rows={results.funded}
          rowKey={(project) => project.id}
          rowHeader={(project) => project.title}
          cells={(project) => [money(project.cost), formatNumber(project.votes)]}
        />
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
