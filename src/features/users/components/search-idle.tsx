import { Anchor, Code, Paper, Stack, Text } from '@mantine/core'

interface Example {
  text: string
  advanced: boolean
  what: string
}

// Real people in the local tenant's seed, so every example finds someone there; on a real
// tenant they still show the shapes of query the box understands.
const EXAMPLES: readonly Example[] = [
  { text: 'jane@acme.com', advanced: false, what: 'an email address' },
  { text: 'oli', advanced: false, what: 'the start of a name or email' },
  { text: 'Pat Twin', advanced: false, what: 'a full name (two accounts share this one)' },
  { text: '@contoso.com', advanced: false, what: 'everyone with an email at a domain' },
  {
    text: 'samlp|acme-saml|jane@acme.com',
    advanced: false,
    what: 'a user id: Enter opens the user straight away',
  },
  {
    text: 'email.domain:"example.com" AND blocked:true',
    advanced: true,
    what: 'Advanced: any Lucene query Auth0 accepts',
  },
]

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
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {EXAMPLES.map((example) => (
            <Text component="li" key={example.text} size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Anchor
                component="button"
                type="button"
                ff="monospace"
                size="sm"
                ta="left"
                onClick={() => onPick(example.text, example.advanced)}
              >
                {example.text}
              </Anchor>
              <Text span size="xs" c="dimmed">
                {' '}
                — {example.what}
              </Text>
            </Text>
          ))}
        </Stack>
      </Stack>
    </Paper>
  )
}
