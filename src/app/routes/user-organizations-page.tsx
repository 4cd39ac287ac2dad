import { Alert, Anchor, Code, Stack, Text, Title } from '@mantine/core'
import { Link, useParams } from 'wouter'
import { decodePathSegment, toSearch } from '@/lib/routes'

/**
 * `/users/:userId/organizations`. The param arrives still percent-encoded (see `location.ts`) and
 * is decoded exactly once here; the features below only ever see the real user id.
 * Placeholder body: the organizations feature replaces it with the memberships table.
 */
export default function UserOrganizationsPage() {
  const { userId: rawUserId = '' } = useParams<{ userId: string }>()
  const userId = decodePathSegment(rawUserId)

  return (
    <Stack gap="md">
      <title>Organizations · Orgscope</title>
      <Title order={1}>Organizations</Title>
      {userId.ok ? (
        <Text>
          User <Code>{userId.value}</Code>
        </Text>
      ) : (
        <Alert color="red" title="This link does not name a valid user id">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              The address contains <Code>{userId.raw}</Code>, which is not a correctly encoded user
              id. It may have been cut off or edited by hand.
            </Text>
            <Link href={toSearch()} asChild>
              <Anchor size="sm">Find the user with search</Anchor>
            </Link>
          </Stack>
        </Alert>
      )}
    </Stack>
  )
}
