import type { BallotPot, BallotSettings, PotSelection } from '@allot/shared';

/**
 * What a voter has filled in so far in one pot. `chosen` is the set of ticked projects for
 * approval and knapsack ballots, and the ranking (most preferred first) for ranked ballots;
 * `points` is used by cumulative ballots only.
 */
export interface PotDraft {
  chosen: string[];
  points: Record<string, number>;
}

/** Pot id → draft. A pot with nothing chosen is left off the ballot. */
export type BallotDraft = Record<string, PotDraft>;

export const EMPTY_POT: PotDraft = { chosen: [], points: {} };

export function potDraft(draft: BallotDraft, potId: string): PotDraft {
  return draft[potId] ?? EMPTY_POT;
}

/** A draft filled in from a ballot already cast (to change it), ignoring pots no longer offered. */
export function draftFromSelections(selections: readonly PotSelection[]): BallotDraft {
  const draft: BallotDraft = {};
  for (const selection of selections) {
    if ('projects' in selection) draft[selection.potId] = { chosen: [...selection.projects], points: {} };
    else if ('ranking' in selection) draft[selection.potId] = { chosen: [...selection.ranking], points: {} };
    else draft[selection.potId] = { chosen: Object.keys(selection.points), points: { ...selection.points } };
  }
  return draft;
}

export function pointsUsed(pot: PotDraft): number {
  return Object.values(pot.points).reduce((sum, points) => sum + points, 0);
}

export function costOf(pot: BallotPot, chosen: readonly string[]): number {
  return pot.projects.filter((project) => chosen.includes(project.id)).reduce((sum, project) => sum + project.cost, 0);
}

/** The minimum spend of a knapsack ballot in currency units for this pot (0 when none). */
export function minimumSpend(settings: BallotSettings, budget: number): number {
  if (settings.kind !== 'knapsack' || settings.minSpend === undefined) return 0;
  return settings.minSpend.unit === 'amount' ? settings.minSpend.value : Math.ceil((budget * settings.minSpend.value) / 100);
}

/** How many more projects may be chosen (approval/knapsack) or ranked (ranked); undefined = no limit. */
export function remainingChoices(settings: BallotSettings, pot: PotDraft): number | undefined {
  const max = settings.kind === 'ranked' ? settings.maxRanks : settings.kind === 'cumulative' ? undefined : settings.maxCount;
  return max === undefined ? undefined : Math.max(0, max - pot.chosen.length);
}

/** Whether this pot has anything on it that would be sent. */
export function isFilledIn(settings: BallotSettings, pot: PotDraft): boolean {
  return settings.kind === 'cumulative' ? pointsUsed(pot) > 0 : pot.chosen.length > 0;
}

/** The ballot to send: one selection per pot the voter filled in, in the shape of the ballot kind. */
export function selectionsOf(settings: BallotSettings, pots: readonly BallotPot[], draft: BallotDraft): PotSelection[] {
  const selections: PotSelection[] = [];
  for (const pot of pots) {
    const filled = potDraft(draft, pot.potId);
    if (!isFilledIn(settings, filled)) continue;
    const onBallot = (id: string) => pot.projects.some((project) => project.id === id);
    if (settings.kind === 'cumulative') {
      const points: Record<string, number> = {};
      for (const [id, value] of Object.entries(filled.points)) if (value > 0 && onBallot(id)) points[id] = value;
      selections.push({ potId: pot.potId, points });
    } else if (settings.kind === 'ranked') {
      selections.push({ potId: pot.potId, ranking: filled.chosen.filter(onBallot) });
    } else {
      // In ballot order, not the order they were ticked in, so the review reads like the ballot.
      selections.push({ potId: pot.potId, projects: pot.projects.map((project) => project.id).filter((id) => filled.chosen.includes(id)) });
    }
  }
  return selections;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * Problems that would make the server refuse the ballot, per pot (pot id → message), plus
 * problems with the ballot as a whole under the key ''. The server checks again on casting.
 */
export function ballotProblems(
  settings: BallotSettings,
  pots: readonly BallotPot[],
  draft: BallotDraft,
  money: (amount: number) => string,
): Record<string, string> {
  const problems: Record<string, string> = {};
  let anything = false;
  for (const pot of pots) {
    const filled = potDraft(draft, pot.potId);
    if (!isFilledIn(settings, filled)) continue;
    anything = true;
    switch (settings.kind) {
      case 'approval':
      case 'knapsack': {
        const count = filled.chosen.length;
        if (settings.minCount !== undefined && count < settings.minCount) {
          problems[pot.potId] = `Choose at least ${plural(settings.minCount, 'project', 'projects')} in ${pot.name}, or none`;
        } else if (settings.maxCount !== undefined && count > settings.maxCount) {
          problems[pot.potId] = `Choose at most ${plural(settings.maxCount, 'project', 'projects')} in ${pot.name}`;
        } else if (settings.kind === 'knapsack') {
          const cost = costOf(pot, filled.chosen);
          const minimum = minimumSpend(settings, pot.budget);
          if (cost > pot.budget) problems[pot.potId] = `Your choices in ${pot.name} cost ${money(cost)}, more than its ${money(pot.budget)} budget`;
          else if (cost < minimum) problems[pot.potId] = `Choose projects worth at least ${money(minimum)} in ${pot.name}, or none`;
        }
        break;
      }
      case 'cumulative': {
        const used = pointsUsed(filled);
        const cap = settings.perProjectCap;
        if (used > settings.points) problems[pot.potId] = `You gave ${used} points in ${pot.name}; you have ${settings.points}`;
        else if (cap !== undefined && Object.values(filled.points).some((value) => value > cap)) {
          problems[pot.potId] = `A project can get at most ${plural(cap, 'point', 'points')} in ${pot.name}`;
        }
        break;
      }
      case 'ranked':
        if (settings.maxRanks !== undefined && filled.chosen.length > settings.maxRanks) {
          problems[pot.potId] = `Rank at most ${plural(settings.maxRanks, 'project', 'projects')} in ${pot.name}`;
        }
        break;
    }
  }
  if (!anything) problems[''] = pots.length > 1 ? 'Choose at least one project in one of the pots' : 'Choose at least one project';
  return problems;
}

/** Moves the item at `from` to `to` in a copy of the list. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item === undefined || to < 0 || to > copy.length) return [...list];
  copy.splice(to, 0, item);
  return copy;
}
