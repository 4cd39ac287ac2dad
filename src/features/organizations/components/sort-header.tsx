import { LineIcon } from '@/components/line-icon'
import type { SortDirection, SortState } from '@/lib/table-sort'
import classes from './organizations-table.module.css'

/**
 * A column header that sorts: a real button inside the `th` (keyboard and screen readers get a
 * control), with `aria-sort` on the `th` of the sorted column only.
 */
export function SortHeader<C extends string>({
  column,
  label,
  sort,
  onSort,
}: {
  column: C
  label: string
  sort: SortState<C>
  onSort: (column: C) => void
}) {
  const direction = sort?.column === column ? sort.direction : undefined
  return (
    <th scope="col" aria-sort={direction}>
      <button
        type="button"
        className={classes.sortButton}
        data-active={direction !== undefined || undefined}
        onClick={() => onSort(column)}
      >
        {label}
        <SortIcon direction={direction} />
      </button>
    </th>
  )
}

function SortIcon({ direction }: { direction: SortDirection | undefined }) {
  return (
    <LineIcon size={12} style={{ strokeWidth: 2.5, opacity: direction ? 1 : 0.45 }}>
      {direction !== 'descending' && <path d="m7 10 5-5 5 5" />}
      {direction !== 'ascending' && <path d="m7 14 5 5 5-5" />}
    </LineIcon>
  )
}
