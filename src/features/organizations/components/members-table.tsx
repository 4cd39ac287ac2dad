import { memo, useCallback, useState } from 'react'
import { Link } from 'wouter'
import type { Member } from '@/lib/management-api/schemas'
import { toUserOrganizations } from '@/lib/routes'
import { memberLabel, type MemberSortColumn, type MemberSortState } from '../members'
import { CellPopover, ValueList } from './cell-popover'
import { CopyIdButton } from './copy-id-button'
import { ImageDisc } from './organization-logo'
import classes from './organizations-table.module.css'
import { SortHeader } from './sort-header'
import { useVirtualRows, VirtualTable } from './virtual-rows'

export interface MembersTableProps {
  /** Already filtered and sorted. */
  members: readonly Member[]
  sort: MemberSortState
  onSort: (column: MemberSortColumn) => void
  /** When this changes (a new filter or sort), the list scrolls back to its first row. */
  scrollResetKey?: string
  /** The admin may not read roles: each roles cell names what is missing instead. */
  rolesRefusedFor: string | undefined
}

/**
 * An organization's members as a real `<table>` (role table, name "Members"), virtualized like
 * the memberships table. Columns: picture, name (a link to the member's memberships), email,
 * user id (with copy), roles (direct assignments, loaded with the list).
 */
export function MembersTable({
  members,
  sort,
  onSort,
  scrollResetKey,
  rolesRefusedFor,
}: MembersTableProps) {
  const [copiedId, setCopiedId] = useState<string | undefined>(undefined)
  const onCopied = useCallback((id: string) => setCopiedId(id), [])
  const virtual = useVirtualRows({
    count: members.length,
    keyOf: (index) => members[index]?.user_id ?? index,
    scrollResetKey,
  })

  return (
    <VirtualTable
      name="Members"
      rowCount={members.length}
      widths={[52, '20%', '25%', 330, undefined]}
      className={classes.membersTable}
      scrollRef={virtual.scrollRef}
      spaceAbove={virtual.spaceAbove}
      spaceBelow={virtual.spaceBelow}
      sideScrollHint="Scroll sideways for user id and roles"
      announcement={copiedId ? `Copied user id ${copiedId}` : ''}
      header={
        <>
          <th scope="col">
            <span className={classes.visuallyHidden}>Picture</span>
          </th>
          <SortHeader column="name" label="Name" sort={sort} onSort={onSort} />
          <SortHeader column="email" label="Email" sort={sort} onSort={onSort} />
          <SortHeader column="userId" label="User ID" sort={sort} onSort={onSort} />
          <SortHeader column="roles" label="Roles" sort={sort} onSort={onSort} />
        </>
      }
    >
      {virtual.rows.map((row) => {
        const member = members[row.index]
        return member ? (
          <MemberRow
            key={row.key}
            member={member}
            rowIndex={row.index + 2}
            onCopied={onCopied}
            rolesRefusedFor={rolesRefusedFor}
          />
        ) : null
      })}
    </VirtualTable>
  )
}

/** One member; tenant strings are React text, isolated so right-to-left names keep their order. */
const MemberRow = memo(function MemberRow({
  member,
  rowIndex,
  onCopied,
  rolesRefusedFor,
}: {
  member: Member
  rowIndex: number
  onCopied: (id: string) => void
  rolesRefusedFor: string | undefined
}) {
  const label = memberLabel(member)
  const roleNames = (member.roles ?? []).map((role) => role.name).join(', ')
  return (
    <tr className={classes.row} aria-rowindex={rowIndex}>
      <td>
        {/* The cells below truncate; the picture opens every value in full, by keyboard or touch. */}
        <CellPopover
          label={`Details of ${label}`}
          className={classes.detailsButton}
          title="Show every value in full"
          content={
            <ValueList
              entries={[
                ['Name', label],
                ['Email', member.email ?? 'No email'],
                ['User ID', member.user_id],
                [
                  'Roles',
                  rolesRefusedFor ? `Not shown: needs ${rolesRefusedFor}` : roleNames || 'No role',
                ],
              ]}
            />
          }
        >
          <ImageDisc url={member.picture} name={label} colorSeed={member.user_id} />
          <span className={classes.visuallyHidden}>{`Details of ${label}`}</span>
        </CellPopover>
      </td>
      <td>
        <span className={classes.clamp} title={label}>
          <Link href={toUserOrganizations(member.user_id)} className={classes.rowLink}>
            <span dir="auto">{label}</span>
          </Link>
        </span>
      </td>
      <td>
        {member.email ? (
          <span className={classes.truncate} title={member.email} dir="auto">
            {member.email}
          </span>
        ) : (
          <span className={classes.none}>No email</span>
        )}
      </td>
      <td>
        <span className={classes.idCell}>
          <span className={classes.mono} title={member.user_id}>
            {member.user_id}
          </span>
          <CopyIdButton id={member.user_id} onCopied={onCopied} label="Copy user id" />
        </span>
      </td>
      <td>
        <MemberRolesCell roleNames={roleNames} rolesRefusedFor={rolesRefusedFor} />
      </td>
    </tr>
  )
})

/** A member's roles (names, joined), "No role", or "No permission" when roles were refused. */
export function MemberRolesCell({
  roleNames,
  rolesRefusedFor,
}: {
  roleNames: string
  rolesRefusedFor: string | undefined
}) {
  // The notice above the table names the permission once; each row says what it lacks.
  return rolesRefusedFor ? (
    <span className={classes.none} title={`Roles need ${rolesRefusedFor}`}>
      No permission
    </span>
  ) : roleNames === '' ? (
    <span className={classes.none}>No role</span>
  ) : (
    <span className={classes.clamp} title={roleNames} dir="auto">
      {roleNames}
    </span>
  )
}
