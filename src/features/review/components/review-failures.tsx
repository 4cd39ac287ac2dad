import { Code, Paper, Stack, Text, Title } from '@mantine/core'
import { memo, useId } from 'react'
import { describeFailure } from '@/lib/management-api/describe-failure'
import type { ReviewFailure } from '../review-state'

/**
 * Every lookup that failed for good, beside the results: the entry as given, the account it had
 * found (when the memberships failed), and the failure's one-line summary. "Retry failed"
 * (in the progress) asks for exactly these again. Memoized: up to 500 items, and a filter
 * keystroke in the results (its parent) changes nothing here.
 */
export const ReviewFailures = memo(function ReviewFailures({
  failures,
}: {
  failures: readonly ReviewFailure[]
}) {
  const headingId = useId()
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="sm" radius="md">
      <Stack gap="xs">
        <Title id={headingId} order={2} size="h5">
          Lookups that failed
        </Title>
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {failures.map(({ input, user, error }) => (
            <Stack
              component="li"
              key={`${input}\u0000${user?.user_id ?? ''}`}
              gap={2}
              style={{ overflowWrap: 'anywhere' }}
            >
              <Text size="sm">
                <Code>{input}</Code>
                {user && (
                  <>
                    {' \u2192 '}
                    <Code>{user.user_id}</Code>
                  </>
                )}
              </Text>
              <Text size="sm" c="red">
                {user && 'Memberships: '}
                {describeFailure(error).summary}
              </Text>
            </Stack>
          ))}
        </Stack>
      </Stack>
    </Paper>
  )
})
