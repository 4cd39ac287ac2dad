import { MantineProvider } from '@mantine/core'
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { z } from 'zod'
import { formatClockTime } from '@/lib/format'
import { createManagementApi } from '@/lib/management-api/client'
import { ManagementApiError, type ManagementApiErrorInit } from '@/lib/management-api/errors'
import { SignInAgainContext } from '@/lib/sign-in-again'
import { TenantProvider, type ApiMode } from '@/lib/tenant'
import { server, TENANT_API_BASE_URL, tenantUrl } from '@/testing/server'
import { ApiErrorAlert } from './api-error-alert'

// A local Mantine wrapper until the shared render helper lands (the lead reconciles). The tenant
// context says which mode Orgscope runs in, which decides how a missing permission is granted.
function renderWithTheme(ui: ReactNode, mode: ApiMode = 'direct') {
  return render(
    <MantineProvider env="test">
      <TenantProvider origin="https://travel0.us.auth0.com" dashboardUrl={undefined} mode={mode}>
        {ui}
      </TenantProvider>
    </MantineProvider>,
  )
}

/** Inside the signed-in app, whose SignInAgainProvider offers "Sign in again" to every alert. */
function withSignInAgain(ui: ReactNode, signInAgain: () => void = () => {}) {
  return <SignInAgainContext value={{ signInAgain }}>{ui}</SignInAgainContext>
}

const NOW = new Date('2026-01-01T00:00:00.000Z')
const REQUEST_PATH = '/api/v2/users/auth0%7C1/organizations?page=0&per_page=50&include_totals=true'

function httpError(init: Partial<ManagementApiErrorInit> & { status: number }) {
  return new ManagementApiError({
    kind: 'http',
    message: 'failed',
    hasApiBody: true,
    requestPath: REQUEST_PATH,
    receivedAt: NOW,
    ...init,
  })
}

/** The error the real client throws for this answer. */
async function errorFor(response: () => Response, schema: z.ZodType = z.unknown()) {
  server.use(http.get(tenantUrl('/api/v2/*'), response))
  const api = createManagementApi({
    baseUrl: TENANT_API_BASE_URL,
    getAccessToken: () => Promise.resolve('token'),
  })
  return api.request(['users', 'auth0|1', 'organizations'], { schema }).then(
    () => {
      throw new Error('expected the request to fail')
    },
    (error: unknown) => error,
  )
}

afterEach(() => {
  vi.useRealTimers()
})

describe('400', () => {
  const invalidUri = httpError({
    status: 400,
    error: 'Bad Request',
    errorCode: 'invalid_uri',
    message: "Path validation error: 'String does not match pattern' on property id.",
  })

  test('invalid_uri shows the status, the API message, the id as sent and Back to search', async () => {
    const user = userEvent.setup()
    const onBackToSearch = vi.fn()
    renderWithTheme(
      <ApiErrorAlert
        error={invalidUri}
        userId="samlp|acme|jane@acme.com"
        onBackToSearch={onBackToSearch}
      />,
    )
    const alert = screen.getByRole('alert', { name: 'The user id was not a valid path' })
    expect(alert).toHaveTextContent('HTTP 400 Bad Request')
    expect(alert).toHaveTextContent('invalid_uri')
    expect(alert).toHaveTextContent("Path validation error: 'String does not match pattern'")
    expect(within(alert).getByText('samlp|acme|jane@acme.com')).toBeInTheDocument()
    await user.click(within(alert).getByRole('button', { name: 'Back to search' }))
    expect(onBackToSearch).toHaveBeenCalledTimes(1)
  })

  test('invalid_uri without a callback still offers search, as a link', () => {
    renderWithTheme(<ApiErrorAlert error={invalidUri} />)
    expect(screen.getByRole('link', { name: 'Back to search' })).toHaveAttribute('href', '/')
  })

  test('invalid_query_string shows the API message and leaves editing to the search box', () => {
    renderWithTheme(
      <ApiErrorAlert
        error={httpError({
          status: 400,
          errorCode: 'invalid_query_string',
          message: "Query validation error: 'Unexpected token ) at position 12'.",
        })}
        onRetry={vi.fn()}
      />,
    )
    const alert = screen.getByRole('alert', { name: 'The search query is not valid' })
    expect(alert).toHaveTextContent("Query validation error: 'Unexpected token ) at position 12'.")
    expect(alert).toHaveTextContent('Edit the query and search again.')
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument()
  })

  test('invalid_paging shows the message and offers Try again', async () => {
    const user = userEvent.setup()
    const onRetry = vi.fn()
    renderWithTheme(
      <ApiErrorAlert
        error={httpError({
          status: 400,
          errorCode: 'invalid_paging',
          message: 'You can only page through the first 1000 records.',
        })}
        onRetry={onRetry}
      />,
    )
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('You can only page through the first 1000 records.')
    expect(alert).toHaveTextContent('Only the first 1,000 results can be listed')
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(onRetry).toHaveBeenCalledTimes(1)
  })
})

