import { useAuth0 } from '@auth0/auth0-react'
import { Alert, Box, Button, Code, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { BrandMark } from '@/components/brand-mark'
import { describeAuthError } from './describe-auth-error'
import { useClearAuthResponse, useReturnTo } from './use-return-to'

function AuthErrorAlert({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { code, message, nextStep } = describeAuthError(error)
  return (
    <Alert color="red" variant="light" title="Sign-in did not complete" ta="left">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {code && code !== message ? (
            <>
              <Code>{code}</Code>{' '}
            </>
          ) : null}
          {message}
        </Text>
        <Text size="sm">{nextStep}</Text>
        <Button size="xs" variant="light" color="red" onClick={onRetry}>
          Try again
        </Button>
      </Stack>
    </Alert>
  )
}

/**
 * What a signed-out visitor sees: the product, one line on what it does, and "Sign in". Signing in
 * carries the current route in `appState`, so a deep link survives the trip to the tenant.
 * `sessionEnded`: the admin was signed in on an earlier visit and the tenant's session has ended
 * since (it expired, or they signed out elsewhere); say so rather than greet them as new.
 */
export function SignInLanding({ sessionEnded = false }: { sessionEnded?: boolean }) {
  const { loginWithRedirect, error: authError } = useAuth0()
  const returnTo = useReturnTo()
  const [redirecting, setRedirecting] = useState(false)
  // loginWithRedirect itself can fail before leaving the page (e.g. no WebCrypto on plain http).
  const [startError, setStartError] = useState<Error | undefined>(undefined)
  const error = startError ?? authError
  useClearAuthResponse(authError !== undefined)

  const signIn = () => {
    setRedirecting(true)
    setStartError(undefined)
    loginWithRedirect({ appState: { returnTo } }).catch((cause: unknown) => {
      setStartError(cause instanceof Error ? cause : new Error('Could not start sign-in.'))
      setRedirecting(false)
    })
  }

  return (
    <Box component="main" mih="100dvh" px="md" py={64} bg="var(--orgscope-page-background)">
      <title>Sign in · Orgscope</title>
      <Stack maw={440} mx="auto" gap="xl" align="stretch">
        <Title order={1} ta="center">
          <BrandMark size="xl" />
        </Title>
        <Paper withBorder shadow="sm" p="xl" radius="lg">
          <Stack gap="lg">
            <Stack gap={6}>
              <Text fw={600} fz="lg" ta="center">
                Who belongs where, at a glance
              </Text>
              <Text c="dimmed" ta="center">
                Find any user in your Auth0 tenant and see every organization they belong to.
              </Text>
            </Stack>
            {error ? (
              <AuthErrorAlert error={error} onRetry={signIn} />
            ) : (
              sessionEnded && (
                <Alert color="blue" variant="light" title="Your session has ended" ta="left">
                  <Text size="sm">
                    Your tenant signed you out (the session expired, or you signed out in another
                    tab). Sign in again to come back to this page.
                  </Text>
                </Alert>
              )
            )}
            <Button size="md" fullWidth onClick={signIn} loading={redirecting}>
              Sign in
            </Button>
            <Text size="xs" c="dimmed" ta="center">
              You sign in on your tenant’s own page with your admin account, then come straight back
              here.
            </Text>
          </Stack>
        </Paper>
      </Stack>
    </Box>
  )
}
