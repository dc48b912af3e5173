import { floatShift, gcdNumber, ratioToFloat } from '../../arith/rational';
import type { ApprovalProfile } from './profile';
import { NEAR, type LeftoverGroup, type MesEngine, type MesRun, type Ratio, type RoundDetail } from './types';

/**
 * MES for approval-style utilities (Cost_Sat: u = cost, Cardinality_Sat: u = 1), where every
 * supporter of a project has the same utility for it, so a project's cost is shared equally and
 * only the poorest supporters are capped.
 *
 * Voters are kept in *budget classes*: sets of ballot groups that have exactly the same budget
 * left. All voters start in one class; funding a project splits each class into its supporters
 * (who pay) and the rest, and every supporter who runs out of money joins the single zero class.
 * Classes stay few (hundreds to a few thousand) even with 60,000 voters, and the classes are kept
 * sorted by budget, so the affordability of a project is a short walk from the poorest class up
 * to the first one that can pay the equal share.
 *
 * Two modes share that structure:
 * - fast: budgets as floats. Every decision that floats could get wrong (two projects within a
 *   relative 1e-9 of each other, a supporter whose budget is within 1e-9 of the share, a project
 *   within 1e-9 of being affordable) makes the run return `null`.
 * - exact: budgets as bigint numerators over one bigint denominator D; floats are only used to
 *   skip projects that are clearly not the best, and every remaining comparison is exact. This
 *   reproduces pabutools' exact rational (mpq) arithmetic.
 */
export class ApprovalEngine implements MesEngine {
  private readonly P: number;
  private readonly costF: Float64Array;
  private readonly utilF: Float64Array;
  private readonly utilX: bigint[];
  private readonly cnt: Int32Array;
  private readonly size: Float64Array;
  private readonly bf: Float64Array;
  private readonly bx: bigint[];
  private readonly cls: Int32Array;
  private readonly target: Int32Array;
  /** 1 while a project can still be funded in this run; counts of dead projects go stale. */
  private readonly live: Uint8Array;
  /** Per run: each group's ballot, compacted as its projects drop out of play (see fund). */
  private readonly items: Int32Array;
  private readonly itemsLen: Int32Array;
  private readonly free: number[] = [];
  private readonly touchedBuf: Int32Array;
  private accFull = 0;
  private accCapped = 0;
  private accCappedNum = 0n;
  private nextId = 0;
  private highWater = 0;
  private order: Int32Array;
  private orderLen = 0;
  private scratchA: Int32Array;
  private scratchB: Int32Array;
  private zeroId = -1;
  private D = 1n;
  private shift = 0;
  private dShifted = 1;

  constructor(
    private readonly profile: ApprovalProfile,
    private readonly costs: readonly bigint[],
    private readonly candidates: readonly number[],
    utility: 'cost' | 'cardinality',
    /** Negative when project a wins a tie against b. */
    private readonly tieCompare: (a: number, b: number) => number,
  ) {
    this.P = profile.projectCount;
    this.costF = Float64Array.from(costs, (c) => Number(c));
    this.utilF = utility === 'cost' ? this.costF : new Float64Array(this.P).fill(1);
    this.utilX = utility === 'cost' ? [...costs] : new Array<bigint>(this.P).fill(1n);
    const maxK = profile.groupCount + 2;
    this.cnt = new Int32Array(maxK * this.P);
    this.size = new Float64Array(maxK);
    this.bf = new Float64Array(maxK);
    this.bx = new Array<bigint>(maxK).fill(0n);
    this.cls = new Int32Array(profile.groupCount);
    this.target = new Int32Array(maxK).fill(-2);
    this.live = new Uint8Array(this.P);
    this.items = new Int32Array(profile.ballotItems.length);
    this.itemsLen = new Int32Array(profile.groupCount);
    this.order = new Int32Array(maxK);
    this.scratchA = new Int32Array(maxK);
    this.scratchB = new Int32Array(maxK);
    this.touchedBuf = new Int32Array(maxK);
  }

