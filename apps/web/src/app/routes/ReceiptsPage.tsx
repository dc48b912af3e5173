import { phaseIndex } from '@allot/shared';
import { Link, useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { ProblemMessage, StatusMessage, SuccessMessage } from '../../components/messages';
import { ApiError } from '../../lib/api-client';
import { useCycles } from '../../features/cycles/api/list-cycles';
import { useReceiptCheck } from '../../features/receipts/api/check-receipt';
import { useReceiptsBoard } from '../../features/receipts/api/get-receipts-board';
import { ReceiptCheckForm } from '../../features/receipts/components/ReceiptCheckForm';
import { ReceiptsBoardTable } from '../../features/receipts/components/ReceiptsBoardTable';

function CheckResult({ cycleId, code }: { cycleId: string; code: string }) {
  const check = useReceiptCheck(cycleId, code);
  if (check.isPending) return <StatusMessage>Looking for {code}…</StatusMessage>;
  if (check.isError) {
    if (check.error instanceof ApiError && check.error.status === 404) {
      return (
        <ProblemMessage title={`${code} is not on the board`}>
          No counted ballot in this cycle has this receipt. Check that you typed it as it was shown and chose the right cycle.
          If your latest ballot replaced an earlier one, only the latest receipt is on the board.
        </ProblemMessage>
      );
    }
    return <ProblemMessage title="We could not check this receipt">{check.error.message}</ProblemMessage>;
  }
  return (
    <SuccessMessage>
      Your ballot with receipt <strong>{check.data.receipt}</strong> was counted. Its fingerprint on the board is{' '}
      <code className="break">{check.data.contentHash}</code>.
    </SuccessMessage>
  );
}

function Board({ cycleId, after, code }: { cycleId: string; after: string | undefined; code: string }) {
  const [, setSearchParams] = useSearchParams();
  const board = useReceiptsBoard(cycleId, after);
  if (board.isPending) return <StatusMessage>Loading the receipts board…</StatusMessage>;
  if (board.isError) return <ProblemMessage title="The receipts board is not available">{board.error.message}</ProblemMessage>;
  const { total, receipts, next } = board.data;
  const goTo = (cursor: string | null) =>
    setSearchParams((params) => {
      const nextParams = new URLSearchParams(params);
      if (cursor === null) nextParams.delete('after');
      else nextParams.set('after', cursor);
      return nextParams;
    });
  return (
    <>
      <p className="results-count">
        {total} counted {total === 1 ? 'ballot' : 'ballots'}
        {receipts.length < total ? `; showing ${receipts.length} from ${receipts[0]?.receipt ?? ''}` : ''}
      </p>
      <ReceiptsBoardTable board={board.data} highlight={code} />
      {after !== undefined || next !== null ? (
        <nav className="pagination" aria-label="Pages of the receipts board">
          {after !== undefined ? (
            <button type="button" className="link-button" onClick={() => goTo(null)}>
              First page
            </button>
          ) : null}
          {next !== null ? (
            <button type="button" className="link-button" onClick={() => goTo(next)}>
              Next page
            </button>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

/** Check a receipt code and browse the public board of counted ballots (open once voting closes). */
export function ReceiptsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const cycleId = searchParams.get('cycle') ?? '';
  const code = searchParams.get('code') ?? '';
  const after = searchParams.get('after') ?? undefined;
  const cycles = useCycles();
  const votingCycles = (cycles.data ?? []).filter((cycle) => phaseIndex(cycle.phase) >= phaseIndex('voting'));
  const chosen = votingCycles.find((cycle) => cycle.id === cycleId);

  return (
    <Page
      title="Check your receipt"
      lead="When you vote you get a receipt code. Once voting has closed, every counted ballot's receipt is listed on a public board, so you can check yours was counted without anyone learning how you voted."
    >
      {cycles.isPending ? <StatusMessage>Loading the budget cycles…</StatusMessage> : null}
      {cycles.isError ? <ProblemMessage>{cycles.error.message}</ProblemMessage> : null}
      {cycles.isSuccess ? (
        votingCycles.length === 0 ? (
          <p>No budget cycle has reached voting yet.</p>
        ) : (
          <ReceiptCheckForm
            cycles={votingCycles}
            initialCycleId={cycleId}
            initialCode={code}
            onCheck={(nextCycle, nextCode) => setSearchParams({ cycle: nextCycle, code: nextCode })}
          />
        )
      ) : null}
      {chosen !== undefined && code !== '' ? (
        <section aria-labelledby="check-title">
          <h2 id="check-title">Your receipt</h2>
          <CheckResult cycleId={chosen.id} code={code} />
        </section>
      ) : null}
      {chosen !== undefined ? (
        <section aria-labelledby="board-title">
          <h2 id="board-title">Receipts board for {chosen.name}</h2>
          <Board cycleId={chosen.id} after={after} code={code} />
          <p>
            <Link to={`/cycles/${chosen.id}`}>About {chosen.name}</Link>
          </p>
        </section>
      ) : null}
    </Page>
  );
}
