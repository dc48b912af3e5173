/**
 * The rules of a valid ballot and of who may vote, as pure functions (no I/O): the service feeds
 * them what it read inside its transaction. A ballot is valid or refused whole.
 */
import type { BallotSettings, EligibilitySettings, PotSelection, Schedule } from '@allot/shared';
import { RuleViolationError, ValidationError, type FieldIssue } from '../../errors';

export interface PotOnBallot {
  id: string;
  wardId: string | null;
  name: string;
  budget: number;
  projects: { id: string; title: string; cost: number }[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The scheduled voting window in UTC: from the start date's midnight up to (not including) the
 * midnight after the end date. Null when voting is not scheduled (then the phase alone decides).
 */
export function votingWindow(schedule: Schedule): { opensAt: Date; closesAt: Date } | null {
  const range = schedule.voting;
  if (range === undefined) return null;
  return { opensAt: new Date(`${range.start}T00:00:00Z`), closesAt: new Date(Date.parse(`${range.end}T00:00:00Z`) + DAY_MS) };
}

/** Null when voting is open at `now`, else the reason in plain language. */
export function closedReason(phase: string, schedule: Schedule, now: Date): string | null {
  if (phase !== 'voting') return `Voting is not open: this cycle is in the ${phase} phase`;
  const window = votingWindow(schedule);
  if (window !== null && now < window.opensAt) return `Voting opens on ${schedule.voting?.start ?? ''}`;
  if (window !== null && now >= window.closesAt) return `Voting closed at the end of ${schedule.voting?.end ?? ''}`;
  return null;
}

export interface VoterFacts {
  homeWardId: string | null;
  verifiedWardId: string | null;
  birthYear: number | null;
}

/**
 * With only a birth year, someone is certainly `minAge` on `date` only if even a person born on
 * 31 December of that year would be: i.e. on or after 31 December of (birthYear + minAge).
 */
export function certainlyOldEnough(birthYear: number, minAge: number, date: string): boolean {
  return date >= `${String(birthYear + minAge).padStart(4, '0')}-12-31`;
}

/** The ward the voter votes in (null if none is established) and why they may not vote. */
export function eligibility(
  rules: EligibilitySettings,
  schedule: Schedule,
  voter: VoterFacts,
  wardPotExists: (wardId: string) => boolean,
  today: string,
): { wardId: string | null; reasons: string[] } {
  const reasons: string[] = [];
  let wardId: string | null;
  if (rules.wardEstablishment === 'verified') {
    wardId = voter.verifiedWardId;
    if (wardId === null) reasons.push('This vote needs your home ward verified by council staff first (bring proof of address to a council office)');
  } else {
    wardId = voter.verifiedWardId ?? voter.homeWardId;
    if (wardId === null) reasons.push('Set your home ward in your account before voting');
  }
  if (wardId !== null && !wardPotExists(wardId)) {
    reasons.push('Your home ward is not part of this cycle');
    wardId = null;
  }
  if (rules.minAge !== undefined && rules.minAge > 0) {
    const on = rules.ageOnDate ?? schedule.voting?.start ?? today;
    if (voter.birthYear === null) reasons.push(`You must be at least ${rules.minAge} on ${on}: add your birth year to your account`);
    else if (!certainlyOldEnough(voter.birthYear, rules.minAge, on)) reasons.push(`You must be at least ${rules.minAge} on ${on} to vote`);
  }
  return { wardId: reasons.length === 0 ? wardId : null, reasons };
}

function fail(kind: 'input' | 'rule', message: string, path: string, detail: string): never {
  const issues: FieldIssue[] = [{ path, message: detail }];
  throw kind === 'input' ? new ValidationError(message, issues) : new RuleViolationError(message, issues);
}

function minSpendOf(settings: Extract<BallotSettings, { kind: 'knapsack' }>, budget: number): number {
  const minSpend = settings.minSpend;
  if (minSpend === undefined) return 0;
  return minSpend.unit === 'amount' ? minSpend.value : Math.ceil((budget * minSpend.value) / 100);
}

/**
 * Checks every selection against the pots the voter may vote in and the cycle's ballot kind and
 * limits. Throws ValidationError (400: unknown pot or project, wrong shape, duplicates) or
 * RuleViolationError (422: count, cost or points limits) for the first problem found.
 */
export function checkSelections(settings: BallotSettings, pots: readonly PotOnBallot[], selections: readonly PotSelection[]): void {
  const potsById = new Map(pots.map((pot) => [pot.id, pot]));
  const seenPots = new Set<string>();
  selections.forEach((selection, index) => {
    const at = `selections.${index}`;
    const pot = potsById.get(selection.potId);
    if (pot === undefined) fail('input', 'You cannot vote in this pot', `${at}.potId`, 'Choose your home ward’s pot or the city-wide pot');
    if (seenPots.has(pot.id)) fail('input', 'Each pot can appear only once on a ballot', `${at}.potId`, 'This pot is already on the ballot');
    seenPots.add(pot.id);
    const projects = new Map(pot.projects.map((project) => [project.id, project]));

    const ids = (list: readonly string[], field: string): { id: string; cost: number }[] => {
      const seen = new Set<string>();
      return list.map((id, position) => {
        const project = projects.get(id);
        if (project === undefined) {
          fail('input', `A project you chose is not on the ballot of ${pot.name}`, `${at}.${field}.${position}`, 'Not a project on this pot’s ballot');
        }
        if (seen.has(id)) fail('input', 'Each project can be chosen only once', `${at}.${field}.${position}`, 'This project is already chosen');
        seen.add(id);
        return project;
      });
    };

    switch (settings.kind) {
      case 'approval':
      case 'knapsack': {
        if (!('projects' in selection)) fail('input', `This is a ${settings.kind} ballot: list the projects you choose`, at, 'Use "projects"');
        const chosen = ids(selection.projects, 'projects');
        if (settings.minCount !== undefined && chosen.length < settings.minCount) {
          fail('rule', `Choose at least ${settings.minCount} projects in ${pot.name}`, `${at}.projects`, `You chose ${chosen.length}`);
        }
        if (settings.maxCount !== undefined && chosen.length > settings.maxCount) {
          fail('rule', `Choose at most ${settings.maxCount} projects in ${pot.name}`, `${at}.projects`, `You chose ${chosen.length}`);
        }
        if (chosen.length === 0 && settings.minCount === undefined) {
          fail('rule', `Choose at least one project in ${pot.name}, or leave the pot out`, `${at}.projects`, 'Nothing chosen');
        }
        if (settings.kind === 'knapsack') {
          const total = chosen.reduce((sum, project) => sum + project.cost, 0);
          if (total > pot.budget) {
            fail('rule', `Your choices cost ${total}, more than the ${pot.budget} budget of ${pot.name}`, `${at}.projects`, 'Remove a project to fit the budget');
          }
          const minimum = minSpendOf(settings, pot.budget);
          if (total < minimum) {
            fail('rule', `Your choices cost ${total}; choose projects worth at least ${minimum} in ${pot.name}`, `${at}.projects`, 'Add a project');
          }
        }
        return;
      }
      case 'cumulative': {
        if (!('points' in selection)) fail('input', 'This is a cumulative ballot: give points to projects', at, 'Use "points"');
        const entries = Object.entries(selection.points);
        ids(entries.map(([id]) => id), 'points');
        if (entries.length === 0) fail('rule', `Give points to at least one project in ${pot.name}, or leave the pot out`, `${at}.points`, 'No points given');
        const total = entries.reduce((sum, [, points]) => sum + points, 0);
        if (total > settings.points) {
          fail('rule', `You gave ${total} points in ${pot.name}; you have ${settings.points}`, `${at}.points`, `At most ${settings.points} points in all`);
        }
        const cap = settings.perProjectCap;
        const over = cap === undefined ? undefined : entries.find(([, points]) => points > cap);
        if (over !== undefined && cap !== undefined) {
          fail('rule', `A project can get at most ${cap} points`, `${at}.points.${over[0]}`, `At most ${cap}`);
        }
        return;
      }
      case 'ranked': {
        if (!('ranking' in selection)) fail('input', 'This is a ranked ballot: rank the projects you choose', at, 'Use "ranking"');
        ids(selection.ranking, 'ranking');
        if (selection.ranking.length === 0) fail('rule', `Rank at least one project in ${pot.name}, or leave the pot out`, `${at}.ranking`, 'Nothing ranked');
        if (settings.maxRanks !== undefined && selection.ranking.length > settings.maxRanks) {
          fail('rule', `Rank at most ${settings.maxRanks} projects in ${pot.name}`, `${at}.ranking`, `You ranked ${selection.ranking.length}`);
        }
        return;
      }
    }
  });
}
