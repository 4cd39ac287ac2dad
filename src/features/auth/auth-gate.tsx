import { useAuth0 } from '@auth0/auth0-react'
import { Center, Loader } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { hasSignedInMarker } from './session-marker'
import { SignInLanding } from './sign-in-landing'

/**
 * Nothing behind this gate renders — and so nothing asks for a token or fetches — until the
 * Auth0 SDK knows who the admin is. While it checks the session (a hidden iframe to the tenant,
 * usually well under a second) the page stays quiet: no landing flash for signed-in admins.
 */
export function AuthGate({ clientId, children }: { clientId: string; children: ReactNode }) {
  const { isLoading, isAuthenticated } = useAuth0()
  // Read on the first render, before the SDK's session check can clear it.
  const [wasSignedIn] = useState(() => hasSignedInMarker(clientId))

  if (isLoading) {
    return (
      <Center mih="100dvh">
        <Loader size="sm" color="gray" role="status" aria-label="Checking your session" />
      </Center>
    )
  }
  if (!isAuthenticated) return <SignInLanding sessionEnded={wasSignedIn} />
  return children
}
