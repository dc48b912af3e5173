/**
 * Counting one pot, as pure functions (no I/O): canonical ballot lines, the `@allot/tally`
 * instance built from them, the rule run, and its translation into what residents read
 * (ProjectOutcome, ExplanationStep, EqualSharesSummary). The results README documents the
 * recipes (ballot lines, hashes, rule keys) so anyone can recompute them from the export.
 */
import { createHash } from 'node:crypto';
import {
  runRule,
  type Ballot,
  type EqualSharesExplanation,
  type GreedyExplanation,
  type Instance,
  type MaxWelfareExplanation,
  type PhragmenExplanation,
  type TallyResult,
  type VoteType,
} from '@allot/tally';
import type {
  BallotKind,
  CommunityContribution,
  CostSharing,
  EqualSharesSummary,
  ExplanationStep,
  PotSelection,
  ProjectDecision,
  ProjectOutcome,
  TallyRule,
  TieBreakCriterion,
} from '@allot/shared';

/** A project on a pot's ballot, as the count needs it. */
export interface CountedProject {
  id: string;
  title: string;
  category: string;
  cost: number;
  contribution: CommunityContribution | null;
}

export interface PotToCount {
  id: string;
  name: string;
  budget: number;
  /** The pot's ballot projects, sorted by id. */
  projects: CountedProject[];
  /** Canonical ballot lines of the pot, sorted (see `canonicalLine`). */
  lines: string[];
}

export interface CountSettings {
  rule: TallyRule;
  kind: BallotKind;
  tieBreak: TieBreakCriterion[];
  currency: string;
}

export interface PotCount {
  ruleKey: string;
  spent: number;
  ballotCount: number;
  ballotsHash: string;
  funded: string[];
  projects: ProjectOutcome[];
  explanation: ExplanationStep[];
  equalShares: EqualSharesSummary | null;
  engineExplanation: unknown;
}


const RULE_KEYS: Record<BallotKind, Partial<Record<TallyRule, string>>> = {
  approval: {
    greedy: 'greedy_cost_sat',
    'equal-shares': 'mes_cost_sat',
    'equal-shares-add1': 'mes_cost_sat_add1',
    phragmen: 'seq_phragmen',
    'max-welfare': 'max_welfare_cost_sat',
    'equal-shares-add1-greedy': 'mes_cost_sat_add1_greedy',
  },
  knapsack: {
    greedy: 'greedy_cost_sat',
    'equal-shares': 'mes_cost_sat',
    'equal-shares-add1': 'mes_cost_sat_add1',
    phragmen: 'seq_phragmen',
    'max-welfare': 'max_welfare_cost_sat',
    'equal-shares-add1-greedy': 'mes_cost_sat_add1_greedy',
  },
  cumulative: {
    greedy: 'greedy_score',
    'equal-shares': 'mes_points',
    'equal-shares-add1': 'mes_points_add1',
    'max-welfare': 'max_welfare_cost_sat',
    'equal-shares-add1-greedy': 'mes_points_add1_greedy',
  },
  ranked: { greedy: 'greedy_score' },
};

/** The `@allot/tally` rule key that counts `rule` on `kind` ballots (see the results README). */
export function ruleKeyFor(rule: TallyRule, kind: BallotKind): string {
  const key = RULE_KEYS[kind][rule];
  if (key === undefined) throw new Error(`no tally rule counts ${kind} ballots under ${rule}`);
  return key;
}

function voteTypeFor(kind: BallotKind): VoteType {
  return kind === 'cumulative' ? 'cumulative' : kind === 'ranked' ? 'ordinal' : 'approval';
}

/** Runs a registry rule key on an instance with the cycle's tie-break. */
export function runCount(ruleKey: string, instance: Instance, tieBreak: readonly TieBreakCriterion[]): TallyResult {
  return runRule(ruleKey, instance, { tieBreak });
}

