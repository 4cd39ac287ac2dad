import { Stack, Text, Title } from '@mantine/core'

/** Placeholder: the users feature replaces the body with the search box and results. */
export default function SearchPage() {
  return (
    <Stack gap="xs">
      <title>Find a user · Orgscope</title>
      <Title order={1}>Find a user</Title>
      <Text c="dimmed">Search by email, name or user id to see their organizations.</Text>
    </Stack>
  )
}
