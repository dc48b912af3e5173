import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage } from '../../components/messages';
import { useWards } from '../../features/wards/api/list-wards';
import { WardTable } from '../../features/wards/components/WardTable';

export function WardsPage() {
  const wards = useWards();
  return (
    <Page title="Wards" lead="The council area is split into wards. Each ward has its own share of the budget.">
      {wards.isPending ? <StatusMessage>Loading wards…</StatusMessage> : null}
      {wards.isError ? <ProblemMessage title="We could not load the wards">{wards.error.message}</ProblemMessage> : null}
      {wards.data && wards.data.length === 0 ? <p>No wards have been set up yet.</p> : null}
      {wards.data && wards.data.length > 0 ? <WardTable wards={wards.data} caption="Wards and how many people live in each" /> : null}
    </Page>
  );
}