/**
 * One ballot's choice in one pot as a line of text: approval/knapsack the chosen ids sorted and
 * joined with `,`; cumulative `id:points` pairs sorted by id and joined with `,`; ranked the ids
 * in ranking order joined with `,`. An empty choice is the empty line.
 */
function canonicalLine(selection: PotSelection): string {
  if ('projects' in selection) return [...selection.projects].sort().join(',');
  if ('points' in selection) {
    return Object.keys(selection.points)
      .sort()
      .map((id) => `${id}:${selection.points[id] ?? 0}`)
      .join(',');
  }
  return selection.ranking.join(',');
}

/** Canonical lines per pot id from ballots' selections (JSON text), each pot's lines sorted. */
export function linesByPot(selectionsJson: readonly string[]): Map<string, string[]> {
  // Many voters cast the same ballot: each distinct text is parsed once, and each pot's distinct
  // lines are counted, sorted and then repeated, rather than sorting every voter's line.
  const counts = new Map<string, Map<string, number>>();
  const seen = new Map<string, { lines: Map<string, number>; line: string }[]>();
  for (const text of selectionsJson) {
    let entries = seen.get(text);
    if (entries === undefined) {
      entries = (JSON.parse(text) as PotSelection[]).map((selection) => {
        let lines = counts.get(selection.potId);
        if (lines === undefined) counts.set(selection.potId, (lines = new Map()));
        return { lines, line: canonicalLine(selection) };
      });
      seen.set(text, entries);
    }
    for (const { lines, line } of entries) lines.set(line, (lines.get(line) ?? 0) + 1);
  }
  const byPot = new Map<string, string[]>();
  for (const [potId, lines] of counts) {
    const sorted: string[] = [];
    for (const line of [...lines.keys()].sort()) for (let n = lines.get(line) ?? 0; n > 0; n--) sorted.push(line);
    byPot.set(potId, sorted);
  }
  return byPot;
}

/** SHA-256 (hex) of the sorted canonical lines, each followed by `\n`. */
export function ballotsHash(sortedLines: readonly string[]): string {
  const hash = createHash('sha256');
  let chunk = '';
  for (const line of sortedLines) {
    chunk += line + '\n';
    if (chunk.length >= 1 << 16) {
      hash.update(chunk);
      chunk = '';
    }
  }
  hash.update(chunk);
  return hash.digest('hex');
}

export interface BuiltInstance {
  instance: Instance;
  /** Ballots choosing each project (instance order). */
  votes: number[];
  /** Points (cumulative) or positional points (ranked) per project; null for approval-style ballots. */
  scores: number[] | null;
}

/**
 * The instance of one pot: projects in id order at the staff cost (moneyScale 0), one ballot per
 * line in line order with voter ids 1..n. `fields` adds PROJECTS columns (for the export).
 */
