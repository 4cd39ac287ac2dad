import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, test, vi } from 'vitest'
import { ManagementApiError } from '@/lib/management-api/errors'
import { ErrorBoundary } from './error-boundary'

function Crashing({
  message = "Cannot read properties of undefined (reading 'map')",
}: {
  message?: string
}): never {
  throw new TypeError(message)
}

/** React reports every caught error; collect them instead of letting them hit console.error. */
function renderCatching(ui: React.ReactNode) {
  const caught: unknown[] = []
  const utils = render(ui, { onCaughtError: (error) => caught.push(error) })
  return { ...utils, caught }
}

describe('ErrorBoundary', () => {
  test('shows a fallback with the message instead of a blank page when a child throws', () => {
    const { caught } = renderCatching(
      <ErrorBoundary>
        <Crashing />
      </ErrorBoundary>,
    )
    const alert = screen.getByRole('alert', { name: 'Something went wrong on this page' })
    expect(alert).toHaveTextContent("Cannot read properties of undefined (reading 'map')")
    expect(within(alert).getByRole('link', { name: 'Back to search' })).toHaveAttribute('href', '/')
    expect(within(alert).getByRole('button', { name: 'Reload' })).toBeInTheDocument()
    expect(caught).toHaveLength(1)
  })

  test('renders its children when nothing throws', () => {
    render(
      <ErrorBoundary>
        <p>Organizations</p>
      </ErrorBoundary>,
    )
    expect(screen.getByText('Organizations')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  test('Reload calls the reload action', async () => {
    const user = userEvent.setup()
    const onReload = vi.fn()
    renderCatching(
      <ErrorBoundary onReload={onReload}>
        <Crashing />
      </ErrorBoundary>,
    )
    await user.click(screen.getByRole('button', { name: 'Reload' }))
    expect(onReload).toHaveBeenCalledTimes(1)
  })

  test('reports the caught error to onError', () => {
    const onError = vi.fn()
    renderCatching(
      <ErrorBoundary onError={onError}>
        <Crashing message="boom" />
      </ErrorBoundary>,
    )
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'boom' }),
      expect.anything(),
    )
  })

  test('shows the HTTP status of an API error thrown into it', () => {
    function ThrowsApiError(): never {
      throw new ManagementApiError({
        kind: 'http',
        status: 503,
        message: 'The query exceeded the timeout.',
        hasApiBody: true,
        requestPath: '/api/v2/users',
        receivedAt: new Date(),
      })
    }
    renderCatching(
      <ErrorBoundary>
        <ThrowsApiError />
      </ErrorBoundary>,
    )
    expect(screen.getByRole('alert')).toHaveTextContent('HTTP 503: The query exceeded the timeout.')
  })

  test('Try again renders the children again and refetches a query that threw', async () => {
    const user = userEvent.setup()
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    let attempts = 0
    function Memberships() {
      const { data } = useQuery({
        queryKey: ['memberships'],
        queryFn: () => {
          attempts += 1
          if (attempts === 1) return Promise.reject(new Error('first try fails'))
          return Promise.resolve('3 organizations')
        },
        throwOnError: true,
      })
      return <p>{data ?? 'Loading'}</p>
    }
    renderCatching(
      <QueryClientProvider client={queryClient}>
        <ErrorBoundary>
          <Memberships />
        </ErrorBoundary>
      </QueryClientProvider>,
    )
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('first try fails')
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('3 organizations')).toBeInTheDocument()
  })

  test('clears the fallback when its reset key changes (another route)', async () => {
    const user = userEvent.setup()
    function Page() {
      const [route, setRoute] = useState('/users/broken')
      return (
        <>
          <button type="button" onClick={() => setRoute('/')}>
            Go to search
          </button>
          <ErrorBoundary resetKey={route}>
            {route === '/' ? <p>Search users</p> : <Crashing />}
          </ErrorBoundary>
        </>
      )
    }
    renderCatching(<Page />)
    expect(screen.getByRole('alert')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Go to search' }))
    expect(screen.getByText('Search users')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
