import { Code, Paper, Stack, Text } from '@mantine/core'
import { SEARCH_EXAMPLES, SearchExampleList } from './search-examples'

const { email, start, fullName, domain, userId, lucene } = SEARCH_EXAMPLES

/** Before the first search: what the box understands, with examples that fill it when clicked. */
export function SearchIdle({ onPick }: { onPick: (text: string, advanced: boolean) => void }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Text size="sm">
          Type an email, a name or part of one, or paste a user id. Results update as you type; open
          a user to see every organization they belong to. Press <Code>/</Code> on any page to come
          back to this box.
        </Text>
        <Text size="sm" fw={600}>
          Try
        </Text>
        <SearchExampleList
          examples={[email, start, fullName, domain, userId, lucene]}
          onPick={onPick}
        />
      </Stack>
    </Paper>
  )
}
