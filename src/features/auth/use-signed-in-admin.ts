import { useAuth0 } from '@auth0/auth0-react'

/**
 * Who is signed in, as evidence files name them ("exported by"): the ID token's email, its
 * subject if the tenant gave no email.
 */
export function useSignedInAdmin(): string {
  const { user } = useAuth0()
  return user?.email ?? user?.sub ?? 'unknown'
}
