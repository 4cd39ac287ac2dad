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
export function OrganizationLogo({
  organization,
  size,
}: {
  organization: Organization
  size?: number
}) {
  return (
    <ImageDisc
      url={organization.branding?.logo_url}
      name={displayNameOf(organization)}
      colorSeed={organization.name}
      size={size}
    />
  )
}

/**
 * A small round image (a logo, a member's picture) when `url` is https and loads, else the
 * initials of `name` on a colour derived from `colorSeed`. Decorative: the name is beside it.
 */
export function ImageDisc({
  url,
  name,
  colorSeed,
  size = 28,
}: {
  url: string | undefined
  name: string
  colorSeed: string
  /** Pixels across (the tables' rows: 28). */
  size?: number | undefined
}) {
  const src = safeImageUrl(url)
  const [failedSrc, setFailedSrc] = useState<string | undefined>(undefined)
  if (src && src !== failedSrc) {
    return (
      <img
        className={classes.logo}
        src={src}
        alt=""
        width={size}
        height={size}
        style={{ width: size, height: size }}
        loading="lazy"
        decoding="async"
        // No Referer: the image host would learn which admin looks at which organization or user.
        referrerPolicy="no-referrer"
        onError={() => setFailedSrc(src)}
      />
    )
  }
  const color = discColorOf(colorSeed)
  return (
    <span
      className={classes.disc}
      aria-hidden="true"
      style={{
        width: size,
        height: size,
        fontSize: Math.round(size * 0.4),
        background: `var(--mantine-color-${color}-light)`,
        color: `var(--mantine-color-${color}-light-color)`,
      }}
    >
      {initialsOf(name)}
    </span>
  )
}
