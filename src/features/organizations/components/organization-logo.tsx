import { useState } from 'react'
import type { Organization } from '@/lib/management-api/schemas'
import { safeImageUrl } from '@/lib/safe-url'
import { discColorOf, initialsOf } from '../branding'
import { displayNameOf } from '../organization-list'
import classes from './organizations-table.module.css'

/**
 * The organization's logo when it is an https URL that loads, else its initials on a colour
 * derived from the name. Decorative (`alt=""`): the name is in the next cell.
 */
export function OrganizationLogo({ organization }: { organization: Organization }) {
  const src = safeImageUrl(organization.branding?.logo_url)
  const [failedSrc, setFailedSrc] = useState<string | undefined>(undefined)
  if (src && src !== failedSrc) {
    return (
      <img
        className={classes.logo}
        src={src}
        alt=""
        width={28}
        height={28}
        loading="lazy"
        decoding="async"
        // No Referer: the logo host would learn which admin looks at which organization.
        referrerPolicy="no-referrer"
        onError={() => setFailedSrc(src)}
      />
    )
  }
  const name = displayNameOf(organization)
  const color = discColorOf(organization.name)
  return (
    <span
      className={classes.disc}
      aria-hidden="true"
      style={{
        background: `var(--mantine-color-${color}-light)`,
        color: `var(--mantine-color-${color}-light-color)`,
      }}
    >
      {initialsOf(name)}
    </span>
  )
}
