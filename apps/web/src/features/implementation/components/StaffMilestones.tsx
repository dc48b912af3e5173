import type { Milestone } from '@allot/shared';
import { useState } from 'react';
import { ProblemMessage, SuccessMessage } from '../../../components/messages';
import { useCreateMilestone, useDeleteMilestone, useUpdateMilestone } from '../api/milestones';
import { milestoneStatusText, milestonesInOrder } from '../model';
import { MilestoneForm } from './MilestoneForm';

/** Focus an element once React has drawn the list again (after a save changed it). */
function focusSoon(id: string) {
  window.setTimeout(() => document.getElementById(id)?.focus(), 0);
}

const itemId = (milestone: Milestone) => `milestone-${milestone.id}`;
const editButtonId = (milestone: Milestone) => `milestone-${milestone.id}-edit`;

function MilestoneItem({ milestone, onDone }: { milestone: Milestone; onDone: (message: string) => void }) {
  const updateMilestone = useUpdateMilestone();
  const deleteMilestone = useDeleteMilestone();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const failure = updateMilestone.error ?? deleteMilestone.error;

  function markDone() {
    updateMilestone.mutate(
      // The API dates a milestone marked done without a date with today (its own calendar, UTC).
      { milestoneId: milestone.id, changes: { status: 'done' } },
      {
        onSuccess: () => {
          onDone(`“${milestone.title}” is marked as done.`);
          focusSoon(itemId(milestone));
        },
      },
    );
  }

  function remove() {
    deleteMilestone.mutate(milestone.id, {
      onSuccess: () => {
        onDone(`“${milestone.title}” has been deleted.`);
        focusSoon('milestones-title');
      },
      onError: () => setMode('view'),
    });
  }

  return (
    <li className={`milestone milestone--${milestone.status}`}>
      <span id={itemId(milestone)} className="milestone__title" tabIndex={-1}>
        {milestone.title}
      </span>
      <span className="milestone__status">{milestoneStatusText(milestone)}</span>
      {failure && mode !== 'edit' ? <ProblemMessage title="The milestone was not changed">{failure.message}</ProblemMessage> : null}
      {mode === 'edit' ? (
        <MilestoneForm
          idPrefix={`milestone-${milestone.id}-form`}
          milestone={milestone}
          label={`Edit the milestone ${milestone.title}`}
          submitLabel="Save milestone"
          pending={updateMilestone.isPending}
          onSubmit={async ({ completedOn, ...rest }) => {
            // An empty completed date is left out: on a done milestone the API then keeps (or sets) its date,
            // and moving a milestone out of done clears the date anyway.
            const changes = completedOn ? { ...rest, completedOn } : rest;
            await updateMilestone.mutateAsync({ milestoneId: milestone.id, changes });
            setMode('view');
            onDone(`“${rest.title}” has been saved.`);
            focusSoon(editButtonId(milestone));
          }}
          onCancel={() => {
            setMode('view');
            focusSoon(editButtonId(milestone));
          }}
        />
      ) : null}
      {mode === 'view' ? (
        <div className="milestone__actions">
          <button id={editButtonId(milestone)} type="button" className="link-button" onClick={() => setMode('edit')}>
            Edit<span className="visually-hidden"> {milestone.title}</span>
          </button>
          {milestone.status !== 'done' ? (
            <button type="button" className="link-button" disabled={updateMilestone.isPending} onClick={markDone}>
              Mark as done<span className="visually-hidden"> ({milestone.title})</span>
            </button>
          ) : null}
          <button type="button" className="link-button" onClick={() => setMode('confirm-delete')}>
            Delete<span className="visually-hidden"> {milestone.title}</span>
          </button>
        </div>
      ) : null}
      {mode === 'confirm-delete' ? (
        <div className="milestone__actions" role="group" aria-labelledby={`${itemId(milestone)}-confirm`}>
          <p id={`${itemId(milestone)}-confirm`}>Delete this milestone? This cannot be undone.</p>
          <button type="button" className="button button--warning" disabled={deleteMilestone.isPending} onClick={remove}>
            Yes, delete it
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setMode('view');
              focusSoon(editButtonId(milestone));
            }}
          >
            Keep it
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** Staff keep a funded project's milestones: add, edit, mark as done, delete. */
export function StaffMilestones({ projectId, milestones }: { projectId: string; milestones: readonly Milestone[] }) {
  const createMilestone = useCreateMilestone();
  const [message, setMessage] = useState<string | null>(null);
  const ordered = milestonesInOrder(milestones);
  return (
    <section aria-labelledby="milestones-title">
      <h2 id="milestones-title" tabIndex={-1}>
        Milestones
      </h2>
      {message ? <SuccessMessage>{message}</SuccessMessage> : null}
      {ordered.length === 0 ? (
        <p>No milestones yet.</p>
      ) : (
        <ol className="milestone-list">
          {ordered.map((milestone) => (
            <MilestoneItem key={milestone.id} milestone={milestone} onDone={setMessage} />
          ))}
        </ol>
      )}
      <h3>Add a milestone</h3>
      <MilestoneForm
        idPrefix="new-milestone"
        label="Add a milestone"
        submitLabel="Add milestone"
        pending={createMilestone.isPending}
        resetOnSave
        onSubmit={async (milestone) => {
          setMessage(null);
          await createMilestone.mutateAsync({ projectId, milestone });
          setMessage(`“${milestone.title}” has been added.`);
        }}
      />
    </section>
  );
}
