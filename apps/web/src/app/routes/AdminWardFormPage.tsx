import { Link, useNavigate, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage } from '../../components/messages';
import { useCreateWard } from '../../features/wards/api/create-ward';
import { useWards } from '../../features/wards/api/list-wards';
import { useUpdateWard } from '../../features/wards/api/update-ward';
import { WardForm } from '../../features/wards/components/WardForm';
import { RequireRole } from '../RequireRole';
import type { WardSavedState } from './AdminWardsPage';

function BackLink() {
  return (
    <p>
      <Link to="/admin/wards">Back to all wards</Link>
    </p>
  );
}

function NewWard() {
  const createWard = useCreateWard();
  const navigate = useNavigate();
  return (
    <Page title="Add a ward">
      <WardForm
        submitLabel="Add ward"
        pending={createWard.isPending}
        onSubmit={async (ward) => {
          const created = await createWard.mutateAsync(ward);
          const state: WardSavedState = { savedWard: created.name };
          await navigate('/admin/wards', { state });
        }}
      />
      <BackLink />
    </Page>
  );
}

function EditWard({ wardId }: { wardId: string }) {
  const wards = useWards();
  const updateWard = useUpdateWard();
  const navigate = useNavigate();
  const ward = wards.data?.find((candidate) => candidate.id === wardId);

  if (wards.isPending) {
    return (
      <Page title="Edit ward">
        <StatusMessage>Loading the ward…</StatusMessage>
      </Page>
    );
  }
  if (!ward) {
    return (
      <Page title="Ward not found">
        {wards.isError ? <ProblemMessage>{wards.error.message}</ProblemMessage> : <p>There is no ward with this address.</p>}
        <BackLink />
      </Page>
    );
  }
  return (
    <Page title={`Edit ${ward.name}`}>
      <WardForm
        key={ward.id}
        ward={ward}
        submitLabel="Save changes"
        pending={updateWard.isPending}
        onSubmit={async (changes) => {
          const updated = await updateWard.mutateAsync({ id: ward.id, changes });
          const state: WardSavedState = { savedWard: updated.name };
          await navigate('/admin/wards', { state });
        }}
      />
      <BackLink />
    </Page>
  );
}

export function AdminWardFormPage() {
  const { wardId } = useParams();
  const title = wardId ? 'Edit ward' : 'Add a ward';
  return (
    <RequireRole roles={['admin']} title={title}>
      {wardId ? <EditWard wardId={wardId} /> : <NewWard />}
    </RequireRole>
  );
}
