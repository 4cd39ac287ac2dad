import type { Organization } from '@/lib/management-api/schemas'
import { safeHexColor } from '../branding'
import classes from './organizations-table.module.css'

const COLORS = [
  { key: 'primary', label: 'Primary colour' },
  { key: 'page_background', label: 'Page background colour' },
] as const

/**
 * The branding colours as small swatches with their hex. Only a plain `#rgb`/`#rrggbb` value
 * becomes a style; anything else is shown as text, flagged, and never reaches CSS.
 */
export function BrandingSwatches({ organization }: { organization: Organization }) {
  const colors = organization.branding?.colors
  const present = COLORS.flatMap(({ key, label }) => {
    const value = colors?.[key]
    return value === undefined ? [] : [{ key, label, value }]
  })
  if (present.length === 0) return <span className={classes.none}>—</span>
  return (
    <div className={classes.swatches}>
      {present.map(({ key, label, value }) => {
        const hex = safeHexColor(value)
        return hex ? (
          <span key={key} className={classes.swatchLine} title={`${label}: ${hex}`}>
            <span className={classes.swatch} style={{ backgroundColor: hex }} aria-hidden="true" />
            <span className={classes.hex}>{hex}</span>
          </span>
        ) : (
          <span
            key={key}
            className={classes.swatchLine}
            title={`${label} is not a hex colour and is not applied: ${value}`}
          >
            <span className={classes.rejected}>{value}</span>
          </span>
        )
      })}
    </div>
  )
}
