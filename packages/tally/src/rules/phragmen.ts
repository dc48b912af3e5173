import type { Instance } from '../model';
import { formatMoney } from '../pabulib/decimal';
import { RuleNotApplicableError } from './errors';
import { compare, formatRatio, ratio, type Ratio } from './rational';
import { approvalCounts, describeTieBreak, tieBreakComparator } from './tieBreak';
import { DEFAULT_TIE_BREAK, type TallyResult, type TieBreak } from './types';

export interface PhragmenOptions {
  readonly tieBreak?: TieBreak;
}

export interface LoadGroup {
  /** Load in currency units (rounded for display). */
  readonly load: string;
  readonly voters: number;
}

export interface PhragmenRound {
  readonly round: number;
  readonly projectId: string;
  readonly cost: string;
  readonly supporters: number;
  /** The new maximal load of its supporters, (their current loads + cost) / supporters. */
  readonly newMaxLoad: string;
  /** Exact value of newMaxLoad as a fraction of currency units. */
  readonly newMaxLoadExact: string;
  readonly moneyLeft: string;
  /** How many voters carry each load after this round (loads grouped, largest first). */
  readonly loads: readonly LoadGroup[];
}

export interface PhragmenExplanation {
  readonly kind: 'seq_phragmen';
  readonly tieBreak: string;
  readonly budget: string;
  readonly rounds: readonly PhragmenRound[];
  /** Why the rule stopped. */
  readonly stop: string;
}

/** Display digits for loads: money decimals plus 4, enough to tell close loads apart. */
const EXTRA_DIGITS = 4;

/**
 * Sequential Phragmén (pabutools `sequential_phragmen`). Every voter carries a load, starting at
 * 0. Each round the project whose purchase gives its supporters the smallest new common load
 * t = (Σ supporters' loads + cost) / #supporters is bought and every supporter's load becomes t.
 * Projects costing more than the whole budget are never candidates. When any project tied for
 * the smallest t does not fit in the money left, the rule stops (it does not skip).
 * Approval / choose-1 ballots only. Exact rational arithmetic.
 */
