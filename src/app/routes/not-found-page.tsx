import { Anchor, Stack, Text, Title } from '@mantine/core'
import { Link } from 'wouter'
import { toSearch } from '@/lib/routes'

export default function NotFoundPage() {
  return (
    <Stack gap="xs" align="flex-start">
      <title>Page not found · Orgscope</title>
      <Title order={1}>Page not found</Title>
      <Text c="dimmed">There is nothing at this address. It may have been mistyped.</Text>
      <Link href={toSearch()} asChild>
        <Anchor>Back to search</Anchor>
      </Link>
    </Stack>
  )
}
