import { Button, Group, Paper, Text } from '@mantine/core'
import { useState } from 'react'
import { displayNameOf } from '@/features/organizations/api'
import { formatNumber } from '@/lib/format'
import type { ReviewRow } from '../review-state'
import classes from './review-table.module.css'

/** Rows per page: a review can hold many thousands; a page stays quick to render and read. */
const REVIEW_PAGE_SIZE = 100

/**
 * The review's rows, user × organization, as a real `<table>` named "Memberships under review",
 * a page of REVIEW_PAGE_SIZE at a time. Every tenant string renders as text.
 */
export function ReviewTable({ rows }: { rows: readonly ReviewRow[] }) {
  const [page, setPage] = useState(0)
  const pages = Math.max(1, Math.ceil(rows.length / REVIEW_PAGE_SIZE))
  // A filter can shrink the rows under the page being read: show the last page there is.
  const current = Math.min(page, pages - 1)
  const first = current * REVIEW_PAGE_SIZE
  const shown = rows.slice(first, first + REVIEW_PAGE_SIZE)

  return (
    <>
      <Paper
        withBorder
        className="mantine-focus-auto"
        style={{ overflowX: 'auto' }}
        // Scrollable content must be reachable by keyboard; the region names what scrolls.
        role="region"
        aria-label="Memberships under review, scrollable"
        tabIndex={0}
      >
        <table className={classes.table} aria-label="Memberships under review">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">User ID</th>
              <th scope="col">Organization</th>
              <th scope="col">Organization ID</th>
              <th scope="col">Found by</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <ReviewTableRow
                key={`${row.user.user_id}\u0000${row.organization?.id ?? ''}`}
                row={row}
              />
            ))}
          </tbody>
        </table>
      </Paper>
      {pages > 1 && (
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed">
            {`Rows ${formatNumber(first + 1)}–${formatNumber(first + shown.length)} of ${formatNumber(rows.length)}`}
          </Text>
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              disabled={current === 0}
              onClick={() => setPage(current - 1)}
            >
              Previous rows
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={current === pages - 1}
              onClick={() => setPage(current + 1)}
            >
              Next rows
            </Button>
          </Group>
        </Group>
      )}
    </>
  )
}

function ReviewTableRow({ row: { inputs, user, organization } }: { row: ReviewRow }) {
  return (
    <tr>
      <td>
        <div>{user.email ?? user.name}</div>
        {user.email !== undefined && user.name !== undefined && user.name !== user.email && (
          <div className={classes.dimmed}>{user.name}</div>
        )}
      </td>
      <td className={classes.mono}>{user.user_id}</td>
      {organization ? (
        <>
          <td>
            <div>{displayNameOf(organization)}</div>
            {displayNameOf(organization) !== organization.name && (
              <div className={classes.dimmed}>{organization.name}</div>
            )}
          </td>
          <td className={classes.mono}>{organization.id}</td>
        </>
      ) : (
        <td colSpan={2} className={classes.dimmed}>
          No organizations
        </td>
      )}
      <td className={classes.mono}>
        {inputs.map((input) => (
          <div key={input}>{input}</div>
        ))}
      </td>
    </tr>
  )
}
