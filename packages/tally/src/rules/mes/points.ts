import { floatShift, gcd, ratioToFloat } from '../../arith/rational';
import type { Instance } from '../../model';
import { NEAR, type LeftoverGroup, type MesEngine, type MesRun, type Ratio, type RoundDetail } from './types';

/** Ballots with identical (project, points) lists, merged and weighted. Utilities are integers. */
interface PointsUnit {
  readonly weight: number;
}

interface Supporter {
  readonly unit: number;
  readonly u: bigint;
  readonly uf: number;
}

/**
 * Integer utilities u_i(p) = points (scaled to integers when some points have decimals: scaling
 * every utility by the same factor does not change MES).
 */
export function pointsUtilities(instance: Instance): { units: PointsUnit[]; supporters: Supporter[][] } {
  let decimals = 0;
  for (const b of instance.ballots) {
    for (const x of b.points ?? []) {
      const text = String(x);
      const dot = text.indexOf('.');
      if (text.includes('e')) throw new Error(`points value ${text} is not a plain decimal`);
      if (dot >= 0) decimals = Math.max(decimals, text.length - dot - 1);
    }
  }
  const factor = 10 ** decimals;
  const index = new Map<string, number>();
  const units: { weight: number; entries: [number, number][] }[] = [];
  for (const b of instance.ballots) {
    const entries: [number, number][] = [];
    const seen = new Set<number>();
    b.projects.forEach((p, i) => {
      const pts = Math.round((b.points?.[i] ?? 1) * factor);
      if (pts > 0 && !seen.has(p)) {
        seen.add(p);
        entries.push([p, pts]);
      }
    });
    if (entries.length === 0) continue;
    entries.sort((x, y) => x[0] - y[0]);
    const key = entries.map(([p, u]) => `${p}:${u}`).join(',');
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, units.length);
      units.push({ weight: 1, entries });
    } else {
      const unit = units[at];
      if (unit) unit.weight += 1;
    }
  }
  const supporters: Supporter[][] = instance.projects.map(() => []);
  units.forEach((unit, i) => {
    for (const [p, u] of unit.entries) supporters[p]?.push({ unit: i, u: BigInt(u), uf: u });
  });
  return { units: units.map((u) => ({ weight: u.weight })), supporters };
}

/**
 * MES with additive cardinal utilities (pabutools Additive_Cardinal_Sat): supporters pay in
 * proportion to their points. Exact throughout (bigint numerators over one denominator D);
 * floats only pick which projects are worth an exact look. Meant for cumulative ballots, which
 * come in small instances.
 */
export class PointsEngine implements MesEngine {
  private readonly totalU: number[];
  private readonly totalUx: bigint[];

  constructor(
    private readonly units: readonly PointsUnit[],
    private readonly supporters: readonly (readonly Supporter[])[],
    private readonly costs: readonly bigint[],
    private readonly candidates: readonly number[],
    private readonly tieCompare: (a: number, b: number) => number,
  ) {
    this.totalU = supporters.map((s) => s.reduce((acc, x) => acc + (units[x.unit]?.weight ?? 0) * x.uf, 0));
    this.totalUx = supporters.map((s) => s.reduce((acc, x) => acc + BigInt(units[x.unit]?.weight ?? 0) * x.u, 0n));
  }