describe('401', () => {
  test.each(['Invalid token', 'Invalid signature received for JSON Web Token validation.'])(
    '"%s" says the session is no longer accepted and offers Sign in again',
    async (message) => {
      const user = userEvent.setup()
      const onSignInAgain = vi.fn()
      renderWithTheme(
        withSignInAgain(
          <ApiErrorAlert error={httpError({ status: 401, error: 'Unauthorized', message })} />,
          onSignInAgain,
        ),
      )
      const alert = screen.getByRole('alert', { name: 'Your session is no longer accepted' })
      expect(alert).toHaveTextContent('HTTP 401 Unauthorized')
      expect(alert).toHaveTextContent(message)
      await user.click(within(alert).getByRole('button', { name: 'Sign in again' }))
      expect(onSignInAgain).toHaveBeenCalledTimes(1)
    },
  )

  test('a failed silent sign-in (login_required) also offers Sign in again', () => {
    const loginRequired = Object.assign(new Error('Login required'), { error: 'login_required' })
    renderWithTheme(withSignInAgain(<ApiErrorAlert error={loginRequired} />))
    const alert = screen.getByRole('alert', { name: 'Your session is no longer accepted' })
    expect(within(alert).getByRole('button', { name: 'Sign in again' })).toBeInTheDocument()
  })
})

