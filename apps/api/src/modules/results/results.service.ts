import { phaseIndex, type CitySummary, type CycleResults, type PotResult } from '@allot/shared';
import type { Db } from '../../db/client';
import { ConflictError, isPgError, NotFoundError, PgCode } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { findPotById, listPots, lockCycle, setPhase, type CycleRow, type PotRow } from '../cycles/cycles.repository';
import { visibleCycle } from '../cycles/cycles.service';
import type { Viewer } from '../cycles/viewer';
import { fileSlug } from '../stats/csv';
import { findWardById } from '../wards/wards.repository';
import type { Actor } from '../wards/wards.service';
import { ballotsHash, countPot, describeRule, linesByPot, resultHash, type HashedPotResult } from './count';
import { pabulibExport, resultsCsv } from './open-data';
import * as repo from './results.repository';

const NOT_PUBLISHED = 'The results are not published yet';

/** Admins and councillors (of any ward) may read a count before it is published. */
const seesUnpublished = (viewer: Viewer): boolean => viewer?.roles.some((role) => role === 'admin' || role === 'councillor') ?? false;

/** The trigger of migration 0006 guards published results; a write that reaches it is a 409. */
function frozen(error: unknown): never {
  if (isPgError(error, PgCode.checkViolation, 'results_published_frozen')) {
    throw new ConflictError('The results of this cycle are published and can no longer change');
  }
  throw error;
}

function toPotResult(row: repo.PotResultRow, pot: PotRow | undefined): PotResult {
  return {
    potId: row.potId,
    wardId: pot?.wardId ?? null,
    name: pot?.name ?? '',
    rule: row.rule,
    ruleKey: row.ruleKey,
    ruleDescription: describeRule(row.rule, row.ballotKind),
    tieBreak: row.tieBreak,
    ballotKind: row.ballotKind,
    budget: row.budget,
    spent: row.spent,
    ballots: row.ballotCount,
    ballotsHash: row.ballotsHash,
    funded: row.funded,
    projects: row.projects,
    explanation: row.explanation,
    equalShares: row.equalShares ?? null,
  };
}

async function citySummary(db: Db, cycle: CycleRow, potResults: PotResult[]): Promise<CitySummary> {
  const funded = potResults.flatMap((pot) => pot.projects.filter((project) => project.funded));
  const byWard = new Map(potResults.filter((pot) => pot.wardId !== null).map((pot) => [pot.wardId, pot]));
  const wards = await repo.listAllWards(db);
  return {
    totalBudget: cycle.totalBudget,
    totalFunded: potResults.reduce((sum, pot) => sum + pot.spent, 0),
    fundedProjects: funded.length,
    ballots: await repo.countBallots(db, cycle.id),
    contribution: {
      matchFunding: funded.reduce((sum, project) => sum + (project.contribution?.matchFunding ?? 0), 0),
      volunteerHours: funded.reduce((sum, project) => sum + (project.contribution?.volunteerHours ?? 0), 0),
      projectsWithGoods: funded.filter((project) => (project.contribution?.inKindGoods ?? '').trim() !== '').length,
    },
    wards: wards.map((ward) => {
      const pot = byWard.get(ward.id);
      return {
        wardId: ward.id,
        name: ward.name,
        code: ward.code,
        population: ward.population,
        potId: pot?.potId ?? null,
        budget: pot?.budget ?? 0,
        fundedProjects: pot?.funded.length ?? 0,
        fundedAmount: pot?.spent ?? 0,
      };
    }),
  };
}

async function assemble(db: Db, cycle: CycleRow, tally: repo.CycleTallyRow): Promise<CycleResults> {
  const pots = await listPots(db, cycle.id);
  const rows = new Map((await repo.listPotResults(db, cycle.id)).map((row) => [row.potId, row]));
  const potResults = pots.flatMap((pot) => {
    const row = rows.get(pot.id);
    return row === undefined ? [] : [toPotResult(row, pot)];
  });
  return {
    cycleId: cycle.id,
    cycleName: cycle.name,
    currency: cycle.currency,
    status: tally.publishedAt === null ? 'tallied' : 'published',
    talliedAt: tally.talliedAt.toISOString(),
    publishedAt: tally.publishedAt?.toISOString() ?? null,
    resultHash: tally.resultHash,
    pots: potResults,
    summary: await citySummary(db, cycle, potResults),
  };
}

