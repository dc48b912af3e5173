import {
  MILESTONE_STATUS_LABELS,
  MilestoneCreate,
  ProgressInput,
  ProjectUpdateCreate,
  type Milestone,
  type MilestoneStatus,
  type ProjectUpdate,
} from '@allot/shared';
import { errorsFromZod, type FormErrors } from '../../lib/form-errors';
import { formatDate } from '../../lib/format';

/**
 * Form rules and wording of delivery tracking. The shared schemas decide what the API accepts;
 * this turns what staff typed into those shapes and says what is wrong in plain words.
 */

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' });

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/** Today's date as YYYY-MM-DD in the browser's own time zone (what staff mean by "today"). */
export function todayIso(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function progressText(progress: number): string {
  if (progress <= 0) return 'Not started yet (0% done)';
  if (progress >= 100) return 'Complete (100% done)';
  return `${progress}% done`;
}

/** "Done on 3 March 2027", "In progress, due by 31 March 2027", "Planned". */
export function milestoneStatusText(milestone: Pick<Milestone, 'status' | 'dueOn' | 'completedOn'>): string {
  if (milestone.status === 'done') return milestone.completedOn ? `Done on ${formatDate(milestone.completedOn)}` : 'Done';
  const label = MILESTONE_STATUS_LABELS[milestone.status];
  return milestone.dueOn ? `${label}, due by ${formatDate(milestone.dueOn)}` : label;
}

export function milestonesInOrder(milestones: readonly Milestone[]): Milestone[] {
  return [...milestones].sort((a, b) => a.position - b.position);
}

export function updatesNewestFirst(updates: readonly ProjectUpdate[]): ProjectUpdate[] {
  return [...updates].sort((a, b) => (a.postedAt < b.postedAt ? 1 : a.postedAt > b.postedAt ? -1 : 0));
}

/* Progress ------------------------------------------------------------------------------------ */

export type ProgressField = 'progress';

/** "45", "45%" or " 45 % " → 45; anything else is explained. */
export function parseProgress(text: string): { ok: true; value: ProgressInput } | { ok: false; errors: FormErrors<ProgressField> } {
  const cleaned = text.replace(/%/g, '').trim();
  const wrong = (message: string) => ({ ok: false as const, errors: { fields: { progress: message }, general: [] } });
  if (cleaned === '') return wrong('Enter how much of the project is done, from 0 to 100');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return wrong('Enter the progress as a number from 0 to 100, for example 40');
  const parsed = ProgressInput.safeParse({ progress: Number(cleaned) });
  if (!parsed.success) {
    return wrong(Number.isInteger(Number(cleaned)) ? 'Enter a percentage from 0 to 100' : 'Enter a whole percentage, for example 40');
  }
  return { ok: true, value: parsed.data };
}

/* Milestones ---------------------------------------------------------------------------------- */

export const MILESTONE_FIELDS = ['title', 'status', 'dueOn', 'completedOn'] as const;
export type MilestoneField = (typeof MILESTONE_FIELDS)[number];

export interface MilestoneDraft {
  title: string;
  status: string;
  dueOn: string;
  completedOn: string;
}

/**
 * A milestone as staff typed it → the body to send. A completed date belongs only to a milestone
 * that is done (the database refuses anything else), and cannot be in the future.
 */
export function parseMilestone(
  draft: MilestoneDraft,
  today = todayIso(),
): { ok: true; value: MilestoneCreate & { dueOn: string | null; completedOn: string | null } } | { ok: false; errors: FormErrors<MilestoneField> } {
  const raw = {
    title: draft.title,
    status: draft.status,
    dueOn: draft.dueOn.trim() === '' ? null : draft.dueOn.trim(),
    completedOn: draft.completedOn.trim() === '' ? null : draft.completedOn.trim(),
  };
  const parsed = MilestoneCreate.safeParse(raw);
  const errors: FormErrors<MilestoneField> = parsed.success
    ? { fields: {}, general: [] }
    : errorsFromZod(parsed.error, MILESTONE_FIELDS, (field, issue) => {
        if (field === 'title') return issue.code === 'too_big' ? 'Use at most 200 characters for the milestone' : 'Enter a milestone of at least 3 characters';
        if (field === 'status') return 'Choose the status of the milestone';
        if (field === 'dueOn') return 'Enter the due date as a real date, for example 31 March 2027';
        if (field === 'completedOn') return 'Enter the completed date as a real date, for example 3 March 2027';
        return undefined;
      });
  if (errors.fields.completedOn === undefined && raw.completedOn !== null) {
    if (raw.status !== 'done') errors.fields.completedOn = 'Only a milestone that is done has a completed date: clear the date or set the status to done';
    else if (raw.completedOn > today) errors.fields.completedOn = 'The completed date cannot be in the future';
  }
  if (!parsed.success || errors.fields.completedOn !== undefined) return { ok: false, errors };
  return { ok: true, value: { ...parsed.data, dueOn: raw.dueOn, completedOn: raw.completedOn } };
}

export function draftOf(milestone?: Milestone): MilestoneDraft {
  return {
    title: milestone?.title ?? '',
    status: milestone?.status ?? 'planned',
    dueOn: milestone?.dueOn ?? '',
    completedOn: milestone?.completedOn ?? '',
  };
}

export const MILESTONE_STATUS_OPTIONS = (Object.keys(MILESTONE_STATUS_LABELS) as MilestoneStatus[]).map((status) => ({
  value: status,
  label: MILESTONE_STATUS_LABELS[status],
}));

/* Public updates ------------------------------------------------------------------------------ */

export type UpdateField = 'body';

export function parseUpdate(body: string): { ok: true; value: ProjectUpdateCreate } | { ok: false; errors: FormErrors<UpdateField> } {
  const parsed = ProjectUpdateCreate.safeParse({ body });
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: errorsFromZod(parsed.error, ['body'] as const, (_field, issue) =>
      issue.code === 'too_big' ? 'Keep the update to 4,000 characters or fewer' : 'Write an update of at least 10 characters',
    ),
  };
}

