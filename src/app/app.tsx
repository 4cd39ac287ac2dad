import { Center, Loader } from '@mantine/core'
import { Suspense, useEffect } from 'react'
import { AuthGate } from '@/features/auth/auth-gate'
import { preloadable } from './preloadable'
import { PreloadCurrentPage } from './router'
import type { AppConfig } from './config'
import type { SignedInAppProps } from './signed-in-app'

const SignedInApp = preloadable<SignedInAppProps>(() => import('./signed-in-app'))

/** Signed out → the landing (in the first bundle); signed in → the app (loaded on demand). */
export interface AppProps extends SignedInAppProps {
  config: SignedInAppProps['config'] & { auth0: Pick<AppConfig['auth0'], 'clientId'> }
}

export function App(props: AppProps) {
  // Fetch the signed-in part and the page while Auth0 checks the session, not after: a returning
  // admin then waits for the slower of the two instead of both in a row.
  useEffect(() => {
    void SignedInApp.preload()
  }, [])

  return (
    <>
      <PreloadCurrentPage />
      <AuthGate clientId={props.config.auth0.clientId}>
        <Suspense
          fallback={
            <Center mih="100dvh">
              <Loader size="sm" color="gray" role="status" aria-label="Loading Orgscope" />
            </Center>
          }
        >
          <SignedInApp {...props} />
        </Suspense>
      </AuthGate>
    </>
  )
}
