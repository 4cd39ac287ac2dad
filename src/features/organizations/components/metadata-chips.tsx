import { CellPopover, ValueList } from './cell-popover'
import classes from './organizations-table.module.css'

/** Two chips, one per line (a row is two lines tall); the rest are counted ("+3 more"). */
const SHOWN_CHIPS = 2

/**
 * Metadata as compact `key: value` chips, truncated; every pair is in the cell's title, one per
 * line, for the mouse, and "+3 more" is a button whose popover lists every pair in full, for the
 * keyboard and touch.
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
          {hidden > 0 && (
            <CellPopover
              label={`Metadata, ${entries.length} entries`}
              className={classes.moreButton}
              content={<ValueList entries={entries} />}
            >
              {`+${hidden} more`} <span className={classes.visuallyHidden}>metadata</span>
            </CellPopover>
          )}
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
