import type { ProjectDelivery } from '@allot/shared';
import { formatDateTime, milestoneStatusText, milestonesInOrder, progressText, updatesNewestFirst } from '../model';
import '../implementation.css';

export function DeliveryProgress({ delivery }: { delivery: ProjectDelivery }) {
  return (
    <>
      <p id="delivery-progress-text" className="delivery-progress__text">
        {progressText(delivery.progress)}
      </p>
      <progress className="delivery-progress__bar" max={100} value={delivery.progress} aria-labelledby="delivery-progress-text">
        {delivery.progress}%
      </progress>
      <p className="delivery-meta">
        {delivery.updatedAt ? `Last updated ${formatDateTime(delivery.updatedAt)}.` : 'No progress has been reported yet.'}
      </p>
    </>
  );
}

export function MilestoneList({ delivery }: { delivery: ProjectDelivery }) {
  const milestones = milestonesInOrder(delivery.milestones);
  if (milestones.length === 0) return <p>No milestones have been set yet.</p>;
  return (
    <ol className="milestone-list">
      {milestones.map((milestone) => (
        <li key={milestone.id} className={`milestone milestone--${milestone.status}`}>
          <span className="milestone__title">{milestone.title}</span>
          <span className="milestone__status">{milestoneStatusText(milestone)}</span>
        </li>
      ))}
    </ol>
  );
}

export function UpdateList({ delivery }: { delivery: ProjectDelivery }) {
  const updates = updatesNewestFirst(delivery.updates);
  if (updates.length === 0) return <p>There are no updates yet.</p>;
  return (
    <ol className="update-list" aria-label="Updates, newest first">
      {updates.map((update) => (
        <li key={update.id} className="update">
          <p className="update__meta">
            {formatDateTime(update.postedAt)}, by {update.authorName}
          </p>
          <p className="update__body preserve-lines">{update.body}</p>
        </li>
      ))}
    </ol>
  );
}
