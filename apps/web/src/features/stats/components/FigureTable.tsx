import type { ReactNode } from 'react';
import { TableRegion } from '../../../components/TableRegion';

interface FigureTableProps<Row> {
  /** Names the scrollable region; unique on the page (the ward's name is part of it). */
  label: string;
  caption: ReactNode;
  /** Heading of the first column, whose cells head their rows. */
  rowHeading: string;
  /** Headings of the figure columns, right-aligned. */
  columns: readonly string[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowHeader: (row: Row) => ReactNode;
  /** One cell per entry of `columns`. */
  cells: (row: Row) => readonly ReactNode[];
}

/** A table of figures for one ward: a row header, then numeric columns. */
export function FigureTable<Row>({ label, caption, rowHeading, columns, rows, rowKey, rowHeader, cells }: FigureTableProps<Row>) {
  return (
    <TableRegion label={label}>
      <table className="table stats-table">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {columns.map((column) => (
              <th key={column} scope="col" className="numeric">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              <th scope="row">{rowHeader(row)}</th>
              {cells(row).map((cell, index) => (
                <td key={index} className="numeric">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
