import { Group, Switch, TextInput } from '@mantine/core'
import type { KeyboardEventHandler, Ref } from 'react'
import { LineIcon } from '@/components/line-icon'

export interface SearchBoxProps {
  value: string
  onChange: (value: string) => void
  advanced: boolean
  onAdvancedChange: (advanced: boolean) => void
  onKeyDown: KeyboardEventHandler<HTMLInputElement>
  /** The results list the arrow keys move into, while there is one. */
  resultsId: string | undefined
  ref?: Ref<HTMLInputElement>
}

function SearchIcon() {
  return (
    <LineIcon size={16}>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-4-4" />
    </LineIcon>
  )
}

/** The search input's id: the "/" shortcut focuses it from anywhere. */
export const SEARCH_INPUT_ID = 'user-search'

/** The one search input and the switch that turns it into a raw Lucene box. */
export function SearchBox({
  value,
  onChange,
  advanced,
  onAdvancedChange,
  onKeyDown,
  resultsId,
  ref,
}: SearchBoxProps) {
  return (
    <Group gap="sm" align="center" wrap="wrap">
      <TextInput
        ref={ref}
        type="search"
        aria-label="Search users"
        id={SEARCH_INPUT_ID}
        // "/" anywhere in the app comes back here (src/app/use-search-shortcut.ts).
        aria-keyshortcuts="/"
        placeholder={
          advanced ? 'e.g. email.domain:"acme.com" AND NOT blocked:true' : 'Email, name or user id'
        }
        // The page exists to search; the admin should be able to type at once.
        autoFocus
        autoComplete="off"
        spellCheck={false}
        aria-controls={resultsId}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        leftSection={<SearchIcon />}
        // Lucene is code: monospace makes quotes, colons and escapes easy to check.
        styles={
          advanced ? { input: { fontFamily: 'var(--mantine-font-family-monospace)' } } : undefined
        }
        size="md"
        style={{ flex: '1 1 16rem' }}
      />
      <Switch
        label="Advanced (Lucene)"
        checked={advanced}
        onChange={(event) => onAdvancedChange(event.currentTarget.checked)}
      />
    </Group>
  )
}
