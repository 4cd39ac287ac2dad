import { Button, Paper, Stack, Text } from '@mantine/core'

/**
 * Nothing found. Auth0 matches whole values, so the likeliest fixes are a shorter prefix or a
 * Lucene query; say so instead of just "no results".
 */
export function SearchEmpty({
  text,
  advanced,
  pastTheEnd,
  onFirstPage,
}: {
  text: string
  advanced: boolean
  /** Results exist, but the page in the URL is beyond them (a hand-edited link). */
  pastTheEnd: boolean
  onFirstPage: () => void
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
      <Stack gap={4}>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          No users match “{text.trim()}”
        </Text>
        <Text size="sm" c="dimmed">
          {advanced
            ? 'Check the field names and values: Auth0 compares whole values, so use a trailing * for a prefix (name:jan*).'
            : 'Try the first few letters of the email or name, or switch on Advanced to write a Lucene query.'}
        </Text>
      </Stack>
    </Paper>
  )
}
