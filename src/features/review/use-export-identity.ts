import { useAuth0 } from '@auth0/auth0-react'

export interface ExportIdentity {
  /** The tenant the admin signed in to: the host of the ID token's issuer. */
  tenantDomain: string
  /** The signed-in admin's email (their user id when the token carries none). */
  exportedBy: string
}

/**
 * Who exports what from where, for an export's provenance. The tenant comes from the ID token's
 * `iss` (`https://travel0.us.auth0.com/` → `travel0.us.auth0.com`): the tenant that signed the
 * admin in is the tenant the API answers for, proxy or not.
 */
export function useExportIdentity(): () => Promise<ExportIdentity> {
  const { user, getIdTokenClaims } = useAuth0()
  return async () => {
    const claims = await getIdTokenClaims()
    if (!claims?.iss) throw new Error('The sign-in carries no issuer, so the tenant is unknown.')
    return {
      tenantDomain: new URL(claims.iss).host,
      exportedBy: user?.email ?? user?.sub ?? 'unknown',
    }
  }
}
