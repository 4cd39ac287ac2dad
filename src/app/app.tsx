import { Center, Loader } from '@mantine/core'
import { Suspense, useEffect } from 'react'
import { AuthGate } from '@/features/auth/auth-gate'
import { preloadable } from './preloadable'
import { PreloadCurrentPage } from './router'
import type { SignedInAppProps } from './signed-in-app'

const SignedInApp = preloadable<SignedInAppProps>(() => import('./signed-in-app'))

/** Signed out → the landing (in the first bundle); signed in → the app (loaded on demand). */
export function App(props: SignedInAppProps) {
  // Fetch the signed-in part and the page while Auth0 checks the session, not after: a returning
  // admin then waits for the slower of the two instead of both in a row.
  useEffect(() => {
    void SignedInApp.preload()
  }, [])

  return (
    <>
      <PreloadCurrentPage />
      <AuthGate>
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