describe('403', () => {
  const missingReadOrganizations = httpError({
    status: 403,
    error: 'Forbidden',
    errorCode: 'insufficient_scope',
    message: 'Insufficient scope; expected any of: read:organizations.',
    missingScopes: ['read:organizations'],
  })

  test('insufficient_scope in direct mode: the Management API grant, not a role permission', () => {
    renderWithTheme(<ApiErrorAlert error={missingReadOrganizations} />, 'direct')
    const alert = screen.getByRole('alert', { name: 'Missing permission: read:organizations' })
    expect(alert).toHaveTextContent('HTTP 403 Forbidden')
    expect(alert).toHaveTextContent('insufficient_scope')
    expect(alert).toHaveTextContent('Insufficient scope; expected any of: read:organizations.')
    expect(alert).toHaveTextContent(
      'Applications → APIs → Auth0 Management API → Machine to Machine Applications',
    )
    expect(alert).not.toHaveTextContent('User Management → Roles')
    expect(alert).not.toHaveTextContent("Orgscope's API")
  })

  test("insufficient_scope in proxy mode: a permission on Orgscope's API for the admin's role, not the Management API grant", () => {
    renderWithTheme(<ApiErrorAlert error={missingReadOrganizations} />, 'proxy')
    const alert = screen.getByRole('alert', { name: 'Missing permission: read:organizations' })
    expect(alert).toHaveTextContent(
      "Your access token does not carry the permission read:organizations on Orgscope's API",
    )
    expect(alert).toHaveTextContent(
      "A tenant owner adds read:organizations to your role on Orgscope's API: Auth0 Dashboard → User Management → Roles → your role → Permissions",
    )
    expect(alert).toHaveTextContent('step 1')
    expect(alert).not.toHaveTextContent('Machine to Machine')
    expect(alert).not.toHaveTextContent('Auth0 Management API')
  })

  test('the main button hands a tenant owner the details; signing in again is for after the grant', () => {
    renderWithTheme(withSignInAgain(<ApiErrorAlert error={missingReadOrganizations} />))
    const alert = screen.getByRole('alert', { name: 'Missing permission: read:organizations' })
    expect(
      within(alert)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Copy details', 'Sign in again (after it is granted)'])
    expect(alert).toHaveTextContent('Once it is granted, sign in again')
  })

  test('several missing scopes are all named', () => {
    renderWithTheme(
      <ApiErrorAlert
        error={httpError({
          status: 403,
          errorCode: 'insufficient_scope',
          message: 'Insufficient scope, expected any of: read:clients, read:client_summary',
          missingScopes: ['read:clients', 'read:client_summary'],
        })}
      />,
    )
    expect(
      screen.getByRole('alert', {
        name: 'Missing permission: read:clients or read:client_summary',
      }),
    ).toHaveTextContent('any of read:clients, read:client_summary')
  })

  test('a 403 that is not about scopes says access was denied', () => {
    renderWithTheme(
      <ApiErrorAlert error={httpError({ status: 403, message: 'Client is not global.' })} />,
    )
    expect(screen.getByRole('alert', { name: 'Access denied' })).toHaveTextContent(
      'Client is not global.',
    )
  })
})

describe('404', () => {
  test.each([
    ['User not found', undefined],
    ['The user does not exist.', 'inexistent_user'],
  ])(
    '"%s" says the user may have been deleted and leads back to search',
    async (message, errorCode) => {
      const user = userEvent.setup()
      const onBackToSearch = vi.fn()
      renderWithTheme(
        <ApiErrorAlert
          error={httpError({ status: 404, error: 'Not Found', message, errorCode })}
          userId="auth0|gone"
          onBackToSearch={onBackToSearch}
        />,
      )
      const alert = screen.getByRole('alert', {
        name: 'User not found — the user may have been deleted',
      })
      expect(alert).toHaveTextContent('HTTP 404 Not Found')
      expect(alert).toHaveTextContent(message)
      expect(alert).toHaveTextContent('auth0|gone')
      await user.click(within(alert).getByRole('button', { name: 'Back to search' }))
      expect(onBackToSearch).toHaveBeenCalledTimes(1)
    },
  )

  test('a 404 page that is not the API’s does not claim the user is gone', async () => {
    const error = await errorFor(() => HttpResponse.html('<h1>Not Found</h1>', { status: 404 }))
    renderWithTheme(<ApiErrorAlert error={error} onRetry={vi.fn()} />)
    expect(
      screen.getByRole('alert', { name: 'The answer did not come from the Management API' }),
    ).toHaveTextContent('The server answered 404 without a Management API error body.')
  })
})

describe('429', () => {
  const rateLimited = (rateLimit: ManagementApiErrorInit['rateLimit']) =>
    httpError({
      status: 429,
      error: 'Too Many Requests',
      errorCode: 'too_many_requests',
      message: 'Global limit has been reached',
      rateLimit,
    })

  test('shows limit and remaining and counts down to the reset, second by second', () => {
    vi.useFakeTimers()
    vi.setSystemTime(NOW)
    const reset = new Date(NOW.getTime() + 4000)
    renderWithTheme(<ApiErrorAlert error={rateLimited({ limit: 10, remaining: 0, reset })} />)
    const alert = screen.getByRole('alert', { name: 'Rate limited by the Management API' })
    expect(alert).toHaveTextContent('HTTP 429 Too Many Requests')
    expect(alert).toHaveTextContent('Global limit has been reached')
    expect(alert).toHaveTextContent(`Limit 10 · 0 remaining · resets at ${formatClockTime(reset)}.`)
    expect(alert).toHaveTextContent('Orgscope tries again by itself once the limit resets.')
    expect(alert).toHaveTextContent('Retrying in 4 s')

    act(() => vi.advanceTimersByTime(1000))
    expect(alert).toHaveTextContent('Retrying in 3 s')
    act(() => vi.advanceTimersByTime(2000))
    expect(alert).toHaveTextContent('Retrying in 1 s')
    act(() => vi.advanceTimersByTime(1000))
    expect(alert).toHaveTextContent('Retrying now…')
  })

  test('counts down from Retry-After when the server sent it', () => {
    vi.useFakeTimers()
    vi.setSystemTime(NOW)
    renderWithTheme(
      <ApiErrorAlert
        error={rateLimited({ retryAfterSeconds: 2, reset: new Date(NOW.getTime() + 30_000) })}
      />,
    )
    expect(screen.getByRole('alert')).toHaveTextContent('Retrying in 2 s')
  })

  test('offers Try again once the window has reset', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(NOW)
    const onRetry = vi.fn()
    renderWithTheme(
      <ApiErrorAlert
        error={rateLimited({ reset: new Date(NOW.getTime() + 2000) })}
        onRetry={onRetry}
      />,
    )
    const alert = screen.getByRole('alert')
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument()
    act(() => vi.advanceTimersByTime(2000))
    expect(alert).toHaveTextContent('The limit has reset.')
    // Testing Library's async helpers wait on real timers.
    vi.useRealTimers()
    const user = userEvent.setup()
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(onRetry).toHaveBeenCalledTimes(1)
  })

  test('says when older results are still shown', () => {
    const staleSince = new Date(2026, 0, 1, 9, 41, 7)
    renderWithTheme(<ApiErrorAlert error={rateLimited({ limit: 10 })} staleSince={staleSince} />)
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Results from 09:41:07 are still shown; they may be out of date.',
    )
  })

  test('without rate-limit headers, says so instead of showing nonsense', () => {
    renderWithTheme(<ApiErrorAlert error={rateLimited(undefined)} />)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('The answer carried no readable rate-limit headers.')
    expect(alert).not.toHaveTextContent('NaN')
  })
})

