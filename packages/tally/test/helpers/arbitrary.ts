import fc from 'fast-check';
import type { Ballot, Instance, Project, VoteType } from '../../src/model';

export interface InstanceShape {
  readonly voteType?: VoteType;
  readonly maxProjects?: number;
  readonly maxVoters?: number;
  /** Largest cost in currency units. */
  readonly maxCost?: number;
  readonly moneyScale?: number;
}

/** Builds an instance with consistent META (so writing and reading it back is the identity). */
export function makeInstance(
  voteType: VoteType,
  projects: readonly Project[],
  ballots: readonly Ballot[],
  budget: bigint,
  moneyScale: number,
  extraMeta: readonly [string, string][] = [],
): Instance {
  const unit = 10n ** BigInt(moneyScale);
  const budgetText =
    moneyScale === 0 ? budget.toString() : `${budget / unit}.${(budget % unit).toString().padStart(moneyScale, '0')}`;
  const meta = new Map<string, string>([
    ['description', 'generated'],
    ['num_projects', String(projects.length)],
    ['num_votes', String(ballots.length)],
    ['budget', budgetText],
    ['vote_type', voteType],
    ...extraMeta,
  ]);
  return { meta, voteType, projects, ballots, budget, moneyScale };
}

/** Random instances: distinct string ids, positive costs, ballots as sets (or points / rankings). */
export function arbitraryInstance(shape: InstanceShape = {}): fc.Arbitrary<Instance> {
  const maxProjects = shape.maxProjects ?? 8;
  const maxVoters = shape.maxVoters ?? 25;
  const maxCost = shape.maxCost ?? 100;
  return fc
    .record({
      voteType: shape.voteType ? fc.constant(shape.voteType) : fc.constantFrom<VoteType>('approval', 'choose-1', 'ordinal', 'cumulative'),
      ids: fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9./]{1,4}$/), { minLength: 1, maxLength: maxProjects }),
      moneyScale: shape.moneyScale !== undefined ? fc.constant(shape.moneyScale) : fc.integer({ min: 0, max: 2 }),
      seed: fc.array(fc.array(fc.nat({ max: 1000 }), { maxLength: maxProjects }), { maxLength: maxVoters }),
      costs: fc.array(fc.integer({ min: 1, max: maxCost }), { minLength: maxProjects, maxLength: maxProjects }),
      budgetShare: fc.double({ min: 0, max: 1.2, noNaN: true }),
    })
    .map(({ voteType, ids, moneyScale, seed, costs, budgetShare }) => {
      const unit = 10n ** BigInt(moneyScale);
      const projects: Project[] = ids.map((id, i) => ({
        id,
        cost: BigInt(costs[i] ?? 1) * unit + (moneyScale > 0 ? BigInt((costs[(i + 1) % costs.length] ?? 0) % Number(unit)) : 0n),
        fields: { name: `Project ${id}` },
      }));
      const total = projects.reduce((s, p) => s + p.cost, 0n);
      const budget = (total * BigInt(Math.round(budgetShare * 1000))) / 1000n;
      const m = projects.length;
      const ballots: Ballot[] = seed.map((picks, v) => {
        let chosen = [...new Set(picks.map((x) => x % m))];
        if (voteType === 'choose-1') chosen = chosen.slice(0, 1);
        if (voteType !== 'ordinal') chosen.sort((a, b) => a - b);
        const voterId = `v${v}`;
        if (voteType === 'cumulative') return { voterId, projects: chosen, points: chosen.map((p, k) => ((picks[k] ?? 0) % 5) + 1 + (p % 2)) };
        return { voterId, projects: chosen };
      });
      return makeInstance(voteType, projects, ballots, budget, moneyScale);
    });
}

/** A deterministic shuffle driven by fast-check's random source. */
export function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((x) => x.item);
}

/** The same election with projects and ballots listed in another order. */
export function shuffled(instance: Instance, projectKeys: readonly number[], ballotKeys: readonly number[]): Instance {
  const order = permute(
    instance.projects.map((_, i) => i),
    projectKeys,
  );
  const newIndex = new Map(order.map((old, i) => [old, i]));
  const projects = order.map((old) => instance.projects[old] as Project);
  const ballots = permute(instance.ballots, ballotKeys).map((b) => ({
    ...b,
    projects: b.projects.map((p) => newIndex.get(p) ?? -1),
  }));
  return { ...instance, projects, ballots };
}

/** Costs and budget multiplied by `factor`. */
export function scaled(instance: Instance, factor: bigint): Instance {
  return {
    ...instance,
    budget: instance.budget * factor,
    projects: instance.projects.map((p) => ({ ...p, cost: p.cost * factor })),
  };
}
