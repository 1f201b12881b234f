import { ReactNode } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';

/** One column: its header and how a row shows in it; `numeric` columns align right. */
export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
  numeric?: boolean;
}

/**
 * A small table that scrolls sideways rather than wrapping: headers and cells stay on one line,
 * the first column (the name) may wrap between words.
 */
export function CompactTable<T>({
  label,
  columns,
  items,
  keyOf,
}: {
  label: string;
  columns: Column<T>[];
  items: T[];
  keyOf: (item: T) => string;
}) {
  return (
    <TableContainer>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            {columns.map(column => (
              <TableCell
                key={column.header}
                align={column.numeric ? 'right' : 'left'}
                style={{ whiteSpace: 'nowrap' }}
              >
                {column.header}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map(item => (
            <TableRow key={keyOf(item)}>
              {columns.map((column, i) => (
                <TableCell
                  key={column.header}
                  align={column.numeric ? 'right' : 'left'}
                  style={i === 0 ? { minWidth: 160 } : { whiteSpace: 'nowrap' }}
                >
                  {column.cell(item)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