/**
 * Counts every pot of a cycle in the counting phase and stores the count, replacing an earlier
 * unpublished one, in one transaction that holds the cycle row FOR UPDATE (no phase move or
 * publication runs beside it). Deterministic: the same ballots and rules store the same results
 * and hashes. Also used by the demo seed and the benchmark.
 */
export async function tallyCycle(db: Db, actor: Actor, cycleId: string): Promise<CycleResults> {
  try {
    return await db.transaction(async (tx) => {
      const cycle = await lockCycle(tx, cycleId, 'update');
      if (cycle === undefined) throw new NotFoundError('No cycle with this id');
      if (cycle.phase !== 'counting') {
        if (phaseIndex(cycle.phase) < phaseIndex('counting')) {
          throw new ConflictError(
            cycle.phase === 'voting'
              ? 'Voting is still open: move the cycle to the counting phase before counting the votes'
              : `The votes can only be counted in the counting phase; this cycle is in the ${cycle.phase} phase`,
          );
        }
        throw new ConflictError('The results of this cycle are published and can no longer be recounted');
      }
      const existing = await repo.findTally(tx, cycleId);
      if (existing?.publishedAt != null) throw new ConflictError('The results of this cycle are published and can no longer be recounted');

      // One after another: a transaction is one connection.
      const pots = await listPots(tx, cycleId);
      const projects = await repo.listBallotProjects(tx, cycleId);
      const selections = await repo.listBallotSelections(tx, cycleId);
      const lines = linesByPot(selections);
      const settings = { rule: cycle.tally.rule, kind: cycle.ballot.kind, tieBreak: cycle.tally.tieBreak, currency: cycle.currency };
      const hashed: HashedPotResult[] = [];
      const rows: repo.NewPotResultRow[] = [];
      for (const pot of pots) {
        const count = countPot(
          {
            id: pot.id,
            name: pot.name,
            budget: pot.budget,
            projects: projects
              .filter((project) => project.potId === pot.id)
              .map((project) => ({ id: project.id, title: project.title, category: project.category, cost: project.cost, contribution: project.contribution ?? null })),
            lines: lines.get(pot.id) ?? [],
          },
          settings,
        );
        const result: HashedPotResult = {
          potId: pot.id,
          rule: settings.rule,
          ruleKey: count.ruleKey,
          tieBreak: settings.tieBreak,
          ballotKind: settings.kind,
          budget: pot.budget,
          spent: count.spent,
          ballots: count.ballotCount,
          ballotsHash: count.ballotsHash,
          funded: count.funded,
          projects: count.projects,
          explanation: count.explanation,
          equalShares: count.equalShares,
        };
        hashed.push(result);
        rows.push({
          potId: pot.id,
          cycleId,
          rule: result.rule,
          ruleKey: result.ruleKey,
          tieBreak: result.tieBreak,
          ballotKind: result.ballotKind,
          budget: result.budget,
          spent: result.spent,
          ballotCount: result.ballots,
          ballotsHash: result.ballotsHash,
          funded: result.funded,
          projects: result.projects,
          explanation: result.explanation,
          equalShares: result.equalShares,
          engineExplanation: count.engineExplanation,
        });
      }
      const hash = resultHash(hashed);
      const tally = await repo.replaceCount(tx, cycleId, hash, actor.userId, rows);
      await appendAudit(tx, {
        actorId: actor.userId,
        requestId: actor.requestId,
        action: 'results.tally',
        targetType: 'cycle',
        targetId: cycleId,
        details: {
          resultHash: hash,
          rule: settings.rule,
          recount: existing !== undefined,
          pots: hashed.map((pot) => ({ potId: pot.potId, ruleKey: pot.ruleKey, ballots: pot.ballots, ballotsHash: pot.ballotsHash, funded: pot.funded.length, spent: pot.spent })),
        },
      });
      return assemble(tx, cycle, tally);
    });
  } catch (error) {
    frozen(error);
  }
}

/**
 * Publishes the stored count and moves the cycle to the results phase, in one transaction. The
 * update only matches an unpublished count, so publishing twice changes nothing.
 */
