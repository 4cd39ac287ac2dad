import { useCallback, useState } from 'react'
import type { Organization } from '@/lib/management-api/schemas'
import type { SortColumn, SortState } from '../organization-list'
import { OrganizationRow } from './organization-row'
import classes from './organizations-table.module.css'
import { RolesNotice, useSharedRolesRefusal } from './roles-notice'
import { SortHeader } from './sort-header'
import { useRowsLive } from './use-rows-live'
import { useVirtualRows, VirtualTable } from './virtual-rows'

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
  const [copiedId, setCopiedId] = useState<string | undefined>(undefined)
  const onCopied = useCallback((id: string) => setCopiedId(id), [])
  const rolesRefusedFor = useSharedRolesRefusal(userId)

  const virtual = useVirtualRows({
    count: organizations.length,
    keyOf: (index) => organizations[index]?.id ?? index,
    scrollResetKey,
  })
  const { rows, firstInView, lastInView } = virtual
  const rolesLive = useRowsLive(rolesEnabled, organizations, firstInView, lastInView)

  return (
    <>
      {rolesRefusedFor && <RolesNotice scopes={rolesRefusedFor} />}
      <VirtualTable
        name="Organizations"
        rowCount={organizations.length}
        widths={[52, '20%', '14%', 240, 170, 140, undefined]}
        scrollRef={virtual.scrollRef}
        spaceAbove={virtual.spaceAbove}
        spaceBelow={virtual.spaceBelow}
        sideScrollHint="Scroll sideways for id and roles"
        announcement={copiedId ? `Copied organization id ${copiedId}` : ''}
        header={
          <>
            <th scope="col">
              <span className={classes.visuallyHidden}>Logo</span>
            </th>
            <SortHeader column="displayName" label="Display name" sort={sort} onSort={onSort} />
            <SortHeader column="name" label="Name" sort={sort} onSort={onSort} />
            <SortHeader column="id" label="ID" sort={sort} onSort={onSort} />
            <th scope="col">Roles</th>
            <th scope="col">Branding</th>
            <th scope="col">Metadata</th>
          </>
        }
      >
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
      </VirtualTable>
    </>
  )
}
