import { Caption, Table, Tbody, Th, Thead, Tr } from '@patternfly/react-table';

/**
 * The console's list of things: a compact table that becomes one card per row on narrow screens (its cells'
 * dataLabel name their column there). `columns` head the table; `actions` adds an unnamed last column for
 * the rows' buttons; `children` are the rows.
 */
export function ListTable({ label, caption, columns, actions = false, children }) {
  return (
    <Table aria-label={label} variant="compact" gridBreakPoint="grid-md">
      {caption && <Caption>{caption}</Caption>}
      <Thead>
        <Tr>
          {columns.map((column) => <Th key={column}>{column}</Th>)}
          {actions && <Th screenReaderText="Actions" />}
        </Tr>
      </Thead>
      <Tbody>{children}</Tbody>
    </Table>
  );
}
