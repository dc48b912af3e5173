/**
 * The councillor view as a CSV download: one block of rows per ward, in "long" form (ward, measure,
 * breakdown, value) so it opens cleanly in any spreadsheet and filters by column.
 */
import { PROPOSAL_STATUS_LABELS, type CycleStats, type ProposalStatus, type WardStats } from '@allot/shared';
import { fileSlug, toCsv, type CsvCell } from './csv';

const CSV_HEADER = ['Ward', 'Ward code', 'Measure', 'Breakdown', 'Value'] as const;
const SUPPRESSED_TEXT = 'fewer than 10';

const people = (count: number | null): CsvCell => count ?? SUPPRESSED_TEXT;
const percent = (share: number | null): CsvCell => (share === null ? 'not available' : `${(share * 100).toFixed(2)}%`);
const statusLabel = (status: string): string => PROPOSAL_STATUS_LABELS[status as ProposalStatus] ?? status;

function wardRows(ward: WardStats): CsvCell[][] {
  const rows: [string, string, CsvCell][] = [
    ['Population', 'All residents', ward.population],
    ['Ballots', 'All', people(ward.ballots)],
    ['Turnout', 'All', percent(ward.turnout)],
    ['Ballots by channel', 'Online', people(ward.byChannel.online)],
    ['Ballots by channel', 'Paper', people(ward.byChannel.paper)],
    ...ward.byDay.map((day): [string, string, CsvCell] => ['Ballots by day first cast (UTC)', day.date, people(day.ballots)]),
  ];
  for (const band of ward.byAgeBand) {
    rows.push(['Ballots by age band', band.label, people(band.ballots)]);
    rows.push(['Population by age band', band.label, band.population ?? 'not entered']);
    rows.push(['Turnout by age band', band.label, percent(band.turnout)]);
  }
  rows.push(['Proposals', 'All', ward.proposals.total]);
  for (const [status, count] of Object.entries(ward.proposals.byStatus)) rows.push(['Proposals by status', statusLabel(status), count]);
  const result = ward.results;
  if (result === null) {
    rows.push(['Result', 'Status', 'not counted yet']);
  } else {
    rows.push(['Result', 'Status', result.status === 'published' ? 'published' : 'counted, not yet published']);
    rows.push(['Result', 'Pot budget', result.budget]);
    rows.push(['Result', 'Spent', result.spent]);
    for (const project of result.funded) {
      rows.push(['Funded project cost', project.title, project.cost]);
      rows.push(['Funded project votes', project.title, project.votes]);
    }
  }
  return rows.map(([measure, breakdown, value]) => [ward.name, ward.code, measure, breakdown, value]);
}

export function statsCsv(stats: CycleStats): string {
  return toCsv([[...CSV_HEADER], ...stats.wards.flatMap(wardRows)]);
}

/** A file name safe in a Content-Disposition header: `allot-stats-<cycle>[-<ward code>].csv`. */
export function statsCsvFileName(stats: CycleStats, wardCode?: string): string {
  const ward = wardCode === undefined ? '' : `-${wardCode.toLowerCase().replace(/[^a-z0-9-]/g, '')}`;
  return `allot-stats-${fileSlug(stats.cycleName, 'cycle')}${ward}.csv`;
}