export function buildInstance(
  kind: BallotKind,
  pot: { id: string; budget: number; projects: readonly CountedProject[]; lines: readonly string[] },
  meta: ReadonlyMap<string, string> = new Map(),
  fields?: (project: CountedProject, index: number) => Record<string, string>,
): BuiltInstance {
  const index = new Map(pot.projects.map((project, i) => [project.id, i]));
  const votes = new Array<number>(pot.projects.length).fill(0);
  const scores = kind === 'cumulative' || kind === 'ranked' ? new Array<number>(pot.projects.length).fill(0) : null;
  const at = (id: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`a ballot of pot ${pot.id} names ${id}, which is not on that pot's ballot`);
    return i;
  };
  // Identical lines share one projects array: ballots are read-only to every rule.
  const parsed = new Map<string, { projects: number[]; points?: number[] }>();
  const ballots: Ballot[] = new Array<Ballot>(pot.lines.length);
  pot.lines.forEach((line, n) => {
    let choice = parsed.get(line);
    if (choice === undefined) {
      if (line === '') choice = { projects: [] };
      else if (kind === 'cumulative') {
        const pairs = line.split(',').map((pair) => pair.split(':'));
        choice = { projects: pairs.map(([id]) => at(id ?? '')), points: pairs.map(([, points]) => Number(points)) };
      } else choice = { projects: line.split(',').map(at) };
      parsed.set(line, choice);
    }
    const length = choice.projects.length;
    choice.projects.forEach((p, position) => {
      votes[p] = (votes[p] ?? 0) + 1;
      if (scores !== null) scores[p] = (scores[p] ?? 0) + (kind === 'ranked' ? length - position : (choice.points?.[position] ?? 0));
    });
    ballots[n] = choice.points === undefined ? { voterId: String(n + 1), projects: choice.projects } : { voterId: String(n + 1), projects: choice.projects, points: choice.points };
  });
  const instance: Instance = {
    meta,
    voteType: voteTypeFor(kind),
    projects: pot.projects.map((project, i) => ({ id: project.id, cost: BigInt(project.cost), fields: fields?.(project, i) ?? {} })),
    ballots,
    budget: BigInt(pot.budget),
    moneyScale: 0,
  };
  return { instance, votes, scores };
}

// ---------------------------------------------------------------------------------------------
// Plain language

function moneyFormat(currency: string): (amount: number | string) => string {
  const format = new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 2 });
  return (amount) => format.format(typeof amount === 'string' ? Number(amount) : amount);
}

