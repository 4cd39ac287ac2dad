import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { toUserOrganizations } from '@/lib/routes'
import { withGenerousRateLimits } from '@/testing/generous-rate-limits'
import { renderApp } from '@/testing/render'
import { requestsSent } from '@/testing/requests-sent'
import { server, tenantUrl } from '@/testing/server'
import { NAMED_USERS } from '../../../server/local-tenant/seed/named-users'
import { SCENARIO_USERS } from '../../../server/local-tenant/seed/scenarios'

const { samlUser, sharedEmailDatabase, sharedEmailGoogle, threeMemberships, justCreated } =
  NAMED_USERS

// Every test here searches, and the file's tests share one tenant: under a loaded machine they
// spent its 40-request burst, and a later search showed the tenant's 429 (it did in CI). None of
// them is about rate limits.
withGenerousRateLimits()

async function searchBox() {
  return screen.findByRole('searchbox', { name: 'Search users' })
}

function lastLocation(history: string[]): string | undefined {
  return history[history.length - 1]
}

describe('search page', () => {
  it('is titled and focuses the search box, which explains itself with examples', async () => {
    renderApp({ route: '/' })

    const box = await searchBox()
    expect(box).toHaveFocus()
    expect(box).toHaveAttribute('placeholder', 'Email, name or user id')
    expect(document.title).toBe('Find a user · Orgscope')
    expect(screen.getByRole('button', { name: 'jane@acme.com' })).toBeInTheDocument()
  })

  it('finds a seeded user by the start of their email, as a link named by the email', async () => {
    const { user } = renderApp({ route: '/' })

    await user.type(await searchBox(), 'jane@ac')

    const link = await screen.findByRole('link', { name: /jane@acme\.com/ })
    expect(link).toHaveAttribute('href', '/users/samlp%7Cacme-saml%7Cjane%40acme.com/organizations')
    expect(screen.getByText('1 user')).toBeInTheDocument()
  })

  it('finds a user by the start of their full name', async () => {
    const { user } = renderApp({ route: '/' })

    await user.type(await searchBox(), 'Tess Tr')

    expect(
      await screen.findByRole('link', {
        name: `${threeMemberships.name}, ${threeMemberships.email}`,
      }),
    ).toBeInTheDocument()
  })

  it('shows the total and every account when two users share an email', async () => {
    renderApp({ route: `/?q=${encodeURIComponent(sharedEmailDatabase.email)}` })

    expect(await screen.findByText('2 users')).toBeInTheDocument()
    const list = screen.getByRole('list', { name: 'Search results' })
    const hrefs = within(list)
      .getAllByRole('link')
      .map((link) => link.getAttribute('href'))
    expect(hrefs.sort()).toEqual(
      [sharedEmailDatabase.userId, sharedEmailGoogle.userId]
        .map((id) => `/users/${encodeURIComponent(id)}/organizations`)
        .sort(),
    )
  })

  it('finds an account created moments ago by its complete email, which search does not find yet', async () => {
    const sent = requestsSent()
    const { user, location } = renderApp({ route: '/' })

    await user.type(await searchBox(), 'just.created@ex')
    expect(await screen.findByText('No users match “just.created@ex”')).toBeInTheDocument()

    await user.type(await searchBox(), 'ample.com')
    const link = await screen.findByRole('link', {
      name: `${justCreated.name}, ${justCreated.email}`,
    })
    expect(screen.getByText(/with the email/)).toHaveTextContent(
      `1 user with the email ${justCreated.email}`,
    )
    expect(screen.getByText(/^Exact email lookup: complete and up to date/)).toBeVisible()
    // The start of the email was searched; the complete one looked up.
    expect(sent).toContainEqual(
      expect.stringMatching(/^\/api\/v2\/users\?q=email%3Ajust\.created%40ex\*&/),
    )
    expect(sent).toContain('/api/v2/users-by-email?email=just.created%40example.com')

    await user.click(link)
    await waitFor(() =>
      expect(lastLocation(location.history)).toBe(toUserOrganizations(justCreated.userId)),
    )
    expect(await screen.findByText('2 organizations')).toBeInTheDocument()
  })

  it('says plainly when no account has a complete email', async () => {
    const sent = requestsSent()
    renderApp({ route: '/?q=Nobody%2BHas-This%40Example.com' })

    expect(
      await screen.findByText('No users match “Nobody+Has-This@Example.com”'),
    ).toBeInTheDocument()
    expect(screen.getByText(/with the email/)).toHaveTextContent(
      '0 users with the email nobody+has-this@example.com',
    )
    expect(screen.getByText(/^Exact email lookup: complete and up to date/)).toBeVisible()
    // One query value, lowercased, its `+` and `@` encoded.
    expect(sent).toEqual(['/api/v2/users-by-email?email=nobody%2Bhas-this%40example.com'])
  })

  it('shows the API refusing an email as not valid, and keeps it editable', async () => {
    const message =
      "Query validation error: 'Object didn't pass validation for format email: jane@-acme.com' on property email (Email address to search for (case-sensitive))."
    server.use(
      http.get(tenantUrl('/api/v2/users-by-email'), () =>
        HttpResponse.json(
          { statusCode: 400, error: 'Bad Request', message, errorCode: 'invalid_query_string' },
          { status: 400 },
        ),
      ),
    )
    renderApp({ route: '/?q=jane%40-acme.com' })

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The search query is not valid')
    expect(alert).toHaveTextContent('HTTP 400 Bad Request')
    expect(alert).toHaveTextContent(message)
    expect(alert).toHaveTextContent('Edit the query and search again.')
    expect(await searchBox()).toBeEnabled()
  })

  it('restores the query and its results from ?q= on a reload', async () => {
    renderApp({ route: '/?q=jane%40acme.com' })

    expect(await searchBox()).toHaveValue('jane@acme.com')
    expect(await screen.findByRole('link', { name: /jane@acme\.com/ })).toBeInTheDocument()
  })

  it('keeps the typed query in the URL without adding history entries', async () => {
    const { user, location } = renderApp({ route: '/' })

    await user.type(await searchBox(), 'Pat Twin')

    await waitFor(() => expect(lastLocation(location.history)).toBe('/?q=Pat+Twin'))
    expect(location.history).toHaveLength(1)
  })

  it('says when nothing matches and how to widen the search', async () => {
    renderApp({ route: '/?q=zz-nobody-is-called-this' })

    expect(await screen.findByText('No users match “zz-nobody-is-called-this”')).toBeInTheDocument()
    expect(screen.getByText(/first few letters/)).toBeInTheDocument()
  })

  it('finds everyone at a domain typed without @, and says it searched the domain', async () => {
    const { user } = renderApp({ route: '/' })

    await user.type(await searchBox(), 'scenarios.example.com')

    expect(
      await screen.findByRole('link', { name: new RegExp(SCENARIO_USERS['rate-limited'].email) }),
    ).toBeInTheDocument()
    const scenarioCount = Object.keys(SCENARIO_USERS).length
    expect(screen.getByText(/with an email at/)).toHaveTextContent(
      `${scenarioCount} users with an email at scenarios.example.com, or an email or name starting with “scenarios.example.com”`,
    )
  })

  it('still finds the start of an email that looks like a domain', async () => {
    renderApp({ route: '/?q=li.wei' })

    expect(await screen.findByRole('link', { name: /li\.wei@contoso\.com/ })).toBeInTheDocument()
    expect(screen.getByText(/with an email at/)).toHaveTextContent(
      '1 user with an email at li.wei, or an email or name starting with “li.wei”',
    )
  })

  it('suggests the forms of search that work when nothing matches, and searches one when picked', async () => {
    const { user } = renderApp({ route: '/?q=zz-nobody-is-called-this' })

    await screen.findByText('No users match “zz-nobody-is-called-this”')
    for (const form of ['jane@acme.com', '@contoso.com', 'samlp|acme-saml|jane@acme.com']) {
      expect(screen.getByRole('button', { name: form })).toBeInTheDocument()
    }
    expect(
      screen.getByRole('button', { name: 'email.domain:"example.com" AND blocked:true' }),
    ).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: '@contoso.com' }))

    expect(await searchBox()).toHaveValue('@contoso.com')
    expect(await screen.findByRole('link', { name: /li\.wei@contoso\.com/ })).toBeInTheDocument()
    expect(screen.getByText(/with an email at/)).toHaveTextContent(
      /users? with an email at contoso\.com$/,
    )
  })

  it('opens the user page when a user id is entered', async () => {
    const { user, location } = renderApp({ route: '/' })

    await user.type(await searchBox(), `${samlUser.userId}{Enter}`)

    await waitFor(() =>
      expect(lastLocation(location.history)).toBe(
        '/users/samlp%7Cacme-saml%7Cjane%40acme.com/organizations',
      ),
    )
  })

  it('offers a user id as a link before any result arrives', async () => {
    const { user } = renderApp({ route: '/' })

    await user.type(await searchBox(), samlUser.userId)

    expect(screen.getByRole('link', { name: `Open user ${samlUser.userId}` })).toHaveAttribute(
      'href',
      '/users/samlp%7Cacme-saml%7Cjane%40acme.com/organizations',
    )
  })

  it('sends the text as raw Lucene in Advanced mode', async () => {
    const { user } = renderApp({ route: '/' })

    await user.click(await screen.findByRole('switch', { name: 'Advanced (Lucene)' }))
    await user.type(await searchBox(), 'email.domain:"acme.com" AND name:Jane*')

    expect(await screen.findByRole('link', { name: /jane@acme\.com/ })).toBeInTheDocument()
  })

  it('shows the API message for an invalid Lucene query and keeps it editable', async () => {
    const { user } = renderApp({ route: '/?advanced=1' })

    const box = await searchBox()
    await user.type(box, 'name:"unbalanced')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The search query is not valid')
    expect(alert).toHaveTextContent('400')
    expect(alert).toHaveTextContent(/Invalid query: the quoted phrase .* is never closed/)
    expect(box).toHaveValue('name:"unbalanced')
    expect(box).toBeEnabled()

    await user.type(box, '"')
    expect(await screen.findByText('No users match “name:"unbalanced"”')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('moves through the results with the arrow keys and opens one with Enter', async () => {
    const { user, location } = renderApp({ route: `/?q=${sharedEmailDatabase.email}` })

    const list = await screen.findByRole('list', { name: 'Search results' })
    const [first, second] = within(list).getAllByRole('link')
    await user.click(await searchBox())

    await user.keyboard('{ArrowDown}')
    expect(first).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(second).toHaveFocus()
    await user.keyboard('{ArrowUp}{ArrowUp}')
    expect(await searchBox()).toHaveFocus()

    await user.keyboard('{ArrowDown}{Enter}')
    await waitFor(() => expect(lastLocation(location.history)).toBe(first?.getAttribute('href')))
  })

  it('shows a server failure with Try again, which recovers', async () => {
    server.use(
      http.get(
        tenantUrl('/api/v2/users'),
        () =>
          HttpResponse.json(
            { statusCode: 500, error: 'Internal Server Error', message: 'Search backend down' },
            { status: 500 },
          ),
        { once: true },
      ),
    )
    const { user } = renderApp({ route: '/?q=jane%40ac' })

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('500')
    expect(alert).toHaveTextContent('Search backend down')

    await user.click(within(alert).getByRole('button', { name: 'Try again' }))

    expect(await screen.findByRole('link', { name: /jane@acme\.com/ })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('fills the box from an example', async () => {
    const { user } = renderApp({ route: '/' })

    await user.click(await screen.findByRole('button', { name: 'Pat Twin' }))

    expect(await searchBox()).toHaveValue('Pat Twin')
    expect(await screen.findByText('2 users')).toBeInTheDocument()
  })
})

describe('search page prefetch', () => {
  it('starts loading a result’s memberships when the admin hovers it', async () => {
    const { user, queryClient } = renderApp({ route: `/?q=${encodeURIComponent(samlUser.email)}` })
    const membershipsKey = ['organizations', 'forUser', samlUser.userId]

    const link = await screen.findByRole('link', { name: /jane@acme\.com/ })
    expect(queryClient.getQueryState(membershipsKey)).toBeUndefined()

    await user.hover(link)
    await waitFor(() => expect(queryClient.getQueryState(membershipsKey)?.status).toBe('success'))
  })

  it('prefetches only the result the pointer rests on, not every one it passes over', async () => {
    const { user, queryClient } = renderApp({ route: '/?q=pat.twin%40example.com' })
    const [first, second] = await screen.findAllByRole('link', { name: /pat\.twin@example\.com/ })
    const keyOf = (userId: string) => ['organizations', 'forUser', userId]

    await user.hover(first as HTMLElement)
    await user.hover(second as HTMLElement)

    await waitFor(() =>
      expect(queryClient.getQueryState(keyOf(sharedEmailGoogle.userId))?.status).toBe('success'),
    )
    expect(queryClient.getQueryState(keyOf(sharedEmailDatabase.userId))).toBeUndefined()
  })
})

describe('coming back to a user', () => {
  it('lists the users opened in this tab under "Recently viewed", by name, most recent first', async () => {
    const { user } = renderApp({ route: '/' })
    expect(await searchBox()).toBeVisible()
    expect(screen.queryByRole('region', { name: 'Recently viewed' })).not.toBeInTheDocument()

    await user.type(await searchBox(), threeMemberships.email)
    await user.click(await screen.findByRole('link', { name: new RegExp(threeMemberships.email) }))
    expect(await screen.findByText('3 organizations')).toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: 'Back to search' }))
    await user.clear(await searchBox())

    const recent = await screen.findByRole('region', { name: 'Recently viewed' })
    const link = within(recent).getByRole('link', { name: threeMemberships.name })
    expect(link).toHaveAttribute('href', toUserOrganizations(threeMemberships.userId))
    expect(sessionStorage.getItem('orgscope.recentlyViewedUserIds')).toBe(
      JSON.stringify([threeMemberships.userId]),
    )

    await user.click(within(recent).getByRole('button', { name: 'Clear' }))
    expect(screen.queryByRole('region', { name: 'Recently viewed' })).not.toBeInTheDocument()
  })

  it('"/" on a memberships page opens the search with the box focused; on search it selects the text', async () => {
    const { user, location } = renderApp({ route: toUserOrganizations(threeMemberships.userId) })
    expect(await screen.findByText('3 organizations')).toBeInTheDocument()

    // Typed into the Filter box, "/" is a character.
    await user.type(screen.getByRole('textbox', { name: 'Filter' }), 'a/b')
    expect(screen.getByRole('textbox', { name: 'Filter' })).toHaveValue('a/b')

    await user.click(document.body)
    await user.keyboard('/')
    expect(lastLocation(location.history)).toBe('/')
    const box = await searchBox()
    expect(box).toHaveFocus()

    await user.type(box, 'jane')
    await user.click(document.body)
    await user.keyboard('/')
    expect(box).toHaveFocus()
    await user.keyboard('x')
    expect(box).toHaveValue('x')
  })
})

describe('freshness of the results', () => {
  it('says when the results were fetched, and Refresh asks the API again', async () => {
    const { user } = renderApp({ route: `/?q=${encodeURIComponent(threeMemberships.email)}` })
    expect(
      await screen.findByRole('link', { name: new RegExp(threeMemberships.email) }),
    ).toBeVisible()
    expect(
      screen.getByText(
        /^As of \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d:\d\d GMT([+-]\d{1,2}(:\d\d)?)? · just now$/,
      ),
    ).toBeInTheDocument()

    const sent = requestsSent()
    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0]).toBe(
      `/api/v2/users-by-email?email=${encodeURIComponent(threeMemberships.email)}`,
    )
  })
})