export async function publishResults(db: Db, actor: Actor, cycleId: string): Promise<CycleResults> {
  try {
    return await db.transaction(async (tx) => {
      const cycle = await lockCycle(tx, cycleId, 'update');
      if (cycle === undefined) throw new NotFoundError('No cycle with this id');
      const tally = await repo.findTally(tx, cycleId);
      if (tally?.publishedAt != null) throw new ConflictError('The results of this cycle are already published');
      if (cycle.phase !== 'counting') {
        throw new ConflictError(`Results are published from the counting phase; this cycle is in the ${cycle.phase} phase`);
      }
      if (tally === undefined) throw new ConflictError('Count the votes before publishing the results');
      const published = await repo.markPublished(tx, cycleId, actor.userId);
      if (published === undefined) throw new ConflictError('The results of this cycle are already published');
      const after = await setPhase(tx, cycleId, 'results');
      await appendAudit(tx, {
        actorId: actor.userId,
        requestId: actor.requestId,
        action: 'results.publish',
        targetType: 'cycle',
        targetId: cycleId,
        details: { resultHash: published.resultHash },
      });
      await appendAudit(tx, {
        actorId: actor.userId,
        requestId: actor.requestId,
        action: 'cycle.phase.move',
        targetType: 'cycle',
        targetId: cycleId,
        details: { from: cycle.phase, to: 'results', skipped: [], publishedResults: true },
      });
      return assemble(tx, after, published);
    });
  } catch (error) {
    frozen(error);
  }
}

/** Published results for anyone; a stored count before publication for admins and councillors. */
export async function getResults(db: Db, viewer: Viewer, cycleId: string): Promise<CycleResults> {
  const cycle = await visibleCycle(db, viewer, cycleId);
  const tally = await repo.findTally(db, cycleId);
  if (!seesUnpublished(viewer) && tally?.publishedAt == null) throw new NotFoundError(NOT_PUBLISHED);
  if (tally === undefined) throw new NotFoundError('The votes of this cycle have not been counted yet');
  return assemble(db, cycle, tally);
}

/** The cycle, its published count, and (when asked) one of its pots; 404 otherwise. */
async function publishedCycle(db: Db, viewer: Viewer, cycleId: string, potId: string | undefined) {
  const cycle = await visibleCycle(db, viewer, cycleId);
  let pot: PotRow | undefined;
  if (potId !== undefined) {
    pot = await findPotById(db, potId);
    if (pot === undefined || pot.cycleId !== cycleId) throw new NotFoundError('No pot with this id in this cycle');
  }
  const tally = await repo.findTally(db, cycleId);
  if (tally?.publishedAt == null) throw new NotFoundError(`${NOT_PUBLISHED}; the open data appears when they are`);
  return { cycle, pot };
}

/** Download names: cycle and pot names as slugs (`pot` when a name has no letter or digit left). */
const slug = (text: string): string => fileSlug(text, 'pot');

export interface DownloadFile {
  filename: string;
  body: string;
}

/** One published pot's anonymised ballots and outcome as a Pabulib file. */
export async function exportPot(db: Db, viewer: Viewer, cycleId: string, potId: string): Promise<DownloadFile> {
  const { cycle, pot } = await publishedCycle(db, viewer, cycleId, potId);
  if (pot === undefined) throw new NotFoundError('No pot with this id in this cycle');
  const result = await repo.findPotResult(db, pot.id);
  if (result === undefined) throw new NotFoundError('This pot has no published result');
  const lines = linesByPot(await repo.listBallotSelections(db, cycleId, pot.id)).get(pot.id) ?? [];
  // Ballots cannot change after voting; a mismatch would mean the file is not what was counted.
  if (ballotsHash(lines) !== result.ballotsHash) throw new Error(`the ballots of pot ${pot.id} no longer match its published count`);
  const ward = pot.wardId === null ? undefined : await findWardById(db, pot.wardId);
  const body = pabulibExport({
    cycleName: cycle.name,
    currency: cycle.currency,
    ballot: cycle.ballot,
    schedule: cycle.schedule,
    pot: { id: pot.id, name: pot.name, wardName: ward?.name ?? null },
    result,
    lines,
  });
  return { filename: `${slug(cycle.name)}_${slug(pot.name)}.pb`, body };
}

/** The published results as CSV: every pot, or one. */
export async function exportCsv(db: Db, viewer: Viewer, cycleId: string, potId: string | undefined): Promise<DownloadFile> {
  const { cycle, pot } = await publishedCycle(db, viewer, cycleId, potId);
  const pots = await listPots(db, cycleId);
  const rows = new Map((await repo.listPotResults(db, cycleId)).map((row) => [row.potId, row]));
  const chosen = pots.filter((p) => pot === undefined || p.id === pot.id);
  const body = resultsCsv(chosen.map((p) => ({ name: p.name, projects: rows.get(p.id)?.projects ?? [] })));
  return { filename: `${slug(cycle.name)}${pot === undefined ? '' : `_${slug(pot.name)}`}_results.csv`, body };
}