export function seqPhragmen(instance: Instance, options: PhragmenOptions = {}): TallyResult<PhragmenExplanation> {
  if (instance.voteType !== 'approval' && instance.voteType !== 'choose-1') {
    throw new RuleNotApplicableError(`rule seq_phragmen needs approval or choose-1 ballots, this instance has ${instance.voteType} ballots`);
  }
  const tieBreak = options.tieBreak ?? DEFAULT_TIE_BREAK;
  const projects = instance.projects;
  const m = projects.length;
  const nVoters = instance.ballots.length;
  const scale = instance.moneyScale;
  const approvals = approvalCounts(instance);
  const tie = tieBreakComparator(instance, tieBreak, approvals);

  // Supporters of each project as one flat array (CSR layout).
  const start = new Int32Array(m + 1);
  for (let p = 0; p < m; p++) start[p + 1] = (start[p] ?? 0) + (approvals[p] ?? 0);
  const fill = start.slice(0, m);
  const supporters = new Int32Array(start[m] ?? 0);
  // Ballots flattened the same way, so the hot loop below reads typed arrays only.
  const ballotStart = new Int32Array(nVoters + 1);
  const ballotItems = new Int32Array(start[m] ?? 0);
  instance.ballots.forEach((ballot, v) => {
    let at = ballotStart[v] ?? 0;
    for (const p of ballot.projects) {
      const slot = fill[p] ?? 0;
      supporters[slot] = v;
      fill[p] = slot + 1;
      ballotItems[at++] = p;
    }
    ballotStart[v + 1] = at;
  });

  // Voters' loads are always one of the rounds' t values: each voter stores a level, and every
  // load is kept as an integer numerator over one common denominator `den` (money units), so the
  // hot loops add integers and never reduce fractions.
  let den = 1n;
  const levelNum: bigint[] = [0n];
  const levelOf = new Int32Array(nVoters);
  const votersAtLevel: number[] = [nVoters];
  const loadSumNum: bigint[] = projects.map(() => 0n);
  // At most one new level per round, and at most one round per project.
  const maxLevels = m + 1;
  const movedCount = new Int32Array(m * maxLevels);
  const touched: number[] = [];

  const remaining = new Set<number>();
  projects.forEach((p, i) => {
    if (p.cost <= instance.budget) remaining.add(i);
  });

  let left = instance.budget;
  const selected: string[] = [];
  const rounds: PhragmenRound[] = [];
  let stop = 'every candidate project was bought';

  while (remaining.size > 0) {
    // t(q) = (loadSum + cost) / count = X / (den · count); compare X_a·count_b with X_b·count_a.
    let bestX = 0n;
    let bestCount = 0n;
    let tied: number[] = [];
    let anyFinite = false;
    for (const q of remaining) {
      const count = approvals[q] ?? 0;
      if (count === 0) {
        if (!anyFinite) tied.push(q);
        continue;
      }
      const x = (loadSumNum[q] ?? 0n) + (projects[q]?.cost ?? 0n) * den;
      const n = BigInt(count);
      if (!anyFinite) {
        anyFinite = true;
        bestX = x;
        bestCount = n;
        tied = [q];
        continue;
      }
      const l = x * bestCount;
      const r = bestX * n;
      if (l < r) {
        bestX = x;
        bestCount = n;
        tied = [q];
      } else if (l === r) {
        tied.push(q);
      }
    }
    const tooBig = tied.find((q) => (projects[q]?.cost ?? 0n) > left);
    if (tooBig !== undefined) {
      const id = projects[tooBig]?.id ?? '';
      stop = anyFinite
        ? `project ${id} gives the smallest new load but costs ${formatMoney(projects[tooBig]?.cost ?? 0n, scale)}, more than the ${formatMoney(left, scale)} left, so the rule stops`
        : `the projects left have no supporters and project ${id} does not fit in the ${formatMoney(left, scale)} left, so the rule stops`;
      break;
    }
    tied.sort(tie);
    const p = tied[0];
    const project = p === undefined ? undefined : projects[p];
    if (p === undefined || !project) break;
    remaining.delete(p);
    left -= project.cost;
    selected.push(project.id);

    let newMax: Ratio | undefined;
    if (anyFinite) {
      const x = (loadSumNum[p] ?? 0n) + project.cost * den;
      const n = BigInt(approvals[p] ?? 0);
      const g = gcd(x, n);
      const f = n / g;
      if (f !== 1n) {
        den *= f;
        for (let k = 0; k < levelNum.length; k++) levelNum[k] = (levelNum[k] ?? 0n) * f;
        for (let q = 0; q < m; q++) loadSumNum[q] = (loadSumNum[q] ?? 0n) * f;
      }
      const newNum = x / g;
      const newLevel = levelNum.length;
      levelNum.push(newNum);
      votersAtLevel.push(0);
      // Count, per (project, old level), the supporters that move to the new level with integer
      // arithmetic first; then one bigint update per touched pair instead of one per voter.
      touched.length = 0;
      for (let k = start[p] ?? 0; k < (start[p + 1] ?? 0); k++) {
        const v = supporters[k] ?? 0;
        const old = levelOf[v] ?? 0;
        levelOf[v] = newLevel;
        votersAtLevel[old] = (votersAtLevel[old] ?? 0) - 1;
        votersAtLevel[newLevel] = (votersAtLevel[newLevel] ?? 0) + 1;
        const end = ballotStart[v + 1] ?? 0;
        for (let j = ballotStart[v] ?? 0; j < end; j++) {
          const cell = (ballotItems[j] ?? 0) * maxLevels + old;
          const before = movedCount[cell] ?? 0;
          if (before === 0) touched.push(cell);
          movedCount[cell] = before + 1;
        }
      }
      for (const cell of touched) {
        const q = Math.floor(cell / maxLevels);
        const old = cell - q * maxLevels;
        const count = BigInt(movedCount[cell] ?? 0);
        movedCount[cell] = 0;
        loadSumNum[q] = (loadSumNum[q] ?? 0n) + count * (newNum - (levelNum[old] ?? 0n));
      }
      newMax = ratio(newNum, den);
    }
    rounds.push({
      round: rounds.length + 1,
      projectId: project.id,
      cost: formatMoney(project.cost, scale),
      supporters: approvals[p] ?? 0,
      newMaxLoad: newMax ? formatRatio(newMax, scale, scale + EXTRA_DIGITS) : 'none (no supporters)',
      newMaxLoadExact: newMax ? `${newMax.n}/${newMax.d * 10n ** BigInt(scale)}` : 'none',
      moneyLeft: formatMoney(left, scale),
      loads: loadGroups(levelNum, den, votersAtLevel, scale),
    });
  }

  return {
    rule: 'seq_phragmen',
    selected,
    cost: instance.budget - left,
    explanation: {
      kind: 'seq_phragmen',
      tieBreak: describeTieBreak(tieBreak),
      budget: formatMoney(instance.budget, scale),
      rounds,
      stop,
    },
  };
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function loadGroups(levelNum: readonly bigint[], den: bigint, counts: readonly number[], scale: number): LoadGroup[] {
  const groups: { value: Ratio; voters: number }[] = [];
  levelNum.forEach((num, k) => {
    const voters = counts[k] ?? 0;
    if (voters > 0) groups.push({ value: { n: num, d: den }, voters });
  });
  groups.sort((a, b) => compare(b.value, a.value));
  return groups.map((g) => ({ load: formatRatio(g.value, scale, scale + EXTRA_DIGITS), voters: g.voters }));
}