  run(budget: Ratio, _exact: boolean, details: boolean): MesRun {
    const U = this.units.length;
    const bx = new Array<bigint>(U).fill(budget.num);
    const bf = new Float64Array(U).fill(ratioToFloat(budget.num, budget.den));
    let D = budget.den;
    const weight = this.units.map((u) => u.weight);
    const alive = this.candidates.filter((q) => (this.totalU[q] ?? 0) > 0);
    const lb = new Float64Array(this.costs.length);
    for (const q of alive) lb[q] = Number(this.costs[q] ?? 0n) / (this.totalU[q] ?? 1);
    const selected: number[] = [];
    const rounds: RoundDetail[] = [];
    let spent = 0n;

    const scanFloat = (q: number): { rho: number; near: boolean } => {
      const sup = [...(this.supporters[q] ?? [])].sort((a, b) => (bf[a.unit] ?? 0) / a.uf - (bf[b.unit] ?? 0) / b.uf);
      const c = Number(this.costs[q] ?? 0n);
      let paid = 0;
      let remU = this.totalU[q] ?? 0;
      for (const s of sup) {
        const rho = (c - paid) / remU;
        const b = bf[s.unit] ?? 0;
        if (b >= rho * s.uf) return { rho, near: false };
        const w = weight[s.unit] ?? 0;
        paid += w * b;
        remU -= w * s.uf;
      }
      return { rho: Infinity, near: paid >= c * (1 - NEAR) };
    };
    const scanExact = (q: number): { tn: bigint; remU: bigint } | null => {
      const sup = [...(this.supporters[q] ?? [])].sort((a, b) => {
        const x = (bx[a.unit] ?? 0n) * b.u;
        const y = (bx[b.unit] ?? 0n) * a.u;
        return x < y ? -1 : x > y ? 1 : 0;
      });
      const cD = (this.costs[q] ?? 0n) * D;
      let paid = 0n;
      let remU = this.totalUx[q] ?? 0n;
      for (const s of sup) {
        const tn = cD - paid;
        const b = bx[s.unit] ?? 0n;
        // afford factor ρ = tn / (remU·D); rich when ρ·u <= b.
        if (tn * s.u <= b * remU) return { tn, remU };
        const w = BigInt(weight[s.unit] ?? 0);
        paid += w * b;
        remU -= w * s.u;
      }
      return null;
    };

    while (alive.length > 0) {
      alive.sort((a, b) => (lb[a] ?? 0) - (lb[b] ?? 0));
      let best = Infinity;
      const evaluated: { q: number; rho: number; near: boolean }[] = [];
      const dropped = new Set<number>();
      for (const q of alive) {
        if ((lb[q] ?? 0) > best * (1 + NEAR)) break;
        const s = scanFloat(q);
        if (s.rho === Infinity) {
          const x = s.near ? scanExact(q) : null;
          if (x) {
            const rho = ratioToFloat(x.tn, D) / Number(x.remU);
            lb[q] = rho;
            evaluated.push({ q, rho, near: true });
            best = Math.min(best, rho);
          } else dropped.add(q);
          continue;
        }
        lb[q] = s.rho;
        evaluated.push({ q, rho: s.rho, near: false });
        if (s.rho < best) best = s.rho;
      }
      if (dropped.size > 0) {
        let w = 0;
        for (const q of alive) if (!dropped.has(q)) alive[w++] = q;
        alive.length = w;
      }
      if (evaluated.length === 0) break;
      let win: { q: number; tn: bigint; remU: bigint } | null = null;
      for (const e of evaluated) {
        if (!e.near && e.rho > best * (1 + NEAR)) continue;
        const x = scanExact(e.q);
        if (!x) continue;
        if (!win) {
          win = { q: e.q, ...x };
          continue;
        }
        const lhs = x.tn * win.remU;
        const rhs = win.tn * x.remU;
        if (lhs < rhs || (lhs === rhs && this.tieCompare(e.q, win.q) < 0)) win = { q: e.q, ...x };
      }
      if (!win) throw new Error('MES: no affordable project among the near-best ones');
      const g = gcd(win.tn, win.remU);
      const m = win.remU / g;
      const tr = win.tn / g;
      if (m !== 1n) {
        D *= m;
        for (let i = 0; i < U; i++) bx[i] = (bx[i] ?? 0n) * m;
      }
      const shift = floatShift(D);
      let full = 0;
      let capped = 0;
      let fullNum = 0n;
      let cappedNum = 0n;
      for (const s of this.supporters[win.q] ?? []) {
        const pay = tr * s.u;
        const b = bx[s.unit] ?? 0n;
        const w = weight[s.unit] ?? 0;
        if (b <= pay) {
          bx[s.unit] = 0n;
          capped += w;
          cappedNum += BigInt(w) * b;
        } else {
          bx[s.unit] = b - pay;
          full += w;
          fullNum += BigInt(w) * pay;
        }
      }
      for (let i = 0; i < U; i++) bf[i] = ratioToFloat(bx[i] ?? 0n, D, shift);
      selected.push(win.q);
      spent += this.costs[win.q] ?? 0n;
      if (details) {
        rounds.push({
          project: win.q,
          price: { num: tr, den: D },
          paidInFull: full,
          capped,
          paidInFullTotal: { num: fullNum, den: D },
          cappedTotal: { num: cappedNum, den: D },
        });
      }
      alive.splice(alive.indexOf(win.q), 1);
    }

    const result: MesRun = { selected, cost: spent };
    if (!details) return result;
    const byValue = new Map<bigint, number>();
    for (let i = 0; i < U; i++) byValue.set(bx[i] ?? 0n, (byValue.get(bx[i] ?? 0n) ?? 0) + (weight[i] ?? 0));
    const leftovers: LeftoverGroup[] = [...byValue].map(([num, voters]) => ({ voters, remaining: { num, den: D } }));
    return { ...result, rounds, leftovers };
  }
}
