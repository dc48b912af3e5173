import type { Cycle } from '@allot/shared';
import type { ReactNode } from 'react';
import { Page } from '../components/Page';
import { ProblemMessage, StatusMessage } from '../components/messages';
import { useCycle } from '../features/cycles/api/get-cycle';

interface WithCycleProps {
  cycleId: string;
  /** The page's title while the cycle loads, or when it cannot be shown. */
  title: string;
  /** Shown under the problem when the cycle cannot be shown, e.g. a way back to a list of cycles. */
  whenMissing?: ReactNode;
  children: (cycle: Cycle) => ReactNode;
}

/** Loads the cycle a route is about and shows the route's page for it, or says why it cannot. */
export function WithCycle({ cycleId, title, whenMissing, children }: WithCycleProps) {
  const cycle = useCycle(cycleId);
  if (cycle.isPending) {
    return (
      <Page title={title}>
        <StatusMessage>Loading the cycle…</StatusMessage>
      </Page>
    );
  }
  if (cycle.isError) {
    return (
      <Page title={title}>
        <ProblemMessage title="We could not show this cycle">{cycle.error.message}</ProblemMessage>
        {whenMissing}
      </Page>
    );
  }
  return children(cycle.data);
}
