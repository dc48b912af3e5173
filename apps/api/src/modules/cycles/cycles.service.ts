import {
  PHASES,
  phaseIndex,
  TALLY_RULES_BY_BALLOT_KIND,
  type BallotSettings,
  type Cycle,
  type CycleCreate,
  type CycleList,
  type CycleSummary,
  type CycleUpdate,
  type Phase,
  type PotInput,
  type Round,
  type Schedule,
  type TallySettings,
} from '@allot/shared';
import type { Db } from '../../db/client';
import { ConflictError, isPgError, NotFoundError, PgCode, ValidationError, type FieldIssue } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { finishDeliberation } from '../deliberation/shortlist';
import { findTally } from '../results/results.repository';
import { listWards } from '../wards/wards.repository';
import type { Actor } from '../wards/wards.service';
import * as repo from './cycles.repository';
import { isAdmin, type Viewer } from './viewer';

export function toCycleSummary(row: repo.CycleRow): CycleSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    currency: row.currency,
    totalBudget: row.totalBudget,
    phase: row.phase,
    schedule: row.schedule,
    createdAt: row.createdAt.toISOString(),
  };
}

function toRound(row: repo.RoundRow): Round {
  return {
    id: row.id,
    position: row.position,
    name: row.name,
    start: row.startsOn,
    end: row.endsOn,
    shortlistRule: row.shortlistRule ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

const longDate = (iso: string): string =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const until = (schedule: Schedule, phase: Phase): string => {
  const range = phase === 'draft' ? undefined : schedule[phase];
  return range === undefined ? '' : ` until ${longDate(range.end)}`;
};

/** What residents can do in the current phase, in plain language. */
export function whatYouCanDoNow(phase: Phase, schedule: Schedule): string {
  switch (phase) {
    case 'draft':
      return 'This cycle is being prepared by the council and is not open yet.';
    case 'proposals':
      return `Residents can submit ideas for projects in their ward or across the whole area${until(schedule, phase)}. Authors can edit their ideas until feasibility checks start.`;
    case 'deliberation':
      return `Read the ideas, comment on them and support the ones you like${until(schedule, phase)}. Authors can still improve their proposals.`;
    case 'feasibility':
      return `Council staff are checking whether the shortlisted ideas can be delivered and what they would really cost${until(schedule, phase)}. You can read each verdict and the reasons as they are published.`;
    case 'voting':
      return `Voting is open${until(schedule, phase)}. Eligible residents can vote once and change their ballot until voting closes.`;
    case 'counting':
      return 'Voting has closed. The votes are being counted under the published rules.';
    case 'results':
      return 'The results are published. See which projects were funded and why.';
    case 'implementation':
      return 'The funded projects are being delivered. Follow their progress and updates.';
    case 'closed':
      return 'This cycle is finished. Its proposals, results and open data remain available to read.';
  }
}

function toCycle(row: repo.CycleRow, pots: repo.PotRow[], rounds: repo.RoundRow[]): Cycle {
  return {
    ...toCycleSummary(row),
    pots: pots.map((pot) => ({ id: pot.id, wardId: pot.wardId, name: pot.name, budget: pot.budget })),
    rounds: rounds.map(toRound),
    ballot: row.ballot,
    tally: row.tally,
    eligibility: row.eligibility,
    phaseChangedAt: row.phaseChangedAt.toISOString(),
    whatYouCanDoNow: whatYouCanDoNow(row.phase, row.schedule),
  };
}

/** The cycle if the viewer may see it (drafts are for admins only), else 404. */
export async function visibleCycle(db: Db, viewer: Viewer, id: string): Promise<repo.CycleRow> {
  const row = await repo.findCycleById(db, id);
  if (row === undefined || (row.phase === 'draft' && !isAdmin(viewer))) throw new NotFoundError('No cycle with this id');
  return row;
}

export async function listCycles(db: Db, viewer: Viewer): Promise<CycleList> {
  return { cycles: (await repo.listCycles(db, isAdmin(viewer))).map(toCycleSummary) };
}

export async function getCycle(db: Db, viewer: Viewer, id: string): Promise<Cycle> {
  const row = await visibleCycle(db, viewer, id);
  return toCycle(row, await repo.listPots(db, id), await repo.listRounds(db, id));
}

function checkTallyFitsBallot(ballot: BallotSettings, tally: TallySettings): void {
  const allowed = TALLY_RULES_BY_BALLOT_KIND[ballot.kind];
  if (!allowed.includes(tally.rule)) {
    throw new ValidationError(`The ${tally.rule} rule cannot count ${ballot.kind} ballots`, [
      { path: 'tally.rule', message: `Choose one of ${allowed.join(', ')} for ${ballot.kind} ballots` },
    ]);
  }
}

function checkPotsAddUp(totalBudget: number, pots: readonly { budget: number }[]): void {
  const sum = pots.reduce((total, pot) => total + pot.budget, 0);
  if (sum !== totalBudget) {
    throw new ValidationError('The pot budgets must add up to the total budget', [
      { path: 'pots', message: `The pots add up to ${sum}, but the total budget is ${totalBudget}` },
    ]);
  }
}

/** Pots with their display names; every ward must exist. */
async function resolvePots(db: Db, pots: PotInput[]): Promise<{ wardId: string | null; name: string; budget: number }[]> {
  const wardNames = new Map((await listWards(db)).map((ward) => [ward.id, ward.name]));
  const issues: FieldIssue[] = pots.flatMap((pot, index) =>
    pot.wardId !== null && !wardNames.has(pot.wardId) ? [{ path: `pots.${index}.wardId`, message: 'No ward with this id' }] : [],
  );
  if (issues.length > 0) throw new ValidationError('A pot names an unknown ward', issues);
  return pots.map((pot) => ({
    wardId: pot.wardId,
    name: pot.name ?? (pot.wardId === null ? 'City-wide' : (wardNames.get(pot.wardId) ?? 'Ward')),
    budget: pot.budget,
  }));
}

function roundRows(rounds: CycleCreate['rounds']) {
  return rounds.map((round, index) => ({
    position: index + 1,
    name: round.name,
    startsOn: round.start,
    endsOn: round.end,
    shortlistRule: round.shortlistRule,
  }));
}

function budgetMismatch(error: unknown): never {
  if (isPgError(error, PgCode.checkViolation, 'cycle_pots_match_total')) {
    throw new ValidationError('The pot budgets must add up to the total budget', [
      { path: 'pots', message: 'The pots do not add up to the total budget' },
    ]);
  }
  throw error;
}

export async function createCycle(db: Db, actor: Actor, input: CycleCreate): Promise<Cycle> {
  checkTallyFitsBallot(input.ballot, input.tally);
  checkPotsAddUp(input.totalBudget, input.pots);
  try {
    return await db.transaction(async (tx) => {
      const pots = await resolvePots(tx, input.pots);
      const row = await repo.insertCycle(tx, {
        name: input.name,
        description: input.description,
        currency: input.currency,
        totalBudget: input.totalBudget,
        schedule: input.schedule,
        ballot: input.ballot,
        tally: input.tally,
        eligibility: input.eligibility,
        createdBy: actor.userId,
      });
      await repo.insertPots(tx, pots.map((pot) => ({ ...pot, cycleId: row.id })));
      await repo.replaceRounds(tx, row.id, roundRows(input.rounds));
      await appendAudit(tx, {
        actorId: actor.userId,
        requestId: actor.requestId,
        action: 'cycle.create',
        targetType: 'cycle',
        targetId: row.id,
        details: { name: row.name, totalBudget: row.totalBudget, currency: row.currency, pots: pots.length },
      });
      return toCycle(row, await repo.listPots(tx, row.id), await repo.listRounds(tx, row.id));
    });
  } catch (error) {
    budgetMismatch(error);
  }
}

export async function updateCycle(db: Db, actor: Actor, id: string, changes: CycleUpdate): Promise<Cycle> {
  const fields = Object.keys(changes);
  if (fields.length === 0) throw new ValidationError('Nothing to change', [{ path: '', message: 'Give at least one field to change' }]);
  try {
    return await db.transaction(async (tx) => {
      const before = await repo.lockCycle(tx, id, 'update');
      if (before === undefined) throw new NotFoundError('No cycle with this id');
      const phase = phaseIndex(before.phase);
      const ballot = changes.ballot ?? before.ballot;
      const tally = changes.tally ?? before.tally;
      checkTallyFitsBallot(ballot, tally);
      if (changes.ballot !== undefined || changes.tally !== undefined || changes.eligibility !== undefined) {
        // Voting freezes these further once the first ballot exists; counting always does.
        if (phase >= phaseIndex('counting')) {
          throw new ConflictError(`Ballot, tally and eligibility settings are fixed once counting starts; this cycle is in ${before.phase}`);
        }
      }
      const budgetChange = changes.totalBudget !== undefined || changes.pots !== undefined;
      if (budgetChange && phase >= phaseIndex('voting')) {
        throw new ConflictError(`Budgets and pots are fixed once voting starts; this cycle is in ${before.phase}`);
      }
      if (changes.currency !== undefined && phase >= phaseIndex('voting')) {
        throw new ConflictError('The currency is fixed once voting starts');
      }
      if (changes.rounds !== undefined && phase >= phaseIndex('deliberation')) {
        throw new ConflictError('Deliberation rounds can only be changed before deliberation starts');
      }

      const existingPots = await repo.listPots(tx, id);
      const totalBudget = changes.totalBudget ?? before.totalBudget;
      checkPotsAddUp(totalBudget, changes.pots ?? existingPots);

      const after = await repo.updateCycle(tx, id, {
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.currency !== undefined ? { currency: changes.currency } : {}),
        ...(changes.totalBudget !== undefined ? { totalBudget: changes.totalBudget } : {}),
        ...(changes.schedule !== undefined ? { schedule: changes.schedule } : {}),
        ...(changes.ballot !== undefined ? { ballot: changes.ballot } : {}),
        ...(changes.tally !== undefined ? { tally: changes.tally } : {}),
        ...(changes.eligibility !== undefined ? { eligibility: changes.eligibility } : {}),
      });

      if (changes.pots !== undefined) {
        const wanted = await resolvePots(tx, changes.pots);
        const byWard = new Map(existingPots.map((pot) => [pot.wardId, pot]));
        for (const pot of wanted) {
          const current = byWard.get(pot.wardId);
          if (current === undefined) await repo.insertPots(tx, [{ ...pot, cycleId: id }]);
          else await repo.updatePot(tx, current.id, { name: pot.name, budget: pot.budget });
          byWard.delete(pot.wardId);
        }
        for (const removed of byWard.values()) {
          // Proposal submission holds a share lock on the cycle row we hold for update, so this
          // count cannot go stale; the foreign key stays the backstop.
          if ((await repo.countProposalsInPot(tx, removed.id)) > 0) {
            throw new ConflictError(`The pot "${removed.name}" holds proposals and cannot be removed`, [
              { path: 'pots', message: `Keep the pot for ${removed.name}` },
            ]);
          }
          await repo.deletePot(tx, removed.id);
        }
      }
      if (changes.rounds !== undefined) await repo.replaceRounds(tx, id, roundRows(changes.rounds));

      await appendAudit(tx, {
        actorId: actor.userId,
        requestId: actor.requestId,
        action: 'cycle.update',
        targetType: 'cycle',
        targetId: id,
        details: { fields, before: { totalBudget: before.totalBudget, ballot: before.ballot, tally: before.tally }, after: { totalBudget: after.totalBudget, ballot: after.ballot, tally: after.tally } },
      });
      return toCycle(after, await repo.listPots(tx, id), await repo.listRounds(tx, id));
    });
  } catch (error) {
    budgetMismatch(error);
  }
}

/**
 * Moves the cycle to the next phase, or forward to `to`. Never backwards. Leaving deliberation
 * (or skipping it) applies the last round's shortlist if no one has closed it yet.
 */
export async function movePhase(db: Db, actor: Actor, id: string, to: Phase | undefined): Promise<Cycle> {
  return db.transaction(async (tx) => {
    const cycle = await repo.lockCycle(tx, id, 'update');
    if (cycle === undefined) throw new NotFoundError('No cycle with this id');
    const from = cycle.phase;
    const fromIndex = phaseIndex(from);
    if (from === 'closed') throw new ConflictError('This cycle is closed; its phase cannot change any more');
    const target = to ?? PHASES[fromIndex + 1];
    if (target === undefined) throw new ConflictError('There is no later phase');
    const targetIndex = phaseIndex(target);
    if (targetIndex === fromIndex) throw new ConflictError(`The cycle is already in the ${from} phase`);
    if (targetIndex < fromIndex) {
      throw new ConflictError(`Phases only move forward: the cycle is in ${from} and cannot go back to ${target}`);
    }
    if (targetIndex >= phaseIndex('results') && fromIndex <= phaseIndex('counting')) {
      // Results are made public by POST /cycles/:id/publish, which moves the phase itself.
      const tally = await findTally(tx, id);
      if (tally?.publishedAt == null) throw new ConflictError('Publish the results first: count the votes, then publish them, which moves the cycle to the results phase');
    }
    let shortlist: Awaited<ReturnType<typeof finishDeliberation>> | undefined;
    if (fromIndex <= phaseIndex('deliberation') && targetIndex > phaseIndex('deliberation')) {
      shortlist = await finishDeliberation(tx, actor, id, from === 'deliberation');
    }
    const after = await repo.setPhase(tx, id, target);
    await appendAudit(tx, {
      actorId: actor.userId,
      requestId: actor.requestId,
      action: 'cycle.phase.move',
      targetType: 'cycle',
      targetId: id,
      details: {
        from,
        to: target,
        skipped: PHASES.slice(fromIndex + 1, targetIndex),
        ...(shortlist !== undefined ? { shortlist } : {}),
      },
    });
    return toCycle(after, await repo.listPots(tx, id), await repo.listRounds(tx, id));
  });
}
