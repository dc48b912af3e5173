import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Ballot, Instance, Project, VoteType } from '../model';
import { splitRecord } from './csv';
import { parseDecimal, scaleDecimal, type ParsedDecimal } from './decimal';
import { PabulibError } from './errors';

const VOTE_TYPES: readonly VoteType[] = ['approval', 'choose-1', 'ordinal', 'cumulative', 'scoring'];
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

type Section = 'none' | 'meta' | 'projects' | 'votes';

interface PendingProject {
  readonly id: string;
  readonly cost: ParsedDecimal;
  readonly fields: Record<string, string>;
}

function isNone(cell: string): boolean {
  return cell.length === 4 && cell.toLowerCase() === 'none';
}

/**
 * Line-by-line Pabulib parser: feed it every line (without the line break) with `push`, then call
 * `finish`. Used both for in-memory text and for streamed files, so both behave identically.
 */
export class PabulibLineParser {
  private lineNo = 0;
  private section: Section = 'none';
  private expectHeader = false;
  private readonly seen = new Set<Section>();

  private readonly meta = new Map<string, string>();
  private budgetLine = 0;
  private voteType: VoteType | undefined;

  private projectColumns: string[] = [];
  private costColumn = -1;
  private readonly pending: PendingProject[] = [];
  private readonly projectIndex = new Map<string, number>();

  private voteColumns: string[] = [];
  private voterIdColumn = 0;
  private voteColumn = -1;
  private pointsColumn = -1;
  private extraVoteColumns: number[] = [];
  private readonly ballots: Ballot[] = [];
  private readonly voterIds = new Set<string>();

