import { useAuth0 } from '@auth0/auth0-react'
import { createContext, use, useMemo, type ReactNode } from 'react'
import { createManagementApi, type ManagementApi } from '@/lib/management-api/client'
import { pacedManagementApi } from '@/lib/management-api/pacer'
import {
  createRequestLog,
  recordedManagementApi,
  type RequestLog,
} from '@/lib/management-api/request-log'

const ManagementApiContext = createContext<{
  api: ManagementApi
  log: RequestLog
  getAccessToken: () => Promise<string>
} | null>(null)

/**
 * Builds the Management API client once and hands it to the tree. `getAccessTokenSilently` is the
 * single token seam: the SDK keeps tokens in memory, renews them through the tenant, and uses the
 * audience and scopes given to Auth0Provider. Here (in the auth feature), not in `app/`, because
 * feature hooks read it and features must not import the app layer.
 */
export function ManagementApiProvider({
  baseUrl,
  timeoutMs,
  children,
}: {
  baseUrl: string
  timeoutMs?: number
  children: ReactNode
}) {
  const { getAccessTokenSilently } = useAuth0()
  // auth0-react memoizes getAccessTokenSilently per SDK client, so this runs once per app: one
  // client and one pacer (one estimate of the tenant's rate limit) for the whole session.
  const value = useMemo(() => {
    const log = createRequestLog()
    const getAccessToken = async () => {
      // Errors (login_required, timeout, …) propagate as the SDK's own, with their `error` code.
      const token = await getAccessTokenSilently()
      if (!token) throw new Error('No access token is available. Sign in again.')
      return token
    }
    const api = pacedManagementApi(
      recordedManagementApi(createManagementApi({ baseUrl, timeoutMs, getAccessToken }), log),
    )
    return { api, log, getAccessToken }
  }, [baseUrl, timeoutMs, getAccessTokenSilently])
  return <ManagementApiContext value={value}>{children}</ManagementApiContext>
}

/** The Management API client, for query functions: `useManagementApi().request([...], …)`. */
export function useManagementApi(): ManagementApi {
  return useManagementApiContext().api
}

/** Every request this session sent (request-log.ts): what an evidence pack lists. */
export function useRequestLog(): RequestLog {
  return useManagementApiContext().log
}

/**
 * The admin's access token, for the one call that is not a Management API read: asking the proxy
 * to countersign a review. The same seam the client uses.
 */
export function useAccessToken(): () => Promise<string> {
  return useManagementApiContext().getAccessToken
}

function useManagementApiContext() {
  const value = use(ManagementApiContext)
  if (!value) throw new Error('useManagementApi() must be used inside <ManagementApiProvider>.')
  return value
}
