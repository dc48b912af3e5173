import type { CycleCreateInput, CycleUpdate } from '@allot/shared';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage, SuccessMessage } from '../../components/messages';
import { useCreateCycle } from '../../features/cycles/api/create-cycle';
import { useCycle } from '../../features/cycles/api/get-cycle';
import { useUpdateCycle } from '../../features/cycles/api/update-cycle';
import { CycleForm } from '../../features/cycles/components/CycleForm';
import { PhaseControl } from '../../features/cycles/components/PhaseControl';
import { useWards } from '../../features/wards/api/list-wards';
import { RequireRole } from '../RequireRole';
import type { CycleSavedState } from './AdminCyclesPage';

function BackLink() {
  return (
    <p>
      <Link to="/admin/cycles">Back to all cycles</Link>
    </p>
  );
}

function NewCycle() {
  const wards = useWards();
  const createCycle = useCreateCycle();
  const navigate = useNavigate();
  return (
    <Page title="Set up a cycle" lead="The cycle starts as a draft that only administrators can see. Move it to the Ideas phase when it is ready.">
      {wards.isPending ? <StatusMessage>Loading wards…</StatusMessage> : null}
      {wards.isError ? <ProblemMessage title="We could not load the wards">{wards.error.message}</ProblemMessage> : null}
      {wards.data ? (
        <CycleForm
          wards={wards.data}
          submitLabel="Create cycle"
          pending={createCycle.isPending}
          onSubmit={async (request) => {
            const created = await createCycle.mutateAsync(request as CycleCreateInput);
            const state: CycleSavedState = { savedCycle: created.name };
            await navigate(`/admin/cycles/${created.id}`, { state });
          }}
        />
      ) : null}
      <BackLink />
    </Page>
  );
}

function EditCycle({ cycleId }: { cycleId: string }) {
  const wards = useWards();
  const cycle = useCycle(cycleId);
  const updateCycle = useUpdateCycle();
  const navigate = useNavigate();
  const state = useLocation().state as CycleSavedState | null;
  if (cycle.isPending || wards.isPending) {
    return (
      <Page title="Manage a cycle">
        <StatusMessage>Loading the cycle…</StatusMessage>
      </Page>
    );
  }
  if (cycle.isError || wards.isError) {
    return (
      <Page title="Manage a cycle">
        <ProblemMessage title="We could not show this cycle">{(cycle.error ?? wards.error)?.message}</ProblemMessage>
        <BackLink />
      </Page>
    );
  }
  return (
    <Page title={`Manage ${cycle.data.name}`}>
      {state?.savedCycle ? <SuccessMessage>{state.savedCycle} has been saved.</SuccessMessage> : null}
      <p>
        <Link to={`/cycles/${cycle.data.id}`}>See the public page of {cycle.data.name}</Link>
      </p>
      <PhaseControl cycle={cycle.data} />
      <h2>Settings</h2>
      <p>Some settings are fixed as the cycle goes on: rounds once discussion starts, budgets once voting starts, rules once counting starts.</p>
      <CycleForm
        key={cycle.data.phaseChangedAt + cycle.data.name}
        cycle={cycle.data}
        wards={wards.data}
        submitLabel="Save changes"
        pending={updateCycle.isPending}
        onSubmit={async (changes) => {
          const updated = await updateCycle.mutateAsync({ id: cycleId, changes: changes as CycleUpdate });
          const state: CycleSavedState = { savedCycle: updated.name };
          await navigate('/admin/cycles', { state });
        }}
      />
      <BackLink />
    </Page>
  );
}

export function AdminCycleFormPage() {
  const { cycleId } = useParams();
  const title = cycleId ? 'Manage a cycle' : 'Set up a cycle';
  return (
    <RequireRole roles={['admin']} title={title}>
      {cycleId ? <EditCycle cycleId={cycleId} /> : <NewCycle />}
    </RequireRole>
  );
}
