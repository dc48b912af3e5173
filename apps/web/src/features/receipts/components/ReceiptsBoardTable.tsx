import type { ReceiptsBoard } from '@allot/shared';
import { TableRegion } from '../../../components/TableRegion';

/** One page of the public board: every counted ballot's receipt with the fingerprint of its content. */
export function ReceiptsBoardTable({ board, highlight }: { board: ReceiptsBoard; highlight?: string }) {
  if (board.receipts.length === 0) return <p>No ballots were counted in this cycle.</p>;
  return (
    <TableRegion label="Receipts board">
      <table className="table receipts-table">
        <caption className="table__caption">Counted ballots, by receipt code</caption>
        <thead>
          <tr>
            <th scope="col">Receipt code</th>
            <th scope="col">Ballot fingerprint (SHA-256)</th>
          </tr>
        </thead>
        <tbody>
          {board.receipts.map((entry) => (
            <tr key={entry.receipt} className={entry.receipt === highlight ? 'receipts-table__mine' : undefined}>
              <td>
                <code>{entry.receipt}</code>
                {entry.receipt === highlight ? <span className="visually-hidden"> (the code you checked)</span> : null}
              </td>
              <td>
                <code className="break">{entry.contentHash}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