/** An exact amount (`"1000/3"`, `"12"` or `"12.5"`) rounded half up to 2 decimals, as text. */
function roundAmount(text: string): string {
  const [numText = '0', denText = '1'] = text.split('/');
  const [whole = '0', fraction = ''] = numText.split('.');
  let num = BigInt(whole + fraction);
  let den = BigInt(denText) * 10n ** BigInt(fraction.length);
  const negative = num < 0n !== den < 0n;
  if (num < 0n) num = -num;
  if (den < 0n) den = -den;
  const cents = (num * 200n + den) / (2n * den);
  const units = cents / 100n;
  const rest = cents % 100n;
  const out = rest === 0n ? units.toString() : `${units}.${rest.toString().padStart(2, '0').replace(/0$/, '')}`;
  return negative && cents !== 0n ? `-${out}` : out;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** The rule in one or two sentences a resident can follow. */
export function describeRule(rule: TallyRule, kind: BallotKind): string {
  const by = kind === 'cumulative' ? 'points' : kind === 'ranked' ? 'ranking points (a ballot ranking 3 projects gives 3 points to the first, 2 to the second and 1 to the third)' : 'votes';
  switch (rule) {
    case 'greedy':
      return `Most ${kind === 'ranked' ? 'ranking points' : by} first: projects are put in order of ${by} and funded one by one while the money lasts; a project that no longer fits is skipped and the next one is tried.`;
    case 'equal-shares':
      return `Method of equal shares: the pot is split equally among the voters, and each voter's share can only pay for projects they ${kind === 'cumulative' ? 'gave points to' : 'voted for'}. A project is funded when its supporters can pay for it together, cheapest per supporter first.`;
    case 'equal-shares-add1':
      return `Method of equal shares, completed: as equal shares, then each voter's share is raised step by step while the outcome still fits the pot, so that less money is left unspent.`;
    case 'equal-shares-add1-greedy':
      return `Method of equal shares, then the money left over: as equal shares, with each voter's share raised step by step while the outcome still fits the pot; then what is left of the pot pays for the projects ${kind === 'cumulative' ? 'given points by the most voters' : 'with the most votes'} that still fit, one by one.`;
    case 'phragmen':
      return 'Sequential Phragmén: projects are bought one at a time, each spread as a "load" over the voters who voted for it so that no voter carries much more than others; the count stops at the first project that no longer fits.';
    case 'max-welfare':
      return 'Maximum welfare: of all the combinations of projects that fit in the pot, the one with the greatest total of votes × cost is funded.';
  }
}

interface Context {
  pot: PotToCount;
  settings: CountSettings;
  money: (amount: number | string) => string;
  titleOf: (id: string) => string;
  votes: (id: string) => number;
  score: (id: string) => number | null;
}

interface Translation {
  steps: ExplanationStep[];
  /** Decision and reason for each project id. */
  decisions: Map<string, { decision: ProjectDecision; reason: string }>;
}

const quoted = (title: string): string => `“${title}”`;

function supportLabel(ctx: Context, id: string): string {
  const votes = ctx.votes(id);
  const score = ctx.score(id);
  if (ctx.settings.kind === 'cumulative') return `${plural(score ?? 0, 'point')} from ${plural(votes, 'ballot')}`;
  if (ctx.settings.kind === 'ranked') return `${plural(score ?? 0, 'ranking point')} from ${plural(votes, 'ballot')}`;
  return plural(votes, 'vote');
}

function unfundedReason(ctx: Context, id: string, otherwise: string): string {
  const project = ctx.pot.projects.find((p) => p.id === id);
  if (ctx.votes(id) === 0) return 'Not funded: nobody voted for it.';
  if (project !== undefined && project.cost > ctx.pot.budget) return `Not funded: it costs ${ctx.money(project.cost)}, more than the whole pot of ${ctx.money(ctx.pot.budget)}.`;
  return otherwise;
}

function translateGreedy(ctx: Context, ex: GreedyExplanation): Translation {
  const { money } = ctx;
  const steps: ExplanationStep[] = [
    {
      projectId: null,
      decision: 'note',
      text: `Projects were put in order of ${ex.rankedBy}; ties were broken by ${ex.tieBreak}. Starting from the pot of ${money(ex.budget)}, each project in turn was funded if it still fitted in the money left.`,
    },
  ];
  const decisions = new Map<string, { decision: ProjectDecision; reason: string }>();
  for (const step of ex.steps) {
    const title = quoted(ctx.titleOf(step.projectId));
    const label = supportLabel(ctx, step.projectId);
    let text: string;
    let reason: string;
    if (step.decision === 'funded') {
      text = `${step.rank}. ${title} (${label}, costs ${money(step.cost)}) was funded, leaving ${money(step.moneyAfter)}.`;
      reason = `Funded: ${ordinal(step.rank)} in the ranking with ${label}, and its cost of ${money(step.cost)} fitted in the ${money(step.moneyBefore)} still available.`;
    } else if (step.decision === 'skipped') {
      text = `${step.rank}. ${title} (${label}, costs ${money(step.cost)}) was skipped: only ${money(step.moneyBefore)} was left.`;
      reason = `Not funded: ${ordinal(step.rank)} in the ranking with ${label}, but when its turn came only ${money(step.moneyBefore)} was left, less than its cost of ${money(step.cost)}.`;
    } else {
      text = `${step.rank}. ${title} (${label}) was not reached: the count had already stopped.`;
      reason = `Not funded: ${ordinal(step.rank)} in the ranking with ${label}; the count stopped before its turn.`;
    }
    steps.push({ projectId: step.projectId, decision: step.decision, text });
    decisions.set(step.projectId, { decision: step.decision, reason });
  }
  steps.push({ projectId: null, decision: 'note', text: `${money(ex.leftover)} of the pot was left unspent.` });
  return { steps, decisions };
}

function sharingText(ctx: Context, round: EqualSharesExplanation['rounds'][number]): string {
  const { money } = ctx;
  const full =
    round.priceUnit === 'point'
      ? `${plural(round.paidInFull, 'supporter')} paid ${money(round.price)} for each point they gave it`
      : `${plural(round.paidInFull, 'supporter')} paid ${money(round.price)} each`;
  const capped = `${plural(round.capped, 'supporter')} paid everything they had left (${money(roundAmount(round.cappedTotal))} together)`;
  if (round.capped === 0) return full;
  return round.paidInFull === 0 ? capped : `${full} and ${capped}`;
}

function translateEqualShares(ctx: Context, ex: EqualSharesExplanation): Translation & { summary: EqualSharesSummary } {
  const { money } = ctx;
  const steps: ExplanationStep[] = [
    {
      projectId: null,
      decision: 'note',
      text: `The pot of ${money(ex.budget)} was split equally among the ${plural(ex.voters, 'voter')}: ${money(ex.budgetPerVoter.start)} each. A voter's share could only pay for projects they ${ex.utility === 'points' ? 'gave points to' : 'voted for'}. Step by step, the project its supporters could pay for at the lowest price ${ex.utility === 'points' ? 'per point' : 'per supporter for what it costs'} was funded; ties were broken by the cycle's tie-break rule.`,
    },
  ];
  if (ex.completion !== 'none') {
    const stop =
      ex.stop === 'exhaustive'
        ? 'until no other project could fit in the money left'
        : 'while the outcome still fitted in the pot';
    steps.push({
      projectId: null,
      decision: 'note',
      text: `To leave less money unspent, the count was repeated with each voter's share raised ${money(1)} at a time ${stop} (${plural(ex.mesRuns, 'run')}). The outcome kept gave each voter ${money(ex.budgetPerVoter.used)}.`,
    });
  }
  const decisions = new Map<string, { decision: ProjectDecision; reason: string }>();
  const costSharing: CostSharing[] = [];
  ex.rounds.forEach((round, i) => {
    const title = quoted(ctx.titleOf(round.project));
    const sharing = sharingText(ctx, round);
    steps.push({ projectId: round.project, decision: 'funded', text: `${i + 1}. ${title} (costs ${money(round.cost)}) was funded: ${sharing}.` });
    decisions.set(round.project, { decision: 'funded', reason: `Funded in step ${i + 1} of equal shares: ${sharing}.` });
    costSharing.push({
      projectId: round.project,
      cost: Number(round.cost),
      paidInFull: round.paidInFull,
      paidEverythingLeft: round.capped,
      price: roundAmount(round.priceExact),
      priceUnit: round.priceUnit,
      paidInFullTotal: roundAmount(round.paidInFullTotal),
      paidEverythingLeftTotal: roundAmount(round.cappedTotal),
      stage: 'equal-shares',
    });
  });
  // Greedy fill (add1-greedy): what the equal-shares steps left of the real pot pays for the
  // projects not yet funded, in order of votes (ties by the tie-break), each that still fits.
  const leftAfterShares = ctx.pot.budget - ex.rounds.reduce((sum, round) => sum + Number(round.cost), 0);
  const byVoters = ctx.settings.kind === 'cumulative';
  const orderWords = byVoters ? 'how many voters gave them points' : 'votes';
  if (ex.completion === 'add1-greedy') {
    steps.push({
      projectId: null,
      decision: 'note',
      text:
        ex.voters === 0
          ? 'Nobody voted in this pot, so no project was funded with the money left over either.'
          : ex.greedyFill.length > 0
            ? `After the equal-shares steps, ${money(leftAfterShares)} of the pot was still unspent. That money, not voters' shares, then paid for the projects not yet funded, in order of ${orderWords}: each project that still fitted in what was left was funded.`
            : `After the equal-shares steps, ${money(leftAfterShares)} of the pot was still unspent, and no project that was not yet funded fitted in it, so nothing was added with the money left over.`,
    });
  }
  let moneyLeft = leftAfterShares;
  for (const fill of ex.greedyFill) {
    const title = quoted(ctx.titleOf(fill.project));
    const cost = Number(fill.cost);
    const before = moneyLeft;
    moneyLeft -= cost;
    const support = byVoters ? `points from ${plural(fill.votes, 'voter')}` : plural(fill.votes, 'vote');
    const why =
      fill.votes === 0
        ? `nobody voted for it, but no project with ${byVoters ? 'points' : 'votes'} fitted any more and its cost of ${money(cost)} fitted in the ${money(before)} still left`
        : `with ${support} it came next in order of ${orderWords} among the projects not yet funded, and its cost of ${money(cost)} fitted in the ${money(before)} still left`;
    steps.push({
      projectId: fill.project,
      decision: 'funded',
      text: `${title} (${support}, costs ${money(cost)}) was funded with money left over in the pot, not from voters' shares: ${money(before)} was left, so it fitted, leaving ${money(moneyLeft)}.`,
    });
    decisions.set(fill.project, { decision: 'funded', reason: `Funded with money left over in the pot after the equal-shares steps, not from voters' shares: ${why}.` });
    costSharing.push({
      projectId: fill.project,
      cost: Number(fill.cost),
      paidInFull: 0,
      paidEverythingLeft: 0,
      price: '0',
      priceUnit: 'supporter',
      paidInFullTotal: '0',
      paidEverythingLeftTotal: '0',
      stage: 'completion',
    });
  }
  const notAffordable = 'Not funded: its supporters did not have enough of their equal shares left to pay for it together';
  for (const project of ctx.pot.projects) {
    if (decisions.has(project.id)) continue;
    const otherwise =
      ex.completion !== 'add1-greedy'
        ? `${notAffordable}.`
        : project.cost > leftAfterShares
          ? `${notAffordable}, and at ${money(project.cost)} it cost more than the ${money(leftAfterShares)} of the pot left over afterwards.`
          : `${notAffordable}, and the ${money(leftAfterShares)} of the pot left over afterwards went first to projects ahead of it in order of ${orderWords}; too little was left for it.`;
    const reason = unfundedReason(ctx, project.id, otherwise);
    steps.push({ projectId: project.id, decision: 'skipped', text: `${quoted(project.title)} (costs ${money(project.cost)}) was not funded. ${reason.replace(/^Not funded: /, '').replace(/^./, (c) => c.toUpperCase())}` });
    decisions.set(project.id, { decision: 'skipped', reason });
  }
  const spent = ex.rounds.reduce((sum, round) => sum + Number(round.cost), 0) + ex.greedyFill.reduce((sum, fill) => sum + Number(fill.cost), 0);
  steps.push({
    projectId: null,
    decision: 'note',
    text:
      ex.completion === 'add1-greedy'
        ? `${money(ex.unspent.amount)} of the voters' shares was not spent in the equal-shares steps; ${ex.greedyFill.length > 0 ? `${money(leftAfterShares - moneyLeft)} of the money left over in the pot paid for ${plural(ex.greedyFill.length, 'more project')}` : 'no more projects were paid for from the money left over'}; ${money(ctx.pot.budget - spent)} of the pot was left unspent.`
        : `${money(ex.unspent.amount)} of the voters' shares was not spent; ${money(ctx.pot.budget - spent)} of the pot was left unspent.`,
  });
  return {
    steps,
    decisions,
    summary: {
      voters: ex.voters,
      budgetPerVoterStart: roundAmount(ex.budgetPerVoter.start),
      budgetPerVoterUsed: roundAmount(ex.budgetPerVoter.usedExact),
      costSharing,
      unspent: roundAmount(ex.unspent.exact),
    },
  };
}

function translatePhragmen(ctx: Context, ex: PhragmenExplanation, spent: number): Translation {
  const { money } = ctx;
  const steps: ExplanationStep[] = [
    {
      projectId: null,
      decision: 'note',
      text: `Projects were bought one at a time. Each purchase was spread as a "load" over the voters who voted for it, choosing each time the project that kept the heaviest load on its supporters smallest; ties were broken by ${ex.tieBreak}.`,
    },
  ];
  const decisions = new Map<string, { decision: ProjectDecision; reason: string }>();
  for (const round of ex.rounds) {
    const title = quoted(ctx.titleOf(round.projectId));
    steps.push({
      projectId: round.projectId,
      decision: 'funded',
      text: `Round ${round.round}: ${title} (costs ${money(round.cost)}, ${plural(round.supporters, 'supporter')}) was funded; each of its supporters now carries a load of ${money(round.newMaxLoad)}. ${money(round.moneyLeft)} left.`,
    });
    decisions.set(round.projectId, {
      decision: 'funded',
      reason: `Funded in round ${round.round}: of the projects left, it spread its cost over its ${plural(round.supporters, 'supporter')} with the smallest load on any of them (${money(round.newMaxLoad)}).`,
    });
  }
  const left = ctx.pot.budget - spent;
  const stopId = /^project (\S+) /.exec(ex.stop)?.[1];
  const stopProject = ctx.pot.projects.find((p) => p.id === stopId);
  const stopText =
    stopProject === undefined
      ? ex.stop.startsWith('every')
        ? 'Every project that fits in the pot was bought.'
        : `The count stopped: the projects left had no supporters and did not fit in the ${money(left)} left.`
      : `The count stopped: ${quoted(stopProject.title)} was next (it gave the smallest new load) but costs ${money(stopProject.cost)}, more than the ${money(left)} left. This rule does not skip a project that does not fit.`;
  steps.push({ projectId: null, decision: 'note', text: stopText });
  for (const project of ctx.pot.projects) {
    if (decisions.has(project.id)) continue;
    const reason = unfundedReason(ctx, project.id, `Not funded: ${stopText.replace(/^The count stopped: /, 'the count stopped before it: ')}`);
    const decision: ProjectDecision = ctx.votes(project.id) > 0 && project.cost <= ctx.pot.budget ? 'not reached' : 'skipped';
    steps.push({ projectId: project.id, decision, text: `${quoted(project.title)} (costs ${money(project.cost)}) was not funded.` });
    decisions.set(project.id, { decision, reason });
  }
  return { steps, decisions };
}

function translateMaxWelfare(ctx: Context, ex: MaxWelfareExplanation): Translation {
  const { money } = ctx;
  const steps: ExplanationStep[] = [
    {
      projectId: null,
      decision: 'note',
      text: `Of all the combinations of projects that fit in the pot of ${money(ex.budget)}, the one with the greatest total of votes × cost was chosen (${ex.method}). Among equally good combinations, ties were broken by ${ex.tieBreak}.`,
    },
  ];
  const decisions = new Map<string, { decision: ProjectDecision; reason: string }>();
  for (const row of ex.projects) {
    const title = quoted(ctx.titleOf(row.projectId));
    if (row.decision === 'in') {
      steps.push({ projectId: row.projectId, decision: 'funded', text: `${title}: ${plural(row.votes, 'vote')} × ${money(row.cost)}, in the best combination.` });
      decisions.set(row.projectId, { decision: 'funded', reason: `Funded: it is part of the combination of projects that fits the pot and gives the greatest total of votes × cost (${plural(row.votes, 'vote')}).` });
    } else {
      const reason = unfundedReason(ctx, row.projectId, 'Not funded: the best combination of projects that fits the pot does not include it.');
      steps.push({ projectId: row.projectId, decision: 'skipped', text: `${title}: ${plural(row.votes, 'vote')} × ${money(row.cost)}, left out.` });
      decisions.set(row.projectId, { decision: 'skipped', reason });
    }
  }
  steps.push({ projectId: null, decision: 'note', text: `${money(ex.spent)} was spent and ${money(ex.leftover)} left unspent.` });
  return { steps, decisions };
}

/** Counts one pot under the cycle's rule and explains the outcome. Deterministic: same input, same output. */
export function countPot(pot: PotToCount, settings: CountSettings): PotCount {
  const ruleKey = ruleKeyFor(settings.rule, settings.kind);
  const { instance, votes, scores } = buildInstance(settings.kind, pot);
  const result = runCount(ruleKey, instance, settings.tieBreak);
  const position = new Map(pot.projects.map((project, i) => [project.id, i]));
  const ctx: Context = {
    pot,
    settings,
    money: moneyFormat(settings.currency),
    titleOf: (id) => pot.projects[position.get(id) ?? -1]?.title ?? id,
    votes: (id) => votes[position.get(id) ?? -1] ?? 0,
    score: (id) => (scores === null ? null : (scores[position.get(id) ?? -1] ?? 0)),
  };
  const spent = Number(result.cost);
  let translation: Translation;
  let summary: EqualSharesSummary | null = null;
  if (ruleKey.startsWith('greedy_')) translation = translateGreedy(ctx, result.explanation as GreedyExplanation);
  else if (ruleKey.startsWith('mes_')) {
    const mes = translateEqualShares(ctx, result.explanation as EqualSharesExplanation);
    translation = mes;
    summary = mes.summary;
  } else if (ruleKey === 'seq_phragmen') translation = translatePhragmen(ctx, result.explanation as PhragmenExplanation, spent);
  else translation = translateMaxWelfare(ctx, result.explanation as MaxWelfareExplanation);

  const funded = [...result.selected];
  const fundedAt = new Map(funded.map((id, i) => [id, i]));
  const outcome = (project: CountedProject): ProjectOutcome => {
    const isFunded = fundedAt.has(project.id);
    const decided = translation.decisions.get(project.id);
    return {
      id: project.id,
      title: project.title,
      category: project.category,
      cost: project.cost,
      funded: isFunded,
      decision: isFunded ? 'funded' : decided?.decision === 'funded' || decided === undefined ? 'skipped' : decided.decision,
      votes: ctx.votes(project.id),
      score: ctx.score(project.id),
      shareOfPot: pot.budget > 0 ? Math.round((project.cost / pot.budget) * 10_000) / 10_000 : 0,
      reason: decided?.reason ?? (isFunded ? 'Funded.' : 'Not funded.'),
      contribution: project.contribution,
    };
  };
  // Funded first in funding order, then the rest by votes, score, then id.
  const projects = pot.projects.map(outcome).sort((a, b) => {
    const fa = fundedAt.get(a.id);
    const fb = fundedAt.get(b.id);
    if (fa !== undefined || fb !== undefined) return (fa ?? Infinity) - (fb ?? Infinity);
    return b.votes - a.votes || (b.score ?? 0) - (a.score ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  return {
    ruleKey,
    spent,
    ballotCount: pot.lines.length,
    ballotsHash: ballotsHash(pot.lines),
    funded,
    projects,
    explanation: translation.steps,
    equalShares: summary,
    engineExplanation: result.explanation,
  };
}

/** JSON with object keys sorted at every level: the form every hashed document takes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const record = item as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]]));
  });
}

/** What a pot's stored result is hashed over: the fields of its PotResult that the count decides. */
export interface HashedPotResult {
  potId: string;
  rule: TallyRule;
  ruleKey: string;
  tieBreak: TieBreakCriterion[];
  ballotKind: BallotKind;
  budget: number;
  spent: number;
  ballots: number;
  ballotsHash: string;
  funded: string[];
  projects: ProjectOutcome[];
  explanation: ExplanationStep[];
  equalShares: EqualSharesSummary | null;
}

/** SHA-256 (hex) of each pot's canonical JSON followed by `\n`, pots in id order. */
export function resultHash(pots: readonly HashedPotResult[]): string {
  const hash = createHash('sha256');
  for (const pot of [...pots].sort((a, b) => (a.potId < b.potId ? -1 : a.potId > b.potId ? 1 : 0))) hash.update(canonicalJson(pot) + '\n');
  return hash.digest('hex');
}
