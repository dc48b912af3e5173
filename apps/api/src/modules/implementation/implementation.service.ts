/**
 * Implementation tracking: progress, milestones and public updates of funded projects (proposals
 * funded in a published result). Anyone reads; staff and admins write while the cycle is in the
 * results or implementation phase. Every write locks the cycle row FOR SHARE (a phase move waits
 * for it), then the project's delivery row (writes on one project run one at a time), and is audited.
 */
import type {
  CycleDelivery,
  Milestone,
  MilestoneCreate,
  MilestoneUpdate,
  ProgressInput,
  ProjectDelivery,
  ProjectUpdate,
  ProjectUpdateCreate,
} from '@allot/shared';
import type { Db } from '../../db/client';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Actor } from '../../lib/actor';
import { appendAudit } from '../audit/audit.repository';
import { lockCycle } from '../cycles/cycles.repository';
import { visibleCycle } from '../cycles/cycles.service';
import type { Viewer } from '../cycles/viewer';
import * as repo from './implementation.repository';

type Writer = Actor & { userId: string };

const WRITABLE_PHASES = new Set(['results', 'implementation']);
const NOT_FUNDED = 'This is not a funded project: only proposals funded in a published result are tracked';
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

function toMilestone(row: repo.MilestoneRow): Milestone {
  return {
    id: row.id,
    projectId: row.proposalId,
    title: row.title,
    status: row.status,
    dueOn: row.dueOn,
    completedOn: row.completedOn,
    position: row.position,
  };
}

function toUpdate(row: repo.UpdateRecord): ProjectUpdate {
  // An update whose author's account was removed keeps a neutral byline.
  return { id: row.id, body: row.body, authorName: row.authorName ?? 'Council staff', postedAt: row.postedAt.toISOString() };
}

async function fundedProject(db: Db, projectId: string): Promise<repo.FundedProject> {
  const project = await repo.findFundedProject(db, projectId);
  if (project === undefined) throw new NotFoundError(NOT_FUNDED);
  return project;
}

export async function cycleDelivery(db: Db, viewer: Viewer, cycleId: string): Promise<CycleDelivery> {
  await visibleCycle(db, viewer, cycleId);
  const projects = await repo.listFundedProjects(db, cycleId);
  const summaries = await repo.deliverySummaries(
    db,
    projects.map((project) => project.projectId),
  );
  return {
    cycleId,
    projects: projects.map((project) => {
      const summary = summaries.get(project.projectId);
      return {
        projectId: project.projectId,
        potId: project.potId,
        title: project.title,
        cost: project.cost,
        progress: summary?.progress ?? 0,
        updatedAt: summary?.updatedAt?.toISOString() ?? null,
        milestonesDone: summary?.milestonesDone ?? 0,
        milestonesTotal: summary?.milestonesTotal ?? 0,
      };
    }),
  };
}

export async function projectDelivery(db: Db, projectId: string): Promise<ProjectDelivery> {
  const project = await fundedProject(db, projectId);
  const [delivery, milestones, updates] = await Promise.all([
    repo.findDelivery(db, projectId),
    repo.listMilestones(db, projectId),
    repo.listUpdates(db, projectId),
  ]);
  const updatedAt = repo.latestOf([delivery?.updatedAt, ...milestones.map((row) => row.updatedAt), ...updates.map((row) => row.postedAt)]);
  return {
    projectId,
    cycleId: project.cycleId,
    potId: project.potId,
    title: project.title,
    cost: project.cost,
    progress: delivery?.progress ?? 0,
    milestones: milestones.map(toMilestone),
    updates: updates.map(toUpdate),
    updatedAt: updatedAt?.toISOString() ?? null,
  };
}

/** Inside the write's transaction: the funded project, its cycle locked FOR SHARE in a writable phase, its delivery row locked. */
async function lockForWrite(tx: Db, actor: Writer, projectId: string): Promise<repo.FundedProject> {
  const project = await fundedProject(tx, projectId);
  const cycle = await lockCycle(tx, project.cycleId, 'share');
  if (cycle === undefined) throw new NotFoundError(NOT_FUNDED);
  if (!WRITABLE_PHASES.has(cycle.phase)) {
    throw new ConflictError(`Delivery can only be updated while the cycle is in the results or implementation phase; it is now in the ${cycle.phase} phase`);
  }
  await repo.touchDelivery(tx, projectId, actor.userId);
  return project;
}

