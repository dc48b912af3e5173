import { and, asc, count, desc, eq, inArray, isNotNull, max, sql } from 'drizzle-orm';
import type { ProjectOutcome } from '@allot/shared';
import type { Db } from '../../db/client';
import { cycleTallies, milestones, pots, potResults, projectDelivery, projectUpdates, proposals, users } from '../../db/schema';

export type MilestoneRow = typeof milestones.$inferSelect;
export type DeliveryRow = typeof projectDelivery.$inferSelect;

export interface FundedProject {
  projectId: string;
  cycleId: string;
  potId: string;
  title: string;
  cost: number;
}

function fromOutcome(proposalId: string, cycleId: string, potId: string, title: string, outcomes: ProjectOutcome[], fallbackCost: number): FundedProject {
  const outcome = outcomes.find((project) => project.id === proposalId);
  return { projectId: proposalId, cycleId, potId, title: outcome?.title ?? title, cost: outcome?.cost ?? fallbackCost };
}

/**
 * The proposal as a funded project: it must be listed in `funded` of its pot's stored result and
 * that result must be published. Title and cost are the ones the published result carries.
 */
export async function findFundedProject(db: Db, proposalId: string): Promise<FundedProject | undefined> {
  const [row] = await db
    .select({
      cycleId: proposals.cycleId,
      potId: proposals.potId,
      title: proposals.title,
      estimatedCost: proposals.estimatedCost,
      projects: potResults.projects,
    })
    .from(proposals)
    .innerJoin(potResults, and(eq(potResults.potId, proposals.potId), sql`${potResults.funded} @> jsonb_build_array(${proposals.id}::text)`))
    .innerJoin(cycleTallies, and(eq(cycleTallies.cycleId, potResults.cycleId), isNotNull(cycleTallies.publishedAt)))
    .where(eq(proposals.id, proposalId));
  if (row === undefined) return undefined;
  return fromOutcome(proposalId, row.cycleId, row.potId, row.title, row.projects, row.estimatedCost);
}

/** Every funded project of the cycle's published result: pots in the cycle's pot order, projects in funding order. */
export async function listFundedProjects(db: Db, cycleId: string): Promise<FundedProject[]> {
  const rows = await db
    .select({ potId: potResults.potId, funded: potResults.funded, projects: potResults.projects })
    .from(potResults)
    .innerJoin(cycleTallies, and(eq(cycleTallies.cycleId, potResults.cycleId), isNotNull(cycleTallies.publishedAt)))
    .innerJoin(pots, eq(pots.id, potResults.potId))
    .where(eq(potResults.cycleId, cycleId))
    .orderBy(sql`${pots.wardId} is null`, asc(pots.name), asc(pots.id));
  const ids = rows.flatMap((row) => row.funded);
  if (ids.length === 0) return [];
  const known = await db
    .select({ id: proposals.id, title: proposals.title, estimatedCost: proposals.estimatedCost })
    .from(proposals)
    .where(and(eq(proposals.cycleId, cycleId), inArray(proposals.id, ids)));
  const byId = new Map(known.map((proposal) => [proposal.id, proposal]));
  return rows.flatMap((row) =>
    row.funded.flatMap((id) => {
      const proposal = byId.get(id);
      return proposal === undefined ? [] : [fromOutcome(id, cycleId, row.potId, proposal.title, row.projects, proposal.estimatedCost)];
    }),
  );
}

export async function findDelivery(db: Db, proposalId: string): Promise<DeliveryRow | undefined> {
  const [row] = await db.select().from(projectDelivery).where(eq(projectDelivery.proposalId, proposalId));
  return row;
}

/**
 * Creates or touches the project's delivery row, setting `progress` when given, and returns it
 * locked: every write on one project goes through here first, so writes on a project are
 * serialised (milestone positions stay in append order) and `updated_at` marks the latest change.
 */
export async function touchDelivery(db: Db, proposalId: string, actorId: string, progress?: number): Promise<DeliveryRow> {
  const [row] = await db
    .insert(projectDelivery)
    .values({ proposalId, progress: progress ?? 0, updatedBy: actorId })
    .onConflictDoUpdate({
      target: projectDelivery.proposalId,
      set: { updatedAt: sql`now()`, updatedBy: actorId, ...(progress === undefined ? {} : { progress }) },
    })
    .returning();
  if (row === undefined) throw new Error('upsert of project_delivery returned no row');
  return row;
}

export function listMilestones(db: Db, proposalId: string): Promise<MilestoneRow[]> {
  return db.select().from(milestones).where(eq(milestones.proposalId, proposalId)).orderBy(asc(milestones.position), asc(milestones.createdAt));
}

