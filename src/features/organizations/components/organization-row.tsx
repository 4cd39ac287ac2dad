import { memo } from 'react'
import { Link } from 'wouter'
import { ExternalIcon } from '@/components/line-icon'
import { dashboardOrganizationUrl } from '@/lib/auth0-dashboard'
import type { Organization } from '@/lib/management-api/schemas'
import { toOrganization } from '@/lib/routes'
import { useTenant } from '@/lib/tenant'
import { displayNameOf } from '../organization-list'
import { BrandingSwatches } from './branding-swatches'
import { CellPopover, ValueList } from './cell-popover'
import { CopyIdButton } from './copy-id-button'
import { MetadataChips } from './metadata-chips'
import { OrganizationLogo } from './organization-logo'
import classes from './organizations-table.module.css'
import { RolesCell } from './roles-cell'

export interface OrganizationRowProps {
  organization: Organization
  /** 1-based, counting the header row: what `aria-rowindex` tells a screen reader. */
  rowIndex: number
  onCopied: (id: string) => void
  /** Whose memberships these are: the roles are this user's. */
  userId: string
  /** The row has settled in view and its roles may be looked up (see RolesCell). */
  rolesLive: boolean
  /** Every roles lookup was refused for these scopes, said once above the table (RolesNotice). */
  rolesRefusedFor: readonly string[] | undefined
}

/**
 * One membership. Tenant strings are React text (never markup); names that may be right-to-left
 * are isolated with `dir="auto"` so they cannot reorder the text around them. Memoized: scrolling
 * re-renders only the rows that come into view.
 */
export const OrganizationRow = memo(function OrganizationRow({
  organization,
  rowIndex,
  onCopied,
  userId,
  rolesLive,
  rolesRefusedFor,
}: OrganizationRowProps) {
  const { dashboardUrl } = useTenant()
  const displayName = organization.display_name?.trim()
  return (
    <tr className={classes.row} aria-rowindex={rowIndex}>
      <td>
        {/* The cells below truncate; the logo opens every value in full, by keyboard or touch. */}
        <CellPopover
          label={`Details of ${displayNameOf(organization)}`}
          className={classes.detailsButton}
          title="Show every value in full"
          content={<ValueList entries={detailsOf(organization)} />}
        >
          <OrganizationLogo organization={organization} />
          <span className={classes.visuallyHidden}>
            {`Details of ${displayNameOf(organization)}`}
          </span>
        </CellPopover>
      </td>
      <td>
        {/* The way to the organization's page: who else is in it, with which roles. */}
        {displayName ? (
          <IsolatedText
            className={classes.clamp}
            text={displayName}
            href={toOrganization(organization.id)}
          />
        ) : (
          // Without a display name the name stands in (as it does when sorting), marked as such.
          <IsolatedText
            className={`${classes.truncate} ${classes.missing}`}
            text={organization.name}
            title="No display name; showing the name"
            href={toOrganization(organization.id)}
          />
        )}
      </td>
      <td>
        <IsolatedText className={classes.truncate} text={organization.name} />
      </td>
      <td>
        <span className={classes.idCell}>
          <span className={classes.mono} title={organization.id}>
            {organization.id}
          </span>
          <CopyIdButton id={organization.id} onCopied={onCopied} />
          {dashboardUrl && (
            <a
              className={classes.iconButton}
              href={dashboardOrganizationUrl(dashboardUrl, organization.id)}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`Open ${displayNameOf(organization)} in Auth0 Dashboard`}
              title="Open in Auth0 Dashboard"
            >
              <ExternalIcon />
            </a>
          )}
        </span>
      </td>
      <td>
        <RolesCell
          userId={userId}
          organizationId={organization.id}
          live={rolesLive}
          refusedFor={rolesRefusedFor}
        />
      </td>
      <td>
        <BrandingSwatches organization={organization} />
      </td>
      <td>
        <MetadataChips metadata={organization.metadata} />
      </td>
    </tr>
  )
})

/** What the row's cells cut short, in full: the names, the id and every metadata pair. */
function detailsOf(organization: Organization): [string, string][] {
  return [
    ['Display name', organization.display_name?.trim() || 'None'],
    ['Name', organization.name],
    ['ID', organization.id],
    ...Object.entries(organization.metadata ?? {}).map(([key, value]): [string, string] => [
      `Metadata: ${key}`,
      value,
    ]),
  ]
}

/**
 * Tenant text in a cell: clamped or truncated by `className`, whole in the title, and isolated
 * (`dir="auto"` on an inline span) so a right-to-left name keeps its own order without flipping
 * the cell's alignment or the text around it.
 */
function IsolatedText({
  className,
  text,
  title = text,
  href,
}: {
  className: string | undefined
  text: string
  title?: string
  /** The text is a link to this in-app address. */
  href?: string
}) {
  const isolated = <span dir="auto">{text}</span>
  return (
    <span className={className} title={title}>
      {href ? (
        <Link href={href} className={classes.rowLink}>
          {isolated}
        </Link>
      ) : (
        isolated
      )}
    </span>
  )
}