  run(budget: Ratio, exact: boolean, details: boolean): MesRun | null {
    const { P, cnt, size, bf, bx } = this;
    const pr = this.profile;
    cnt.fill(0, 0, this.highWater * P);
    size.fill(0, 0, this.highWater);
    this.free.length = 0;
    this.nextId = 0;
    this.zeroId = -1;
    this.D = budget.den;
    this.refreshShift();
    const rounds: RoundDetail[] = [];
    const selected: number[] = [];
    let spent = 0n;

    this.items.set(pr.ballotItems);
    for (let g = 0; g < pr.groupCount; g++) this.itemsLen[g] = (pr.ballotStart[g + 1] ?? 0) - (pr.ballotStart[g] ?? 0);
    if (pr.groupCount > 0) {
      const k0 = this.alloc();
      this.cls.fill(k0);
      for (let q = 0; q < P; q++) cnt[k0 * P + q] = pr.supporters[q] ?? 0;
      let total = 0;
      for (let g = 0; g < pr.groupCount; g++) total += pr.weight[g] ?? 0;
      size[k0] = total;
      bx[k0] = budget.num;
      bf[k0] = ratioToFloat(budget.num, budget.den);
      this.order[0] = k0;
      this.orderLen = 1;
    } else {
      this.orderLen = 0;
    }

    const alive = this.candidates.filter((q) => (pr.supporters[q] ?? 0) > 0);
    this.live.fill(0);
    for (const q of alive) this.live[q] = 1;
    const lb = new Float64Array(P);
    for (const q of alive) lb[q] = (this.costF[q] ?? 0) / (pr.supporters[q] ?? 1) / (this.utilF[q] ?? 1);

    for (;;) {
      // Insertion sort: the order by lower bound barely changes from one round to the next.
      for (let i = 1; i < alive.length; i++) {
        const q = alive[i] ?? 0;
        const key = lb[q] ?? 0;
        let j = i - 1;
        while (j >= 0 && (lb[alive[j] ?? 0] ?? 0) > key) {
          alive[j + 1] = alive[j] ?? 0;
          j--;
        }
        alive[j + 1] = q;
      }
      let best = Infinity;
      const evaluated: { q: number; rho: number; t: number; touchy: boolean; rem: number; paidNothing: boolean }[] = [];
      const dropped = new Set<number>();
      for (const q of alive) {
        if ((lb[q] ?? 0) > best * (1 + NEAR)) break;
        const s = this.scanFloat(q);
        if (s.t === Infinity) {
          if (!s.nearAffordable) {
            dropped.add(q);
            continue;
          }
          if (!exact) return null;
          const x = this.scanExact(q);
          if (!x) {
            dropped.add(q);
            continue;
          }
          const t = this.tFloat(x);
          const rho = t / (this.utilF[q] ?? 1);
          lb[q] = rho;
          evaluated.push({ q, rho, t, touchy: true, rem: x.rem, paidNothing: false });
          if (rho < best) best = rho;
          continue;
        }
        const rho = s.t / (this.utilF[q] ?? 1);
        lb[q] = rho;
        evaluated.push({ q, rho, t: s.t, touchy: s.touchy, rem: s.rem, paidNothing: s.paidNothing });
        if (rho < best) best = rho;
      }
      if (dropped.size > 0) {
        let w = 0;
        for (const q of alive) if (!dropped.has(q)) alive[w++] = q;
        alive.length = w;
        for (const q of dropped) this.live[q] = 0;
      }
      if (evaluated.length === 0) break;
      const near = evaluated.filter((e) => e.rho <= best * (1 + NEAR));

      let winner: number;
      let tf: number;
      let tExact: { tn: bigint; rem: number } | null = null;
      if (!exact) {
        const pick = this.resolveInFloat(near);
        if (!pick) return null;
        winner = pick.q;
        tf = pick.t;
      } else {
        let bestX: { q: number; tn: bigint; rem: number } | null = null;
        for (const e of near) {
          const x = this.scanExact(e.q, e.t);
          if (!x) continue;
          if (!bestX) {
            bestX = { q: e.q, ...x };
            continue;
          }
          // ρ = tn / (rem · D · u); compare across projects by cross-multiplication.
          const lhs = x.tn * BigInt(bestX.rem) * (this.utilX[bestX.q] ?? 1n);
          const rhs = bestX.tn * BigInt(x.rem) * (this.utilX[e.q] ?? 1n);
          if (lhs < rhs || (lhs === rhs && this.tieCompare(e.q, bestX.q) < 0)) bestX = { q: e.q, ...x };
        }
        if (!bestX) throw new Error('MES: no affordable project among the near-best ones');
        winner = bestX.q;
        tExact = bestX;
        tf = this.tFloat(bestX);
      }

      this.live[winner] = 0;
      const paid = this.fund(winner, tf, tExact, details);
      selected.push(winner);
      spent += this.costs[winner] ?? 0n;
      if (details && paid.price) {
        rounds.push({
          project: winner,
          price: paid.price,
          paidInFull: paid.full,
          capped: paid.capped,
          paidInFullTotal: { num: paid.price.num * BigInt(paid.full), den: paid.price.den },
          cappedTotal: { num: paid.cappedNum, den: paid.price.den },
        });
      }
      const at = alive.indexOf(winner);
      alive.splice(at, 1);
      if (alive.length === 0) break;
    }

    const result: MesRun = { selected, cost: spent };
    if (!details) return result;
    const leftovers: LeftoverGroup[] = [];
    for (let i = 0; i < this.orderLen; i++) {
      const k = this.order[i] ?? 0;
      leftovers.push({ voters: size[k] ?? 0, remaining: { num: bx[k] ?? 0n, den: this.D } });
    }
    return { ...result, rounds, leftovers };
  }

