import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Organization } from '@/lib/management-api/schemas'
import type { SortColumn, SortState } from '../organization-list'
import { OrganizationRow } from './organization-row'
import classes from './organizations-table.module.css'
import { RolesNotice, useSharedRolesRefusal } from './roles-notice'
import { SortHeader } from './sort-header'

/** Every row is this tall (`--row-height` in the CSS module): the virtualizer never measures. */
const ROW_HEIGHT_PX = 52
/** The sticky header's height (`.table th` in the CSS module): where the rows start. */
const HEADER_HEIGHT_PX = 40
/** Rows rendered beyond each edge of the viewport, so fast scrolling shows no blank rows. */
const OVERSCAN_ROWS = 8
/**
 * The viewport to assume while the scroller measures 0 px (jsdom, a hidden tab): the first rows
 * still render instead of none.
 */
const UNMEASURED_VIEWPORT_PX = 640
const COLUMN_COUNT = 7
/**
 * How long the rows in view must stay put (no scrolling, no new filter or sort) before their roles
 * are looked up: rows scrolled or typed past are never asked for, and a keystroke mounts no lookup.
 */
const ROLES_SETTLE_MS = 250

const observeRectOrAssume = <T extends Element>(
  instance: Virtualizer<T, Element>,
  callback: (rect: { width: number; height: number }) => void,
) =>
  observeElementRect(instance, (rect) =>
    callback(rect.height > 0 ? rect : { ...rect, height: UNMEASURED_VIEWPORT_PX }),
  )

export interface OrganizationsTableProps {
  /** Already filtered and sorted. */
  organizations: readonly Organization[]
  sort: SortState
  onSort: (column: SortColumn) => void
  /** When this changes (a new filter or sort), the list scrolls back to its first row. */
  scrollResetKey?: string
  /** Whose memberships these are (for their roles). */
  userId: string
  /** Roles may be looked up (the list has finished loading): for the rows in view only. */
  rolesEnabled: boolean
}

/**
 * The memberships as a real `<table>` (role table, name "Organizations"), virtualized: only the
 * rows in view (plus a few) are in the DOM, between two spacer rows that keep the scroll height
 * right. `aria-rowcount` / `aria-rowindex` tell screen readers the full size and where each
 * rendered row sits. Columns: logo, display name, name, id, roles, branding, metadata. Roles are
 * looked up only for the rows in view once they settle, not the overscan around them; when every
 * lookup is refused for the same scope, a notice above the table says so once.
 */
export function OrganizationsTable({
  organizations,
  sort,
  onSort,
  scrollResetKey,
  userId,
  rolesEnabled,
}: OrganizationsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const [copiedId, setCopiedId] = useState<string | undefined>(undefined)
  const onCopied = useCallback((id: string) => setCopiedId(id), [])
  const rolesRefusedFor = useSharedRolesRefusal(userId)

  // eslint-disable-next-line react-hooks/incompatible-library -- the rows read the virtualizer on every render by design; nothing memoizes its results
  const virtualizer = useVirtualizer({
    count: organizations.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    scrollMargin: HEADER_HEIGHT_PX,
    overscan: OVERSCAN_ROWS,
    getItemKey: (index) => organizations[index]?.id ?? index,
    initialRect: { width: 0, height: UNMEASURED_VIEWPORT_PX },
    observeElementRect: observeRectOrAssume,
  })

  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0
  }, [scrollResetKey])

  const rows = virtualizer.getVirtualItems()
  // The rows in view, without the overscan (set by getVirtualItems).
  const firstInView = virtualizer.range?.startIndex ?? -1
  const lastInView = virtualizer.range?.endIndex ?? -1
  const [settled, setSettled] = useState<SettledRows | undefined>(undefined)
  useEffect(() => {
    if (!rolesEnabled) return
    const timer = setTimeout(
      () => setSettled({ organizations, first: firstInView, last: lastInView }),
      ROLES_SETTLE_MS,
    )
    return () => clearTimeout(timer)
  }, [rolesEnabled, organizations, firstInView, lastInView])
  const rolesLive = (index: number) =>
    rolesEnabled &&
    settled?.organizations === organizations &&
    index >= settled.first &&
    index <= settled.last
  const firstRow = rows[0]
  const lastRow = rows.at(-1)
  const spaceAbove = firstRow ? firstRow.start - HEADER_HEIGHT_PX : 0
  const spaceBelow = lastRow
    ? virtualizer.getTotalSize() - (lastRow.end - HEADER_HEIGHT_PX)
    : virtualizer.getTotalSize()

  return (
    <>
      {rolesRefusedFor && <RolesNotice scopes={rolesRefusedFor} />}
      <div
        ref={scrollRef}
        className={classes.scroller}
        // Scrollable content must be reachable by keyboard; the region names what scrolls.
        role="region"
        aria-label="Organizations list"
        tabIndex={0}
      >
        <table
          className={classes.table}
          aria-label="Organizations"
          aria-rowcount={organizations.length + 1}
        >
          <colgroup>
            <col style={{ width: 52 }} />
            <col style={{ width: '20%' }} />
            <col style={{ width: '14%' }} />
            <col style={{ width: 240 }} />
            <col style={{ width: 170 }} />
            <col style={{ width: 140 }} />
            <col />
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">
                <span className={classes.visuallyHidden}>Logo</span>
              </th>
              <SortHeader column="displayName" label="Display name" sort={sort} onSort={onSort} />
              <SortHeader column="name" label="Name" sort={sort} onSort={onSort} />
              <SortHeader column="id" label="ID" sort={sort} onSort={onSort} />
              <th scope="col">Roles</th>
              <th scope="col">Branding</th>
              <th scope="col">Metadata</th>
            </tr>
          </thead>
          <tbody>
            {spaceAbove > 0 && <SpacerRow height={spaceAbove} />}
            {rows.map((row) => {
              const organization = organizations[row.index]
              return organization ? (
                <OrganizationRow
                  key={row.key}
                  organization={organization}
                  rowIndex={row.index + 2}
                  onCopied={onCopied}
                  userId={userId}
                  rolesLive={rolesLive(row.index)}
                  rolesRefusedFor={rolesRefusedFor}
                />
              ) : null
            })}
            {spaceBelow > 0 && <SpacerRow height={spaceBelow} />}
          </tbody>
        </table>
      </div>
      {/* Outside the scroller: an out-of-flow element inside it would sit at the end of the
          rows and stretch the page to the list's full height. */}
      <span className={classes.visuallyHidden} role="status">
        {copiedId ? `Copied organization id ${copiedId}` : ''}
      </span>
    </>
  )
}

/** The rows that were in view when the table last stood still, by index into `organizations`. */
interface SettledRows {
  organizations: readonly Organization[]
  first: number
  last: number
}

/** Stands in for the rows that are not rendered; hidden from assistive technology. */
function SpacerRow({ height }: { height: number }) {
  return (
    <tr className={classes.spacer} aria-hidden="true">
      <td colSpan={COLUMN_COUNT} style={{ height }} />
    </tr>
  )
}
