import { Link, useLocation } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage, SuccessMessage } from '../../components/messages';
import { useWards } from '../../features/wards/api/list-wards';
import { WardTable } from '../../features/wards/components/WardTable';
import { RequireRole } from '../RequireRole';

/** Set by the create and edit pages when they send the admin back here. */
export interface WardSavedState {
  savedWard?: string;
}

function AdminWardsContent() {
  const wards = useWards();
  const state = useLocation().state as WardSavedState | null;
  return (
    <Page title="Manage wards" lead="Add wards and keep their names, codes and populations up to date.">
      {state?.savedWard ? <SuccessMessage>{state.savedWard} has been saved.</SuccessMessage> : null}
      <p>
        <Link to="/admin/wards/new" className="button">
          Add a ward
        </Link>
      </p>
      {wards.isPending ? <StatusMessage>Loading wards…</StatusMessage> : null}
      {wards.isError ? <ProblemMessage title="We could not load the wards">{wards.error.message}</ProblemMessage> : null}
      {wards.data && wards.data.length === 0 ? <p>There are no wards yet.</p> : null}
      {wards.data && wards.data.length > 0 ? (
        <WardTable
          wards={wards.data}
          caption="All wards"
          action={{
            heading: 'Change',
            render: (ward) => (
              <Link to={`/admin/wards/${ward.id}`}>
                Edit<span className="visually-hidden"> {ward.name}</span>
              </Link>
            ),
          }}
        />
      ) : null}
    </Page>
  );
}

export function AdminWardsPage() {
  return (
    <RequireRole roles={['admin']} title="Manage wards">
      <AdminWardsContent />
    </RequireRole>
  );
}