  /**
   * The winner among near-equal candidates without exact budgets, when that is still exact: a
   * clear single winner, or candidates whose only capped supporters have nothing left (so the
   * share is exactly cost / paying supporters, as in every first round: equal vote counts tie).
   */
  private resolveInFloat(
    near: readonly { q: number; t: number; touchy: boolean; rem: number; paidNothing: boolean }[],
  ): { q: number; t: number } | null {
    const first = near[0];
    if (!first) return null;
    if (near.length === 1) return first.touchy ? null : first;
    if (near.some((e) => e.touchy || !e.paidNothing)) return null;
    // ρ = cost / (rem · u), compared exactly.
    let best = first;
    for (const e of near.slice(1)) {
      const lhs = (this.costs[e.q] ?? 0n) * BigInt(best.rem) * (this.utilX[best.q] ?? 1n);
      const rhs = (this.costs[best.q] ?? 0n) * BigInt(e.rem) * (this.utilX[e.q] ?? 1n);
      if (lhs < rhs || (lhs === rhs && this.tieCompare(e.q, best.q) < 0)) best = e;
    }
    return best;
  }

  private tFloat(x: { tn: bigint; rem: number }): number {
    return ratioToFloat(x.tn, this.D, this.shift) / x.rem;
  }

  private refreshShift(): void {
    this.shift = floatShift(this.D);
    this.dShifted = Number(this.D >> BigInt(this.shift));
  }

  private toFloat(num: bigint): number {
    return this.shift === 0 ? Number(num) / this.dShifted : Number(num >> BigInt(this.shift)) / this.dShifted;
  }

  /** Retired groups can leave stale counts of dead projects behind: clear the row for reuse. */
  private freeClass(k: number): void {
    this.cnt.fill(0, k * this.P, (k + 1) * this.P);
    this.free.push(k);
  }

  private alloc(): number {
    const k = this.free.pop() ?? this.nextId++;
    if (this.nextId > this.highWater) this.highWater = this.nextId;
    return k;
  }

  /**
   * Float water-filling for project q: walk classes from the poorest; `t` is the equal share
   * (ρ·u) or Infinity when the supporters together cannot pay.
   */
  private scanFloat(q: number): { t: number; touchy: boolean; nearAffordable: boolean; rem: number; paidNothing: boolean } {
    const { P, cnt, bf, order } = this;
    const c = this.costF[q] ?? 0;
    let rem = this.profile.supporters[q] ?? 0;
    let paid = 0;
    let touchy = false;
    for (let i = 0; i < this.orderLen; i++) {
      const k = order[i] ?? 0;
      const m = cnt[k * P + q] ?? 0;
      if (m === 0) continue;
      const t = (c - paid) / rem;
      const b = bf[k] ?? 0;
      if (b >= t) {
        if (b - t <= NEAR * t) touchy = true;
        return { t, touchy, nearAffordable: false, rem, paidNothing: paid === 0 };
      }
      if (t - b <= NEAR * t) touchy = true;
      paid += m * b;
      rem -= m;
      if (rem <= 0) break;
    }
    return { t: Infinity, touchy, nearAffordable: paid >= c * (1 - NEAR), rem, paidNothing: paid === 0 };
  }

  /**
   * Exact water-filling: the share is tn / (rem · D), or null when unaffordable. With the float
   * share `tf` known, classes far below it are capped and classes far above it pay in full, so
   * only the few classes close to it need exact sorting; the split is then checked exactly.
   */
  private scanExact(q: number, tf?: number): { tn: bigint; rem: number } | null {
    if (tf !== undefined && Number.isFinite(tf)) {
      const quick = this.scanExactAround(q, tf);
      if (quick !== undefined) return quick;
    }
    const { P, cnt, order } = this;
    const ks: number[] = [];
    for (let i = 0; i < this.orderLen; i++) {
      const k = order[i] ?? 0;
      if ((cnt[k * P + q] ?? 0) > 0) ks.push(k);
    }
    return this.walkExact(q, ks, 0n, this.profile.supporters[q] ?? 0);
  }