function audit(tx: Db, actor: Writer, action: string, project: repo.FundedProject, details: Record<string, unknown>) {
  return appendAudit(tx, {
    actorId: actor.userId,
    requestId: actor.requestId ?? null,
    action,
    targetType: 'proposal',
    targetId: project.projectId,
    details: { cycleId: project.cycleId, ...details },
  });
}

export async function setProgress(db: Db, actor: Writer, projectId: string, input: ProgressInput): Promise<ProjectDelivery> {
  await db.transaction(async (tx) => {
    const project = await lockForWrite(tx, actor, projectId);
    const before = (await repo.findDelivery(tx, projectId))?.progress ?? 0;
    await repo.touchDelivery(tx, projectId, actor.userId, input.progress);
    await audit(tx, actor, 'implementation.progress', project, { from: before, to: input.progress });
  });
  return projectDelivery(db, projectId);
}

/**
 * The milestone's status and completion date after a create or a change: a completion date only
 * for a milestone that is done (400 otherwise); done without a date means done today; leaving
 * `done` clears the date.
 */
export function completion(
  status: Milestone['status'],
  completedOn: string | null | undefined,
  current: string | null,
  today: string,
): string | null {
  if (status !== 'done') {
    if (completedOn !== undefined && completedOn !== null) {
      throw new ValidationError('Only a milestone that is done can have a completion date', [
        { path: 'completedOn', message: 'Set the status to done, or leave the completion date out' },
      ]);
    }
    return null;
  }
  return completedOn === undefined ? (current ?? today) : (completedOn ?? today);
}

export async function createMilestone(db: Db, actor: Writer, projectId: string, input: MilestoneCreate, now = new Date()): Promise<Milestone> {
  const completedOn = completion(input.status, input.completedOn, null, isoDay(now));
  return db.transaction(async (tx) => {
    const project = await lockForWrite(tx, actor, projectId);
    const row = await repo.insertMilestone(tx, { proposalId: projectId, title: input.title, status: input.status, dueOn: input.dueOn ?? null, completedOn });
    await audit(tx, actor, 'implementation.milestone.create', project, { milestoneId: row.id, milestone: toMilestone(row) });
    return toMilestone(row);
  });
}

async function milestoneOf(db: Db, milestoneId: string): Promise<repo.MilestoneRow> {
  const row = await repo.findMilestone(db, milestoneId);
  if (row === undefined) throw new NotFoundError('No milestone with this id');
  return row;
}

export async function updateMilestone(db: Db, actor: Writer, milestoneId: string, changes: MilestoneUpdate, now = new Date()): Promise<Milestone> {
  if (Object.keys(changes).length === 0) {
    throw new ValidationError('Nothing to change', [{ path: '', message: 'Give at least one of title, status, dueOn, completedOn' }]);
  }
  return db.transaction(async (tx) => {
    const found = await milestoneOf(tx, milestoneId);
    const project = await lockForWrite(tx, actor, found.proposalId);
    // Read again under the project's lock: a concurrent change may have landed meanwhile.
    const before = await milestoneOf(tx, milestoneId);
    const status = changes.status ?? before.status;
    const completedOn = completion(status, changes.completedOn, before.completedOn, isoDay(now));
    const row = await repo.updateMilestone(tx, milestoneId, {
      title: changes.title ?? before.title,
      status,
      dueOn: changes.dueOn === undefined ? before.dueOn : changes.dueOn,
      completedOn,
    });
    await audit(tx, actor, 'implementation.milestone.update', project, { milestoneId, before: toMilestone(before), after: toMilestone(row) });
    return toMilestone(row);
  });
}

export async function deleteMilestone(db: Db, actor: Writer, milestoneId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const found = await milestoneOf(tx, milestoneId);
    const project = await lockForWrite(tx, actor, found.proposalId);
    const before = await milestoneOf(tx, milestoneId);
    await repo.deleteMilestone(tx, milestoneId);
    await audit(tx, actor, 'implementation.milestone.delete', project, { milestoneId, milestone: toMilestone(before) });
  });
}

export async function postUpdate(db: Db, actor: Writer, projectId: string, input: ProjectUpdateCreate): Promise<ProjectUpdate> {
  return db.transaction(async (tx) => {
    const project = await lockForWrite(tx, actor, projectId);
    const row = await repo.insertUpdate(tx, projectId, actor.userId, input.body);
    await audit(tx, actor, 'implementation.update.post', project, { updateId: row.id, length: row.body.length });
    return toUpdate(row);
  });
}
