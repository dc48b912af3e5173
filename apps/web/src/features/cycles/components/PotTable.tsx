import type { Pot } from '@allot/shared';
import { TableRegion } from '../../../components/TableRegion';
import { formatMoney } from '../format';

interface PotTableProps {
  pots: readonly Pot[];
  currency: string;
  totalBudget: number;
}

/** The budget pots of a cycle: one per ward, and the city-wide pot if there is one. */
export function PotTable({ pots, currency, totalBudget }: PotTableProps) {
  return (
    <TableRegion label="Budget per area">
      <table className="table">
        <caption className="table__caption">Budget per area</caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col" className="numeric">
              Budget
            </th>
          </tr>
        </thead>
        <tbody>
          {pots.map((pot) => (
            <tr key={pot.id}>
              <th scope="row">{pot.wardId === null ? `${pot.name} (whole area)` : pot.name}</th>
              <td className="numeric">{formatMoney(pot.budget, currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="numeric">{formatMoney(totalBudget, currency)}</td>
          </tr>
        </tfoot>
      </table>
    </TableRegion>
  );
}
