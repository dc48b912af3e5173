import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage } from '../../components/messages';
import { useCycles } from '../../features/cycles/api/list-cycles';
import { CycleList } from '../../features/cycles/components/CycleList';

export function CyclesPage() {
  const cycles = useCycles();
  return (
    <Page title="Budget cycles" lead="Each cycle is one round of deciding together how part of the council’s budget is spent.">
      {cycles.isPending ? <StatusMessage>Loading cycles…</StatusMessage> : null}
      {cycles.isError ? <ProblemMessage title="We could not load the cycles">{cycles.error.message}</ProblemMessage> : null}
      {cycles.data && cycles.data.length === 0 ? <p>There are no budget cycles yet.</p> : null}
      {cycles.data && cycles.data.length > 0 ? <CycleList cycles={cycles.data} /> : null}
    </Page>
  );
}
