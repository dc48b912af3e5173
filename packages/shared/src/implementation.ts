import { z } from 'zod';
import { CycleId, IsoDate, Money, PotId } from './cycles';

/**
 * Implementation tracking for funded projects (a project is a funded proposal of a published
 * result). Anyone reads; staff and admins write while the cycle is in results or implementation.
 *   GET  /cycles/:id/implementation           every funded project with its progress
 *   GET  /projects/:id/implementation         one project: milestones and updates
 *   PUT  /projects/:id/progress               { progress }
 *   POST /projects/:id/milestones             MilestoneCreate
 *   PATCH /milestones/:id, DELETE /milestones/:id
 *   POST /projects/:id/updates                ProjectUpdateCreate
 */

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done'] as const;
export const MilestoneStatus = z.enum(MILESTONE_STATUSES);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;
export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
};

export const MilestoneId = z.string().uuid();

export const Milestone = z.object({
  id: MilestoneId,
  projectId: z.string().uuid(),
  title: z.string(),
  status: MilestoneStatus,
  /** When it is planned to be done. */
  dueOn: IsoDate.nullable(),
  /** When it was done (status done only). */
  completedOn: IsoDate.nullable(),
  position: z.number().int(),
});
export type Milestone = z.infer<typeof Milestone>;

const milestoneTitle = z.string().trim().min(3, 'Use at least 3 characters').max(200, 'Use at most 200 characters');

export const MilestoneCreate = z.strictObject({
  title: milestoneTitle,
  status: MilestoneStatus.default('planned'),
  dueOn: IsoDate.nullable().optional(),
  completedOn: IsoDate.nullable().optional().describe('Only for a milestone that is done'),
});
export type MilestoneCreate = z.infer<typeof MilestoneCreate>;

export const MilestoneUpdate = z.strictObject({
  title: milestoneTitle.optional(),
  status: MilestoneStatus.optional(),
  dueOn: IsoDate.nullable().optional(),
  completedOn: IsoDate.nullable().optional(),
});
export type MilestoneUpdate = z.infer<typeof MilestoneUpdate>;

export const ProgressInput = z.strictObject({
  progress: z.number().int('Use a whole percentage').min(0).max(100),
});
export type ProgressInput = z.infer<typeof ProgressInput>;

export const ProjectUpdate = z.object({
  id: z.string().uuid(),
  /** Plain text a resident reads (no markup). */
  body: z.string(),
  authorName: z.string(),
  postedAt: z.string(),
});
export type ProjectUpdate = z.infer<typeof ProjectUpdate>;

export const ProjectUpdateCreate = z.strictObject({
  body: z.string().trim().min(10, 'Use at least 10 characters').max(4000, 'Use at most 4,000 characters'),
});
export type ProjectUpdateCreate = z.infer<typeof ProjectUpdateCreate>;

export const ProjectDelivery = z.object({
  projectId: z.string().uuid(),
  cycleId: CycleId,
  potId: PotId,
  title: z.string(),
  cost: Money,
  /** 0–100, set by staff. */
  progress: z.number().int().min(0).max(100),
  milestones: z.array(Milestone),
  updates: z.array(ProjectUpdate),
  /** When progress, a milestone or an update last changed; null if nothing has yet. */
  updatedAt: z.string().nullable(),
});
export type ProjectDelivery = z.infer<typeof ProjectDelivery>;

export const CycleDelivery = z.object({
  cycleId: CycleId,
  projects: z.array(
    ProjectDelivery.pick({ projectId: true, potId: true, title: true, cost: true, progress: true, updatedAt: true }).extend({
      milestonesDone: z.number().int().nonnegative(),
      milestonesTotal: z.number().int().nonnegative(),
    }),
  ),
});
export type CycleDelivery = z.infer<typeof CycleDelivery>;

export const ProjectIdParams = z.strictObject({ id: z.string().uuid() });
export const MilestoneIdParams = z.strictObject({ id: MilestoneId });
