import { Box, Code, List, Paper, Stack, Text, Title } from '@mantine/core'
import { BrandMark } from '@/components/brand-mark'
import type { ConfigProblem } from './config'

const EXAMPLE = `VITE_AUTH0_DOMAIN=travel0.us.auth0.com
VITE_AUTH0_CLIENT_ID=<your SPA's client id>
# optional:
# VITE_AUTH0_AUDIENCE=https://travel0.us.auth0.com/api/v2/
# VITE_API_BASE_URL=https://orgscope-proxy.example.com/api/v2`

/**
 * Shown instead of the app when the build's configuration is missing or malformed: a person
 * deploying Orgscope learns exactly which variable to fix, rather than staring at a blank page.
 */
export function ConfigErrorScreen({ problems }: { problems: ConfigProblem[] }) {
  return (
    <Box component="main" mih="100dvh" px="md" py={64} bg="var(--orgscope-page-background)">
      <title>Configuration needed · Orgscope</title>
      <Stack maw={640} mx="auto" gap="lg">
        <BrandMark />
        <Paper withBorder shadow="sm" p="xl" radius="lg">
          <Stack gap="md">
            <Title order={1} fz="h2">
              Orgscope is not configured
            </Title>
            <Box role="alert">
              <Text mb="xs">
                {problems.length === 1
                  ? 'One build setting needs attention:'
                  : `${problems.length} build settings need attention:`}
              </Text>
              <List spacing="xs">
                {problems.map((problem) => (
                  <List.Item key={`${problem.variable}:${problem.message}`}>
                    <Code>{problem.variable}</Code> {problem.message}.
                  </List.Item>
                ))}
              </List>
            </Box>
            <Text>
              Set them in <Code>.env.local</Code> at the project root (see <Code>.env.example</Code>
              ) and restart <Code>npm start</Code>, or set them in the environment of{' '}
              <Code>vite build</Code>. Vite reads them when it builds, so a deployed copy needs a
              rebuild.
            </Text>
            <Code block>{EXAMPLE}</Code>
          </Stack>
        </Paper>
      </Stack>
    </Box>
  )
}