export async function findMilestone(db: Db, id: string): Promise<MilestoneRow | undefined> {
  const [row] = await db.select().from(milestones).where(eq(milestones.id, id));
  return row;
}

export async function insertMilestone(
  db: Db,
  values: { proposalId: string; title: string; status: MilestoneRow['status']; dueOn: string | null; completedOn: string | null },
): Promise<MilestoneRow> {
  const [row] = await db
    .insert(milestones)
    .values({
      ...values,
      position: sql`(select coalesce(max(${milestones.position}), 0) + 1 from ${milestones} where ${milestones.proposalId} = ${values.proposalId})`,
    })
    .returning();
  if (row === undefined) throw new Error('insert into milestones returned no row');
  return row;
}

export async function updateMilestone(
  db: Db,
  id: string,
  changes: { title: string; status: MilestoneRow['status']; dueOn: string | null; completedOn: string | null },
): Promise<MilestoneRow> {
  const [row] = await db
    .update(milestones)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(milestones.id, id))
    .returning();
  if (row === undefined) throw new Error('update of milestones returned no row');
  return row;
}

export async function deleteMilestone(db: Db, id: string): Promise<void> {
  await db.delete(milestones).where(eq(milestones.id, id));
}

export interface UpdateRecord {
  id: string;
  body: string;
  authorName: string | null;
  postedAt: Date;
}

export function listUpdates(db: Db, proposalId: string): Promise<UpdateRecord[]> {
  return db
    .select({ id: projectUpdates.id, body: projectUpdates.body, authorName: users.displayName, postedAt: projectUpdates.postedAt })
    .from(projectUpdates)
    .leftJoin(users, eq(users.id, projectUpdates.authorId))
    .where(eq(projectUpdates.proposalId, proposalId))
    .orderBy(desc(projectUpdates.postedAt), desc(projectUpdates.id));
}

export async function insertUpdate(db: Db, proposalId: string, authorId: string, body: string): Promise<UpdateRecord> {
  const [row] = await db.insert(projectUpdates).values({ proposalId, authorId, body }).returning();
  if (row === undefined) throw new Error('insert into project_updates returned no row');
  const [author] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, authorId));
  return { id: row.id, body: row.body, authorName: author?.displayName ?? null, postedAt: row.postedAt };
}

export interface DeliverySummary {
  progress: number;
  updatedAt: Date | null;
  milestonesDone: number;
  milestonesTotal: number;
}

/** Progress, milestone counts and the latest change of each project, for the cycle overview. */
export async function deliverySummaries(db: Db, proposalIds: string[]): Promise<Map<string, DeliverySummary>> {
  const summaries = new Map<string, DeliverySummary>();
  if (proposalIds.length === 0) return summaries;
  const [deliveries, milestoneCounts, updateTimes] = await Promise.all([
    db.select().from(projectDelivery).where(inArray(projectDelivery.proposalId, proposalIds)),
    db
      .select({
        proposalId: milestones.proposalId,
        total: count(),
        done: sql<number>`count(*) filter (where ${milestones.status} = 'done')`.mapWith(Number),
        latest: max(milestones.updatedAt),
      })
      .from(milestones)
      .where(inArray(milestones.proposalId, proposalIds))
      .groupBy(milestones.proposalId),
    db
      .select({ proposalId: projectUpdates.proposalId, latest: max(projectUpdates.postedAt) })
      .from(projectUpdates)
      .where(inArray(projectUpdates.proposalId, proposalIds))
      .groupBy(projectUpdates.proposalId),
  ]);
  for (const id of proposalIds) {
    const delivery = deliveries.find((row) => row.proposalId === id);
    const counts = milestoneCounts.find((row) => row.proposalId === id);
    const updates = updateTimes.find((row) => row.proposalId === id);
    summaries.set(id, {
      progress: delivery?.progress ?? 0,
      updatedAt: latestOf([delivery?.updatedAt, counts?.latest, updates?.latest]),
      milestonesDone: counts?.done ?? 0,
      milestonesTotal: counts?.total ?? 0,
    });
  }
  return summaries;
}

/** The latest of some optional times (drivers may hand timestamps back as strings from aggregates). */
export function latestOf(times: readonly (Date | string | null | undefined)[]): Date | null {
  let latest: Date | null = null;
  for (const time of times) {
    if (time === null || time === undefined) continue;
    const date = time instanceof Date ? time : new Date(time);
    if (latest === null || date > latest) latest = date;
  }
  return latest;
}