describe('server failures and answers that are not the API’s', () => {
  test('an HTML 502 keeps its status, says the body was not the API’s, and offers Try again', async () => {
    const user = userEvent.setup()
    const onRetry = vi.fn()
    const error = await errorFor(() =>
      HttpResponse.html('<html><h1>502 Bad Gateway</h1></html>', {
        status: 502,
        statusText: 'Bad Gateway',
      }),
    )
    renderWithTheme(<ApiErrorAlert error={error} onRetry={onRetry} />)
    const alert = screen.getByRole('alert', {
      name: 'The Management API is unavailable right now',
    })
    expect(alert).toHaveTextContent('HTTP 502 Bad Gateway')
    expect(alert).toHaveTextContent('The server answered 502 without a Management API error body.')
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(onRetry).toHaveBeenCalledTimes(1)
  })

  test('an empty 503 keeps its status and offers Try again', async () => {
    const error = await errorFor(() => new HttpResponse(null, { status: 503 }))
    renderWithTheme(<ApiErrorAlert error={error} onRetry={vi.fn()} />)
    const alert = screen.getByRole('alert', {
      name: 'The Management API is unavailable right now',
    })
    expect(alert).toHaveTextContent('HTTP 503')
    expect(alert).toHaveTextContent('with an empty body')
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })

  test('a 500 with an API body shows its message', () => {
    renderWithTheme(
      <ApiErrorAlert
        error={httpError({
          status: 500,
          error: 'Internal Server Error',
          message: 'Internal error',
        })}
        onRetry={vi.fn()}
      />,
    )
    expect(
      screen.getByRole('alert', { name: 'The Management API ran into an error' }),
    ).toHaveTextContent('Management API: Internal error')
  })

  test('a gateway’s 504 says the answer did not come in time, with the gateway’s message', () => {
    renderWithTheme(
      <ApiErrorAlert
        error={httpError({
          status: 504,
          error: 'Gateway Timeout',
          message: 'The Management API did not answer within 10 s.',
        })}
        onRetry={vi.fn()}
      />,
    )
    const alert = screen.getByRole('alert', { name: "The Management API didn't answer in time" })
    expect(alert).toHaveTextContent('HTTP 504')
    expect(alert).toHaveTextContent('The Management API did not answer within 10 s.')
    expect(alert).toHaveTextContent('stopped waiting for its answer')
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })

  test('while the app retries by itself, counts down to the next try instead of offering a button', () => {
    vi.useFakeTimers({ now: NOW })
    renderWithTheme(
      <ApiErrorAlert
        error={httpError({ status: 500, error: 'Internal Server Error', message: 'Boom' })}
        retryingAt={new Date(NOW.getTime() + 2000)}
      />,
    )
    const alert = screen.getByRole('alert', { name: 'The Management API ran into an error' })
    expect(within(alert).getByText('Retrying in 2 s')).toBeInTheDocument()
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument()

    act(() => vi.advanceTimersByTime(2000))
    expect(within(alert).getByText('Retrying now…')).toBeInTheDocument()
  })

  test('a network failure says the API cannot be reached and offers Try again', async () => {
    const error = await errorFor(() => HttpResponse.error())
    renderWithTheme(<ApiErrorAlert error={error} onRetry={vi.fn()} />)
    const alert = screen.getByRole('alert', {
      name: "Can't reach the Management API — check your connection",
    })
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })

  test('a time-out says how long Orgscope waited and offers Try again', () => {
    renderWithTheme(
      <ApiErrorAlert
        error={
          new ManagementApiError({
            kind: 'timeout',
            message: "The Management API didn't answer within 15 s.",
            timeoutMs: 15_000,
            requestPath: REQUEST_PATH,
            receivedAt: NOW,
          })
        }
        onRetry={vi.fn()}
      />,
    )
    const alert = screen.getByRole('alert', {
      name: "The Management API didn't answer within 15 s",
    })
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })

  test('a malformed answer says what did not fit and offers Try again', async () => {
    const error = await errorFor(
      () => HttpResponse.json({ organizations: 'nope' }),
      z.object({ organizations: z.array(z.unknown()) }),
    )
    renderWithTheme(<ApiErrorAlert error={error} onRetry={vi.fn()} />)
    const alert = screen.getByRole('alert', {
      name: "The answer wasn't in the shape Orgscope expects",
    })
    expect(alert).toHaveTextContent('organizations: Invalid input: expected array, received string')
    expect(alert).not.toHaveTextContent('HTTP 200')
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })

  test('any other thrown value gets a generic title with its message', () => {
    renderWithTheme(
      <ApiErrorAlert error={new TypeError('users is not iterable')} onRetry={vi.fn()} />,
    )
    expect(screen.getByRole('alert', { name: 'Something went wrong' })).toHaveTextContent(
      'users is not iterable',
    )
  })
})

