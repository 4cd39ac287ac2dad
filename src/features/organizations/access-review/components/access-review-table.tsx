import { memo, useRef, useState, type ReactNode } from 'react'
import tableClasses from '../../components/organizations-table.module.css'
import { useVirtualRows, VirtualTable } from '../../components/virtual-rows'
import {
  DECISION_LABELS,
  DECISIONS,
  DecisionRefused,
  reasonRequired,
  type Decision,
  type RowDecision,
} from '../review-decisions'
import classes from './access-review.module.css'

export interface AccessReviewTableProps<T> {
  /** The rows in view: filtered and sorted. */
  rows: readonly T[]
  /** The row's key in the review's decisions: an organization id, or a member's user id. */
  keyOf: (row: T) => string
  /** Names the row in its controls' labels ("Decision for Acme"). */
  labelOf: (row: T) => string
  /** The header cells before Decision and Reason (sortable ones included). */
  header: ReactNode
  /** Their widths, in order. */
  widths: readonly (number | string)[]
  /** The row's cells before Decision and Reason; `live`: the row is in view (look things up). */
  cells: (row: T, live: boolean) => ReactNode
  /** When this changes (a new filter or sort), the list scrolls back to its first row. */
  scrollResetKey: string
  decisions: Readonly<Record<string, RowDecision>>
  /** Rows about the reviewer's own account, by key: not theirs to decide. */
  own: ReadonlySet<string>
  onDecide: (key: string, choice: { decision: Decision; reason: string }) => void
  /** Added to the table's class: a table with more columns sets a wider minimum width. */
  className?: string
}

/**
 * The rows under review ("Access review", virtualized like the lists it reviews): the list's own
 * cells, then a decision and its reason. A revoke or "don't know" is saved once its reason is
 * written (Enter, or leaving the box); a row about the reviewer's own account says so instead.
 */
export function AccessReviewTable<T>({
  rows,
  keyOf,
  labelOf,
  header,
  widths,
  cells,
  scrollResetKey,
  decisions,
  own,
  onDecide,
  className,
}: AccessReviewTableProps<T>) {
  const virtual = useVirtualRows({
    count: rows.length,
    keyOf: (index) => {
      const row = rows[index]
      return row === undefined ? index : keyOf(row)
    },
    scrollResetKey,
  })
  const [announcement, setAnnouncement] = useState('')
  const decideRow = (
    key: string,
    label: string,
    choice: { decision: Decision; reason: string },
  ) => {
    onDecide(key, choice)
    setAnnouncement(`${label}: ${DECISION_LABELS[choice.decision]}`)
  }

  return (
    <VirtualTable
      name="Access review"
      rowCount={rows.length}
      widths={[...widths, 250, undefined]}
      scrollRef={virtual.scrollRef}
      spaceAbove={virtual.spaceAbove}
      spaceBelow={virtual.spaceBelow}
      className={className ? `${classes.table} ${className}` : classes.table}
      announcement={announcement}
      sideScrollHint="Scroll sideways for the decision and its reason"
      header={
        <>
          {header}
          <th scope="col">Decision</th>
          <th scope="col">Reason</th>
        </>
      }
    >
      {virtual.rows.map((virtualRow) => {
        const row = rows[virtualRow.index]
        if (row === undefined) return null
        const key = keyOf(row)
        const live =
          virtualRow.index >= virtual.firstInView && virtualRow.index <= virtual.lastInView
        return (
          <ReviewRow
            key={virtualRow.key}
            rowKey={key}
            label={labelOf(row)}
            rowIndex={virtualRow.index + 2}
            cells={cells(row, live)}
            saved={decisions[key]}
            own={own.has(key)}
            onDecide={decideRow}
          />
        )
      })}
    </VirtualTable>
  )
}

interface Draft {
  decision: Decision | undefined
  reason: string
}

const draftOf = (saved: RowDecision | undefined): Draft => ({
  decision: saved?.decision,
  reason: saved?.reason ?? '',
})

const ReviewRow = memo(function ReviewRow({
  rowKey,
  label: name,
  rowIndex,
  cells,
  saved,
  own,
  onDecide,
}: {
  rowKey: string
  label: string
  rowIndex: number
  cells: ReactNode
  saved: RowDecision | undefined
  own: boolean
  onDecide: (key: string, label: string, choice: { decision: Decision; reason: string }) => void
}) {
  const reasonRef = useRef<HTMLInputElement>(null)
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved))
  // A decision saved elsewhere (a bulk apply, a reload) replaces what the row holds.
  const [seen, setSeen] = useState(saved)
  if (saved !== seen) {
    setSeen(saved)
    setDraft(draftOf(saved))
  }
  const [refusal, setRefusal] = useState<string | undefined>(undefined)
  const refusalId = `review-refusal-${rowIndex}`

  const save = (next: Draft) => {
    setDraft(next)
    if (next.decision === undefined) return
    if (reasonRequired(next.decision) && next.reason.trim() === '') {
      setRefusal('Write a reason to save this decision.')
      reasonRef.current?.focus()
      return
    }
    if (saved?.decision === next.decision && saved.reason === next.reason.trim()) return
    try {
      onDecide(rowKey, name, { decision: next.decision, reason: next.reason })
      setRefusal(undefined)
    } catch (error) {
      if (!(error instanceof DecisionRefused)) throw error
      setRefusal(error.message)
    }
  }

  const pending = draft.decision !== undefined && draft.decision !== saved?.decision
  return (
    <tr className={tableClasses.row} aria-rowindex={rowIndex} data-decision={saved?.decision}>
      {cells}
      <td>
        {own ? (
          <span className={classes.own}>Your own access: another admin reviews it</span>
        ) : (
          <span className={classes.choices} role="group" aria-label={`Decision for ${name}`}>
            {DECISIONS.map((decision) => (
              <button
                key={decision}
                type="button"
                className={classes.choice}
                data-decision={decision}
                aria-pressed={draft.decision === decision}
                onClick={() => save({ ...draft, decision })}
              >
                {DECISION_LABELS[decision]}
              </button>
            ))}
          </span>
        )}
      </td>
      <td>
        {!own && (
          <span className={classes.reasonCell}>
            <input
              ref={reasonRef}
              className={classes.reason}
              aria-label={`Reason for ${name}`}
              aria-invalid={refusal !== undefined || undefined}
              aria-describedby={refusal ? refusalId : undefined}
              placeholder={
                draft.decision && reasonRequired(draft.decision) ? 'Reason (required)' : 'Reason'
              }
              value={draft.reason}
              maxLength={500}
              onChange={(event) => {
                setRefusal(undefined)
                setDraft({ ...draft, reason: event.currentTarget.value })
              }}
              onBlur={() => {
                if (draft.reason.trim() !== (saved?.reason ?? '') || pending) save(draft)
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') save(draft)
              }}
            />
            {refusal !== undefined && (
              <span id={refusalId} className={classes.refusal}>
                {refusal}
              </span>
            )}
          </span>
        )}
      </td>
    </tr>
  )
})
