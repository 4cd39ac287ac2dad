import { useClipboard } from '@mantine/hooks'
import classes from './organizations-table.module.css'
import { CopyIcon } from '@/components/line-icon'

/**
 * Copies an id verbatim. A plain button (not a Mantine component: there is one per rendered row).
 * Its name stays "Copy organization id" (or `label`); the table announces the copy once.
 */
export function CopyIdButton({
  id,
  onCopied,
  label = 'Copy organization id',
}: {
  id: string
  onCopied: (id: string) => void
  label?: string
}) {
  const clipboard = useClipboard({ timeout: 1500 })
  return (
    <button
      type="button"
      className={classes.iconButton}
      aria-label={label}
      title={clipboard.copied ? 'Copied' : label}
      data-copied={clipboard.copied || undefined}
      onClick={() => {
        clipboard.copy(id)
        onCopied(id)
      }}
    >
      <CopyIcon copied={clipboard.copied} />
    </button>
  )
}