test('Copy details puts status, code, message, request, rate limit and time on the clipboard', async () => {
  const user = userEvent.setup()
  renderWithTheme(
    <ApiErrorAlert
      error={httpError({
        status: 429,
        error: 'Too Many Requests',
        errorCode: 'too_many_requests',
        message: 'Global limit has been reached',
        rateLimit: { limit: 10, remaining: 0, reset: new Date('2026-01-01T00:00:04.000Z') },
      })}
    />,
  )
  await user.click(screen.getByRole('button', { name: 'Copy details' }))
  expect(await navigator.clipboard.readText()).toBe(
    [
      'Orgscope error details',
      'Kind: http',
      'Status: 429 Too Many Requests',
      'Error code: too_many_requests',
      'Message: Global limit has been reached',
      `Request: GET ${REQUEST_PATH}`,
      'X-RateLimit-Limit: 10',
      'X-RateLimit-Remaining: 0',
      'X-RateLimit-Reset: 1767225604 (2026-01-01T00:00:04.000Z)',
      'Time: 2026-01-01T00:00:00.000Z',
    ].join('\n'),
  )
  expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument()
})

test('renders tenant and API strings as text, never as HTML', () => {
  renderWithTheme(
    <ApiErrorAlert
      error={httpError({ status: 404, message: '<img src=x onerror="alert(1)">' })}
      userId={'<b>jane</b>'}
    />,
  )
  expect(screen.getByRole('alert')).toHaveTextContent('<img src=x onerror="alert(1)">')
  expect(screen.getByText('<b>jane</b>')).toBeInTheDocument()
  expect(screen.queryByRole('img')).not.toBeInTheDocument()
})
