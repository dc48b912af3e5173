import type { Cycle, ProjectDelivery } from '@allot/shared';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage } from '../../components/messages';
import { useCurrentUser } from '../../features/auth/api/get-current-user';
import { useCycle } from '../../features/cycles/api/get-cycle';
import { formatMoney, PHASE_LABELS } from '../../features/cycles/format';
import { useProjectDelivery } from '../../features/implementation/api/get-project-delivery';
import { DeliveryProgress, MilestoneList, UpdateList } from '../../features/implementation/components/DeliveryView';
import { ProgressForm } from '../../features/implementation/components/ProgressForm';
import { StaffMilestones } from '../../features/implementation/components/StaffMilestones';
import { UpdateForm } from '../../features/implementation/components/UpdateForm';
import { ApiError } from '../../lib/api-client';
import { RequireRole } from '../RequireRole';

const DELIVERY_TEAM = ['staff', 'admin'] as const;
/** The phases in which the API lets staff change a project's delivery. */
const WRITABLE_PHASES = ['results', 'implementation'];

/** Loads a project's delivery and its cycle, then hands both to `render`. */
function DeliveryLoader({ title, render }: { title: string; render: (delivery: ProjectDelivery, cycle: Cycle) => ReactNode }) {
  const { projectId = '' } = useParams();
  const delivery = useProjectDelivery(projectId);
  const cycle = useCycle(delivery.data?.cycleId);
  if (delivery.isError || cycle.isError) {
    const error = delivery.error ?? cycle.error;
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <Page title={notFound ? 'Project not found' : title}>
        <ProblemMessage title="We could not show this project">
          {notFound ? 'There is no funded project at this address.' : (error?.message ?? '')}
        </ProblemMessage>
        <p>
          <Link to="/cycles">See all budget cycles</Link>
        </p>
      </Page>
    );
  }
  if (delivery.isPending || cycle.isPending) {
    return (
      <Page title={title}>
        <StatusMessage>Loading the project…</StatusMessage>
      </Page>
    );
  }
  return render(delivery.data, cycle.data);
}

function PublicDelivery({ delivery, cycle }: { delivery: ProjectDelivery; cycle: Cycle }) {
  const { data: user } = useCurrentUser();
  const canUpdate = DELIVERY_TEAM.some((role) => user?.roles.includes(role));
  return (
    <Page title={delivery.title} lead={`A project funded in ${cycle.name} with ${formatMoney(delivery.cost, cycle.currency)}. Here is how its delivery is going.`}>
      <p>
        <Link to={`/proposals/${delivery.projectId}`}>Read the original idea</Link> ·{' '}
        <Link to={`/cycles/${cycle.id}`}>{cycle.name}</Link>
      </p>
      {canUpdate ? (
        <p>
          <Link className="button button--secondary" to={`/projects/${delivery.projectId}/delivery/manage`}>
            Update delivery
          </Link>
        </p>
      ) : null}
      <h2>Progress</h2>
      <DeliveryProgress delivery={delivery} />
      <h2>Milestones</h2>
      <MilestoneList delivery={delivery} />
      <h2>Updates</h2>
      <UpdateList delivery={delivery} />
    </Page>
  );
}

/** Anyone: how a funded project is being delivered. */
export function ProjectDeliveryPage() {
  return <DeliveryLoader title="Project delivery" render={(delivery, cycle) => <PublicDelivery delivery={delivery} cycle={cycle} />} />;
}

function ManageDelivery({ delivery, cycle }: { delivery: ProjectDelivery; cycle: Cycle }) {
  const writable = WRITABLE_PHASES.includes(cycle.phase);
  const publicPage = `/projects/${delivery.projectId}/delivery`;
  return (
    <Page title={`Update delivery: ${delivery.title}`} lead={`A project funded in ${cycle.name}. Residents see the progress, milestones and updates you save here; each update shows your name.`}>
      <p>
        <Link to={publicPage}>See the public page</Link>
      </p>
      {writable ? (
        <>
          <ProgressForm projectId={delivery.projectId} progress={delivery.progress} />
          <StaffMilestones projectId={delivery.projectId} milestones={delivery.milestones} />
          <UpdateForm projectId={delivery.projectId} />
          <h2>Updates posted so far</h2>
          <UpdateList delivery={delivery} />
        </>
      ) : (
        <>
          <p>
            {cycle.name} is in the {PHASE_LABELS[cycle.phase].toLowerCase()} phase, so its projects&rsquo; delivery can no longer be changed.
            Delivery can be updated while a cycle is in its results or delivery phase.
          </p>
          <h2>Progress</h2>
          <DeliveryProgress delivery={delivery} />
          <h2>Milestones</h2>
          <MilestoneList delivery={delivery} />
        </>
      )}
    </Page>
  );
}

/** Staff and admins: record progress, milestones and public updates of a funded project. */
export function ManageDeliveryPage() {
  return (
    <RequireRole roles={DELIVERY_TEAM} title="Update delivery">
      <DeliveryLoader title="Update delivery" render={(delivery, cycle) => <ManageDelivery delivery={delivery} cycle={cycle} />} />
    </RequireRole>
  );
}