  push(rawLine: string): void {
    this.lineNo++;
    let line = rawLine;
    if (this.lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') return;

    const cells = splitRecord(line);
    for (let i = 0; i < cells.length; i++) cells[i] = (cells[i] as string).trim();
    const first = (cells[0] ?? '').toLowerCase();
    if (cells.length === 1 && (first === 'meta' || first === 'projects' || first === 'votes')) {
      this.startSection(first);
      return;
    }
    if (this.section === 'none') {
      this.fail(`expected the META section to start here, found ${JSON.stringify(line.slice(0, 40))}`);
    }
    if (this.expectHeader) {
      this.expectHeader = false;
      this.readHeader(cells);
      return;
    }
    if (this.section === 'meta') this.readMeta(cells);
    else if (this.section === 'projects') this.readProject(cells);
    else this.readBallot(cells);
  }

  finish(): Instance {
    const last = Math.max(this.lineNo, 1);
    for (const name of ['meta', 'projects', 'votes'] as const) {
      if (!this.seen.has(name)) {
        throw new PabulibError(last, `missing section ${name.toUpperCase()} (end of file reached)`);
      }
    }
    if (this.expectHeader) throw new PabulibError(last, 'VOTES section has no header line');
    const budgetText = this.meta.get('budget');
    if (budgetText === undefined || budgetText === '' || isNone(budgetText)) {
      throw new PabulibError(this.budgetLine || last, 'budget missing in META');
    }
    const budget = parseDecimal(budgetText);
    if (!budget || budget.negative) {
      throw new PabulibError(this.budgetLine, `bad number for budget: ${JSON.stringify(budgetText)}`);
    }
    let scale = budget.decimals;
    for (const p of this.pending) scale = Math.max(scale, p.cost.decimals);
    const projects: Project[] = this.pending.map((p) => ({
      id: p.id,
      cost: scaleDecimal(p.cost, scale),
      fields: p.fields,
    }));
    return {
      meta: this.meta,
      voteType: this.voteType ?? 'approval',
      projects,
      ballots: this.ballots,
      budget: scaleDecimal(budget, scale),
      moneyScale: scale,
    };
  }

  private fail(reason: string): never {
    throw new PabulibError(this.lineNo, reason);
  }

  private startSection(name: 'meta' | 'projects' | 'votes'): void {
    const order: Section[] = ['meta', 'projects', 'votes'];
    const expected = order[order.indexOf(this.section) + 1];
    if (name !== expected) {
      if (this.seen.has(name)) this.fail(`section ${name.toUpperCase()} appears twice`);
      this.fail(`missing section ${String(expected).toUpperCase()} before ${name.toUpperCase()}`);
    }
    if (this.expectHeader) this.fail(`section ${this.section.toUpperCase()} has no header line`);
    if (name === 'projects') this.endMeta();
    this.section = name;
    this.seen.add(name);
    this.expectHeader = true;
  }

  private endMeta(): void {
    if (!this.meta.has('budget')) this.fail('budget missing in META (PROJECTS starts here)');
    const vt = this.meta.get('vote_type');
    if (vt === undefined) this.fail('vote_type missing in META (PROJECTS starts here)');
    const voteType = VOTE_TYPES.find((t) => t === vt.toLowerCase());
    if (!voteType) this.fail(`unknown vote_type ${JSON.stringify(vt)} in META`);
    this.voteType = voteType;
  }

  private readHeader(cells: string[]): void {
    if (this.section === 'meta') {
      // Normally `key;value`; a file that starts with a key right away loses nothing.
      if ((cells[0] ?? '').toLowerCase() !== 'key') this.readMeta(cells);
      return;
    }
    if (this.section === 'projects') {
      this.projectColumns = cells;
      this.costColumn = cells.indexOf('cost');
      if (this.costColumn < 0) this.fail('PROJECTS header has no cost column');
      if (this.costColumn === 0) this.fail('PROJECTS header: the first column must be the project id');
      return;
    }
    this.voteColumns = cells;
    const idCol = cells.indexOf('voter_id');
    this.voterIdColumn = idCol < 0 ? 0 : idCol;
    this.voteColumn = cells.indexOf('vote');
    if (this.voteColumn < 0) this.fail('VOTES header has no vote column');
    const cardinal = this.voteType === 'cumulative' || this.voteType === 'scoring';
    this.pointsColumn = cardinal ? cells.indexOf('points') : -1;
    if (cardinal && this.pointsColumn < 0) this.fail(`VOTES header has no points column (vote_type ${this.voteType})`);
    this.extraVoteColumns = [];
    for (let c = 0; c < cells.length; c++) {
      if (c !== this.voterIdColumn && c !== this.voteColumn && c !== this.pointsColumn) this.extraVoteColumns.push(c);
    }
  }

  private readMeta(cells: string[]): void {
    const key = cells[0] ?? '';
    // A value holding unquoted `;` is kept whole rather than cut at the first separator.
    const value = cells.slice(1).join(';').trim();
    if (key === 'budget') this.budgetLine = this.lineNo;
    this.meta.set(key, value);
  }

  private checkWidth(cells: string[], columns: string[], what: string): void {
    if (cells.length > columns.length && cells.slice(columns.length).some((c) => c !== '')) {
      this.fail(`${what} row has ${cells.length} fields but the header has ${columns.length}`);
    }
  }

  private readProject(cells: string[]): void {
    this.checkWidth(cells, this.projectColumns, 'PROJECTS');
    const id = cells[0] ?? '';
    if (id === '') this.fail('project with an empty project_id');
    if (this.projectIndex.has(id)) this.fail(`duplicate project id ${JSON.stringify(id)}`);
    const costText = cells[this.costColumn] ?? '';
    const cost = parseDecimal(costText);
    if (!cost) this.fail(`bad number for cost of project ${JSON.stringify(id)}: ${JSON.stringify(costText)}`);
    if (cost.negative && cost.digits !== 0n) this.fail(`negative cost for project ${JSON.stringify(id)}: ${costText}`);
    const fields: Record<string, string> = {};
    for (let c = 1; c < this.projectColumns.length; c++) {
      if (c === this.costColumn) continue;
      fields[this.projectColumns[c] as string] = cells[c] ?? '';
    }
    this.projectIndex.set(id, this.pending.length);
    this.pending.push({ id, cost: { ...cost, negative: false }, fields });
  }

  private readBallot(cells: string[]): void {
    this.checkWidth(cells, this.voteColumns, 'VOTES');
    const voterId = cells[this.voterIdColumn] ?? '';
    if (this.voterIds.has(voterId)) this.fail(`duplicate voter id ${JSON.stringify(voterId)}`);
    this.voterIds.add(voterId);

    const voteCell = cells[this.voteColumn] ?? '';
    // `None` means no value, unless a project really has that id.
    const empty = voteCell === '' || (isNone(voteCell) && !this.projectIndex.has(voteCell));
    const ids = empty ? [] : voteCell.split(',').map((s) => s.trim());
    const projects: number[] = [];
    const approvalLike = this.voteType === 'approval' || this.voteType === 'choose-1';
    for (const pid of ids) {
      const index = this.projectIndex.get(pid);
      if (index === undefined) this.fail(`voter ${JSON.stringify(voterId)} votes for unknown project ${JSON.stringify(pid)}`);
      if (projects.includes(index)) {
        // Approval ballots are sets (a project listed twice counts once, as in pabutools);
        // for rankings and points a repeated project has no defined meaning.
        if (approvalLike) continue;
        this.fail(`voter ${JSON.stringify(voterId)} lists project ${JSON.stringify(pid)} twice`);
      }
      projects.push(index);
    }

    // Only cumulative / scoring files have a points column, and those never drop a repeat (it
    // is an error), so points stay aligned with projects.
    let points: number[] | undefined;
    if (this.pointsColumn >= 0) {
      const pointsCell = cells[this.pointsColumn] ?? '';
      const items = pointsCell === '' || isNone(pointsCell) ? [] : pointsCell.split(',');
      if (items.length !== ids.length) {
        this.fail(`voter ${JSON.stringify(voterId)}: points count mismatch (${ids.length} projects, ${items.length} points)`);
      }
      points = new Array<number>(items.length);
      for (let k = 0; k < items.length; k++) {
        const item = (items[k] as string).trim();
        if (!NUMBER.test(item)) this.fail(`voter ${JSON.stringify(voterId)}: bad number in points: ${JSON.stringify(item)}`);
        points[k] = Number(item);
      }
    }

    let fields: Record<string, string> | undefined;
    if (this.extraVoteColumns.length > 0) {
      fields = {};
      for (const c of this.extraVoteColumns) fields[this.voteColumns[c] as string] = cells[c] ?? '';
    }
    const ballot: Ballot = points
      ? fields
        ? { voterId, projects, points, fields }
        : { voterId, projects, points }
      : fields
        ? { voterId, projects, fields }
        : { voterId, projects };
    this.ballots.push(ballot);
  }
}

/** Parses a whole .pb text. Throws PabulibError (with a 1-based line) on a malformed file. */
export function parsePabulib(text: string): Instance {
  const parser = new PabulibLineParser();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    parser.push(text.slice(start, end));
    start = end + 1;
  }
  return parser.finish();
}

/** Streams a .pb file line by line (never holds the whole file as one string). */
export async function readPabulibFile(path: string): Promise<Instance> {
  const parser = new PabulibLineParser();
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) parser.push(line);
  } finally {
    lines.close();
    input.destroy();
  }
  return parser.finish();
}
