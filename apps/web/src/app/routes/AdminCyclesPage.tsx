import { Link, useLocation } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage, SuccessMessage } from '../../components/messages';
import { useCycles } from '../../features/cycles/api/list-cycles';
import { CycleList } from '../../features/cycles/components/CycleList';
import { CountingLinks } from '../../features/results/components/ResultsLinks';
import { RequireRole } from '../RequireRole';

/** Set by the cycle form when it sends the admin back here. */
export interface CycleSavedState {
  savedCycle?: string;
}

function AdminCyclesContent() {
  const cycles = useCycles({ asAdmin: true });
  const state = useLocation().state as CycleSavedState | null;
  return (
    <Page title="Manage cycles" lead="Set up budget cycles, their budgets, dates and voting rules, and move them through their phases.">
      {state?.savedCycle ? <SuccessMessage>{state.savedCycle} has been saved.</SuccessMessage> : null}
      <p>
        <Link to="/admin/cycles/new" className="button">
          Set up a new cycle
        </Link>
      </p>
      {cycles.isPending ? <StatusMessage>Loading cycles…</StatusMessage> : null}
      {cycles.isError ? <ProblemMessage title="We could not load the cycles">{cycles.error.message}</ProblemMessage> : null}
      {cycles.data && cycles.data.length === 0 ? <p>There are no cycles yet.</p> : null}
      {cycles.data ? <CountingLinks cycles={cycles.data} /> : null}
      {cycles.data && cycles.data.length > 0 ? <CycleList cycles={cycles.data} linkTo={(cycle) => `/admin/cycles/${cycle.id}`} /> : null}
    </Page>
  );
}

export function AdminCyclesPage() {
  return (
    <RequireRole roles={['admin']} title="Manage cycles">
      <AdminCyclesContent />
    </RequireRole>
  );
}
