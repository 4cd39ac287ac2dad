import { Button, Paper, Stack, Text } from '@mantine/core'
import { SEARCH_EXAMPLES, SearchExampleList } from './search-examples'

// The forms that find someone whatever the tenant: exact values and Lucene, not prefixes.
const { email, domain, userId, lucene } = SEARCH_EXAMPLES
const FORMS_THAT_WORK = [email, domain, userId, lucene]

/**
 * Nothing found. Auth0 matches whole values, so the likeliest fixes are a shorter prefix, another
 * form of query or Lucene; say so, with examples that search when picked, instead of just "no
 * results".
 */
export function SearchEmpty({
  text,
  advanced,
  pastTheEnd,
  onFirstPage,
  onPick,
}: {
  text: string
  advanced: boolean
  /** Results exist, but the page in the URL is beyond them (a hand-edited link). */
  pastTheEnd: boolean
  onFirstPage: () => void
  /** An example was picked: fill the box with it and search. */
  onPick: (text: string, advanced: boolean) => void
}) {
  if (pastTheEnd) {
    return (
      <Paper withBorder p="md">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">This page is past the last result.</Text>
          <Button size="compact-sm" variant="default" onClick={onFirstPage}>
            First page
          </Button>
        </Stack>
      </Paper>
    )
  }
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          No users match “{text.trim()}”
        </Text>
        {advanced ? (
          <Text size="sm" c="dimmed">
            Check the field names and values: Auth0 compares whole values, so use a trailing * for a
            prefix (name:jan*).
          </Text>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              Try the first few letters of the email or name, or one of these forms:
            </Text>
            <SearchExampleList examples={FORMS_THAT_WORK} onPick={onPick} />
          </>
        )}
      </Stack>
    </Paper>
  )
}
