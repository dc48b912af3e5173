/**
 * Open data, as pure functions: the Pabulib file of one published pot and the results CSV.
 * Nothing here knows a voter: ballots arrive as sorted canonical lines and get ids 1..n in that
 * order, so neither cast order nor any token survives into the file.
 */
import { writePabulib } from '@allot/tally';
import type { BallotSettings, ProjectOutcome, Schedule, TieBreakCriterion } from '@allot/shared';
import { csvCell } from '../stats/csv';
import type { PotResultRow } from './results.repository';
import { buildInstance, type CountedProject } from './count';

export interface PotExport {
  cycleName: string;
  currency: string;
  ballot: BallotSettings;
  schedule: Schedule;
  pot: { id: string; name: string; wardName: string | null };
  result: Pick<PotResultRow, 'ballotKind' | 'budget' | 'ruleKey' | 'tieBreak' | 'ballotsHash' | 'projects'>;
  /** The pot's canonical ballot lines, sorted. */
  lines: string[];
}

/** `2027-05-23` → `23.05.2027`, the date form Pabulib files use. */
const pabulibDate = (iso: string): string => iso.split('-').reverse().join('.');

/** Pabulib cells are one line each: line breaks in free text become spaces. */
const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ');

/** Ballot limits in Pabulib META keys (see shared/pabulib/FORMAT.md §3). */
function constraintMeta(ballot: BallotSettings, budget: number): [string, string][] {
  switch (ballot.kind) {
    case 'approval':
    case 'knapsack': {
      const out: [string, string][] = [];
      if (ballot.minCount !== undefined) out.push(['min_length', String(ballot.minCount)]);
      if (ballot.maxCount !== undefined) out.push(['max_length', String(ballot.maxCount)]);
      if (ballot.kind === 'knapsack') {
        if (ballot.minSpend !== undefined) {
          const minimum = ballot.minSpend.unit === 'amount' ? ballot.minSpend.value : Math.ceil((budget * ballot.minSpend.value) / 100);
          out.push(['min_sum_cost', String(minimum)]);
        }
        out.push(['max_sum_cost', String(budget)]);
      }
      return out;
    }
    case 'cumulative':
      return [
        ['max_sum_points', String(ballot.points)],
        ['max_points', String(ballot.perProjectCap ?? ballot.points)],
      ];
    case 'ranked':
      return ballot.maxRanks === undefined ? [] : [['max_length', String(ballot.maxRanks)]];
  }
}

/** The pot's anonymised ballots and outcome as Pabulib `.pb` text. */
export function pabulibExport(data: PotExport): string {
  const { result } = data;
  const outcomes = new Map<string, ProjectOutcome>(result.projects.map((project) => [project.id, project]));
  const projects: CountedProject[] = [...result.projects]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((project) => ({ id: project.id, title: project.title, category: project.category, cost: project.cost, contribution: null }));
  const voting = data.schedule.voting;
  const meta = new Map<string, string>([
    ['description', oneLine(`${data.cycleName}: ${data.pot.name}. Anonymised ballots published by the council through Allot.`)],
    ...(data.pot.wardName === null ? [] : ([['district', oneLine(data.pot.wardName)]] as [string, string][])),
    ['instance', oneLine(data.cycleName)],
    ['num_projects', String(projects.length)],
    ['num_votes', String(data.lines.length)],
    ['budget', String(result.budget)],
    ['vote_type', result.ballotKind === 'cumulative' ? 'cumulative' : result.ballotKind === 'ranked' ? 'ordinal' : 'approval'],
    ['rule', result.ruleKey],
    ...(voting === undefined
      ? []
      : ([
          ['date_begin', pabulibDate(voting.start)],
          ['date_end', pabulibDate(voting.end)],
        ] as [string, string][])),
    ['currency', data.currency],
    ...constraintMeta(data.ballot, result.budget),
    ['tie_break', (result.tieBreak as TieBreakCriterion[]).join(',')],
    ['ballots_hash', result.ballotsHash],
  ]);
  const scored = result.ballotKind === 'cumulative' || result.ballotKind === 'ranked';
  const { instance } = buildInstance(result.ballotKind, { id: data.pot.id, budget: result.budget, projects, lines: data.lines }, meta, (project) => {
    const outcome = outcomes.get(project.id);
    const fields: Record<string, string> = {
      name: oneLine(project.title),
      category: project.category,
      votes: String(outcome?.votes ?? 0),
    };
    if (scored) fields.score = String(outcome?.score ?? 0);
    fields.selected = outcome?.funded === true ? '1' : '0';
    return fields;
  });
  return writePabulib(instance);
}

const CSV_HEADER = ['pot', 'project_id', 'title', 'category', 'cost', 'votes', 'score', 'funded', 'share_of_pot', 'reason'];

/**
 * One row per project of the given pots, in each pot's result order; CRLF line ends. Cells go
 * through the ward figures' CSV writer (RFC 4180, formula-safe), so both downloads escape alike.
 */
export function resultsCsv(pots: readonly { name: string; projects: readonly ProjectOutcome[] }[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const pot of pots) {
    for (const p of pot.projects) {
      lines.push([pot.name, p.id, p.title, p.category, p.cost, p.votes, p.score, p.funded ? 'yes' : 'no', p.shareOfPot, p.reason].map(csvCell).join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}