  /** undefined when the float split does not hold exactly (then the caller sorts everything). */
  private scanExactAround(q: number, tf: number): { tn: bigint; rem: number } | null | undefined {
    const { P, cnt, bx, bf, order } = this;
    const low = tf * (1 - 1e-6);
    const high = tf * (1 + 1e-6);
    let paid = 0n;
    let rem = this.profile.supporters[q] ?? 0;
    let topCapped = -1;
    let firstRich = -1;
    const middle: number[] = [];
    for (let i = 0; i < this.orderLen; i++) {
      const k = order[i] ?? 0;
      const m = cnt[k * P + q] ?? 0;
      if (m === 0) continue;
      const b = bf[k] ?? 0;
      if (b < low) {
        paid += BigInt(m) * (bx[k] ?? 0n);
        rem -= m;
        if (topCapped < 0 || (bx[k] ?? 0n) > (bx[topCapped] ?? 0n)) topCapped = k;
      } else if (b > high) {
        if (firstRich < 0 || (bx[k] ?? 0n) < (bx[firstRich] ?? 0n)) firstRich = k;
      } else {
        middle.push(k);
      }
    }
    if (firstRich >= 0) middle.push(firstRich);
    const cD = (this.costs[q] ?? 0n) * this.D;
    if (rem === 0) return paid < cD ? null : undefined;
    // Every class counted as capped must really be below the share it leads to (the share only
    // grows as more classes are capped, and the classes counted as paying in full are checked by
    // the exact walk, which ends with the poorest of them).
    if (topCapped >= 0 && (bx[topCapped] ?? 0n) * BigInt(rem) >= cD - paid) return undefined;
    const res = this.walkExact(q, middle, paid, rem);
    if (res === null) return firstRich >= 0 ? undefined : null;
    return res;
  }

