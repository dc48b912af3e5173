import type { Ward } from '@allot/shared';
import type { ReactNode } from 'react';
import { TableRegion } from '../../../components/TableRegion';

const numberFormat = new Intl.NumberFormat('en-GB');

interface WardTableProps {
  wards: readonly Ward[];
  caption: string;
  /** An extra last column, for example an edit link (admin pages). */
  action?: { heading: string; render: (ward: Ward) => ReactNode };
}

export function WardTable({ wards, caption, action }: WardTableProps) {
  return (
    <TableRegion label={caption}>
      <table className="table">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ward</th>
            <th scope="col">Code</th>
            <th scope="col" className="numeric">
              Population
            </th>
            {action ? <th scope="col">{action.heading}</th> : null}
          </tr>
        </thead>
        <tbody>
          {wards.map((ward) => (
            <tr key={ward.id}>
              <th scope="row">{ward.name}</th>
              <td>{ward.code}</td>
              <td className="numeric">{numberFormat.format(ward.population)}</td>
              {action ? <td>{action.render(ward)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
