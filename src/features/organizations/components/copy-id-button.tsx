import { useClipboard } from '@mantine/hooks'
import classes from './organizations-table.module.css'

/**
 * Copies an organization id verbatim. A plain button (not a Mantine component: there is one per
 * rendered row). Its name stays "Copy organization id"; the table announces the copy once.
 */
export function CopyIdButton({ id, onCopied }: { id: string; onCopied: (id: string) => void }) {
  const clipboard = useClipboard({ timeout: 1500 })
  return (
    <button
      type="button"
      className={classes.copyButton}
      aria-label="Copy organization id"
      title={clipboard.copied ? 'Copied' : 'Copy organization id'}
      data-copied={clipboard.copied || undefined}
      onClick={() => {
        clipboard.copy(id)
        onCopied(id)
      }}
    >
      <svg
        width="14"
        height="14"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        {clipboard.copied ? (
          <path d="M5 12l5 5L20 7" />
        ) : (
          <>
            <rect x="9" y="9" width="11" height="11" rx="2" />
            <path d="M5 15V6a2 2 0 0 1 2-2h9" />
          </>
        )}
      </svg>
    </button>
  )
}