  private walkExact(q: number, ks: number[], paid0: bigint, rem0: number): { tn: bigint; rem: number } | null {
    const { P, cnt, bx } = this;
    ks.sort((a, b) => {
      const x = bx[a] ?? 0n;
      const y = bx[b] ?? 0n;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const cD = (this.costs[q] ?? 0n) * this.D;
    let paid = paid0;
    let rem = rem0;
    for (const k of ks) {
      const m = cnt[k * P + q] ?? 0;
      const tn = cD - paid;
      const b = bx[k] ?? 0n;
      if (b * BigInt(rem) >= tn) return { tn, rem };
      paid += BigInt(m) * b;
      rem -= m;
    }
    return null;
  }

  /**
   * Where class k's supporters of w go: the zero class when they cannot pay the share (they pay
   * what they have), else the class itself (when all of it supports w) or a new class, with the
   * share taken off. Counts the voters of each kind.
   */
  private decide(k: number, w: number, exact: boolean, tf: number, tr: bigint): number {
    const { cnt, size, bf, bx } = this;
    const m = cnt[k * this.P + w] ?? 0;
    const whole = m === size[k];
    const isCapped = exact ? (bx[k] ?? 0n) <= tr : (bf[k] ?? 0) <= tf;
    if (isCapped) {
      this.accCapped += m;
      if (exact) this.accCappedNum += BigInt(m) * (bx[k] ?? 0n);
      if (this.zeroId < 0) {
        const z = whole ? k : this.alloc();
        this.zeroId = z;
        bf[z] = 0;
        bx[z] = 0n;
        return z;
      }
      return this.zeroId;
    }
    this.accFull += m;
    const nk = whole ? k : this.alloc();
    if (exact) {
      bx[nk] = (bx[k] ?? 0n) - tr;
      bf[nk] = this.toFloat(bx[nk] ?? 0n);
    } else {
      bf[nk] = (bf[k] ?? 0) - tf;
    }
    return nk;
  }

  /** Every supporter of w pays min(budget, share); classes split and the order is rebuilt. */
  private fund(
    w: number,
    tf: number,
    tExact: { tn: bigint; rem: number } | null,
    details: boolean,
  ): { full: number; capped: number; cappedNum: bigint; price: Ratio | null } {
    const { P, cnt, size, bf, bx, cls, target, live, items, itemsLen } = this;
    const pr = this.profile;
    let tr = 0n;
    if (tExact) {
      const remBig = BigInt(tExact.rem);
      const g = gcdNumber(Number(tExact.tn % remBig), tExact.rem) || tExact.rem;
      const m = tExact.rem / g;
      tr = tExact.tn / BigInt(g);
      if (m !== 1) {
        const mb = BigInt(m);
        this.D *= mb;
        for (let i = 0; i < this.orderLen; i++) {
          const k = this.order[i] ?? 0;
          bx[k] = (bx[k] ?? 0n) * mb;
        }
        this.refreshShift();
      }
      tf = this.toFloat(tr);
    }
    const exact = tExact !== null;
    this.accFull = 0;
    this.accCapped = 0;
    this.accCappedNum = 0n;
    const touched = this.touchedBuf;
    let nTouched = 0;
    const oldZero = this.zeroId;
    const sStart = pr.supStart[w] ?? 0;
    const sEnd = pr.supStart[w + 1] ?? 0;
    for (let i = sStart; i < sEnd; i++) {
      const k = cls[pr.supItems[i] ?? 0] ?? 0;
      if (k >= 0 && target[k] === -2) {
        target[k] = this.decide(k, w, tExact !== null, tf, tr);
        touched[nTouched++] = k;
      }
    }
    moveSupporters(pr, sStart, sEnd, cls, target, items, itemsLen, live, cnt, size, P, !details);

    // Rebuild the order: untouched classes keep their order (A); payers all lost the same share,
    // so in their parents' order they are sorted too (B); merge A and B, zero class first.
    const A = this.scratchA;
    const B = this.scratchB;
    let na = 0;
    let nb = 0;
    const zero = this.zeroId;
    for (let i = 0; i < this.orderLen; i++) {
      const k = this.order[i] ?? 0;
      if (k === zero || k === oldZero) continue;
      const tg = target[k] ?? -2;
      if (tg === -2) A[na++] = k;
      else if (tg === k) B[nb++] = k;
      else {
        if (tg !== zero) {
          if ((size[tg] ?? 0) > 0) B[nb++] = tg;
          else this.freeClass(tg);
        }
        if ((size[k] ?? 0) > 0) A[na++] = k;
        else this.freeClass(k);
      }
    }
    let n = 0;
    const out = this.order;
    if (zero >= 0) out[n++] = zero;
    let ia = 0;
    let ib = 0;
    while (ia < na && ib < nb) {
      const ka = A[ia] ?? 0;
      const kb = B[ib] ?? 0;
      if ((bf[ka] ?? 0) <= (bf[kb] ?? 0)) {
        out[n++] = ka;
        ia++;
      } else {
        out[n++] = kb;
        ib++;
      }
    }
    while (ia < na) out[n++] = A[ia++] ?? 0;
    while (ib < nb) out[n++] = B[ib++] ?? 0;
    this.orderLen = n;
    for (let i = 0; i < nTouched; i++) target[touched[i] ?? 0] = -2;

    return {
      full: this.accFull,
      capped: this.accCapped,
      cappedNum: this.accCappedNum,
      price: details && exact ? { num: tr, den: this.D } : null,
    };
  }
}

/**
 * Moves every supporter group of the funded project to its class's target class, keeping the
 * per-class counts of projects still in play. Each group's ballot is compacted on the way, so a
 * dead project is skipped only once per group; with `retire`, a group left with no project in
 * play leaves the classes for good (nothing it could pay for remains). A plain function over
 * typed arrays: this loop is most of the time of a run.
 */
function moveSupporters(
  pr: ApprovalProfile,
  sStart: number,
  sEnd: number,
  cls: Int32Array,
  target: Int32Array,
  items: Int32Array,
  itemsLen: Int32Array,
  live: Uint8Array,
  cnt: Int32Array,
  size: Float64Array,
  P: number,
  retire: boolean,
): void {
  const { supItems, weight, ballotStart } = pr;
  for (let i = sStart; i < sEnd; i++) {
    const g = supItems[i] ?? 0;
    const k = cls[g] ?? 0;
    if (k < 0) continue;
    const tg = target[k] ?? k;
    if (tg === k) continue;
    const wg = weight[g] ?? 0;
    const bStart = ballotStart[g] ?? 0;
    const bEnd = bStart + (itemsLen[g] ?? 0);
    const kP = k * P;
    const tP = tg * P;
    let kept = bStart;
    for (let j = bStart; j < bEnd; j++) {
      const q = items[j] ?? 0;
      if (live[q] === 0) continue;
      items[kept++] = q;
      cnt[kP + q] = (cnt[kP + q] ?? 0) - wg;
      cnt[tP + q] = (cnt[tP + q] ?? 0) + wg;
    }
    const inPlay = kept - bStart;
    itemsLen[g] = inPlay;
    size[k] = (size[k] ?? 0) - wg;
    if (inPlay === 0 && retire) {
      cls[g] = -1;
    } else {
      cls[g] = tg;
      size[tg] = (size[tg] ?? 0) + wg;
    }
  }
}
