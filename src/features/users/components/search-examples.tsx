import { Anchor, Stack, Text } from '@mantine/core'

export interface SearchExample {
  text: string
  advanced: boolean
  what: string
}

// Real people in the local tenant's seed, so every example finds someone there; on a real
// tenant they still show the shapes of query the box understands.
export const SEARCH_EXAMPLES = {
  email: { text: 'jane@acme.com', advanced: false, what: 'an email address' },
  start: { text: 'oli', advanced: false, what: 'the start of a name or email' },
  fullName: {
    text: 'Pat Twin',
    advanced: false,
    what: 'a full name (two accounts share this one)',
  },
  domain: { text: '@contoso.com', advanced: false, what: 'everyone with an email at a domain' },
  userId: {
    text: 'samlp|acme-saml|jane@acme.com',
    advanced: false,
    what: 'a user id: Enter opens the user straight away',
  },
  lucene: {
    text: 'email.domain:"example.com" AND blocked:true',
    advanced: true,
    what: 'Advanced: any Lucene query Auth0 accepts',
  },
} as const satisfies Record<string, SearchExample>

/** Examples as buttons that fill the box (and the Advanced switch) and search at once. */
export function SearchExampleList({
  examples,
  onPick,
}: {
  examples: readonly SearchExample[]
  onPick: (text: string, advanced: boolean) => void
}) {
  return (
    <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {examples.map((example) => (
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
  )
}
