import classes from './organizations-table.module.css'

/** Two chips, one per line (a row is two lines tall); the rest are counted ("+3 more"). */
const SHOWN_CHIPS = 2

/**
 * Metadata as compact `key: value` chips, truncated; every pair is in the cell's title, one per
 * line, so nothing is lost to the truncation.
 */
export function MetadataChips({ metadata }: { metadata: Record<string, string> | undefined }) {
  const entries = Object.entries(metadata ?? {})
  if (entries.length === 0) return <span className={classes.none}>—</span>
  const [first, second] = entries
  const hidden = entries.length - SHOWN_CHIPS
  return (
    <div
      className={classes.chips}
      title={entries.map(([key, value]) => `${key}: ${value}`).join('\n')}
    >
      {first && <Chip entry={first} />}
      {second && (
        <span className={classes.chipLine}>
          <Chip entry={second} />
          {hidden > 0 && <span className={classes.more}>+{hidden} more</span>}
        </span>
      )}
    </div>
  )
}

function Chip({ entry: [key, value] }: { entry: [string, string] }) {
  return (
    <span className={classes.chip}>
      <span className={classes.chipKey}>{key}:</span> <span dir="auto">{value}</span>
    </span>
  )
}
