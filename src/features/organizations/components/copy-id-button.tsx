import { useClipboard } from '@mantine/hooks'
import classes from './organizations-table.module.css'
import { CopyIcon } from '@/components/line-icon'

/**
 * Copies an organization id verbatim. A plain button (not a Mantine component: there is one per
 * rendered row). Its name stays "Copy organization id"; the table announces the copy once.
 */
export function CopyIdButton({ id, onCopied }: { id: string; onCopied: (id: string) => void }) {
  const clipboard = useClipboard({ timeout: 1500 })
  return (
    <button
      type="button"
      className={classes.iconButton}
      aria-label="Copy organization id"
      title={clipboard.copied ? 'Copied' : 'Copy organization id'}
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
