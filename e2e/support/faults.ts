import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test'
import type { FaultRule, RecordedRequest } from '../../server/local-tenant/management/faults'

/**
 * The local tenant's fault switches, from a spec: a thin client for its /__faults control
 * endpoint (server/local-tenant/management/fault-control.ts), which exists only on a tenant
 * started with LOCAL_TENANT_FAULTS=1 — the e2e `faults` and `direct` servers in
 * playwright.config.ts. Every test starts and ends with every switch off.
 */
export interface FaultsOptions {
  /** The origin of the tenant whose switches the project's tests flip. */
  faultsTenantOrigin: string
}

/** As FaultRule, but "now" refuses every token issued before the call (and waits until it may). */
export type FaultRuleRequest = Omit<FaultRule, 'rejectTokensIssuedBefore'> & {
  rejectTokensIssuedBefore?: number | 'now'
}

export class TenantFaults {
  constructor(
    private readonly request: APIRequestContext,
    private readonly origin: string,
  ) {}

  async set(rule: FaultRuleRequest): Promise<void> {
    await this.expectOk(this.request.post(`${this.origin}/__faults/rules`, { data: rule }))
  }

  async clear(userId?: string): Promise<void> {
    const query = userId === undefined ? '' : `?userId=${encodeURIComponent(userId)}`
    await this.expectOk(this.request.delete(`${this.origin}/__faults/rules${query}`))
  }

  async reset(): Promise<void> {
    await this.expectOk(this.request.delete(`${this.origin}/__faults`))
  }

  /** Every Management API request the tenant saw since the last reset, oldest first. */
  async requests(filter: { userId?: string; endpoint?: string } = {}): Promise<RecordedRequest[]> {
    const query = new URLSearchParams(
      Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined),
    )
    const response = await this.request.get(`${this.origin}/__faults/requests?${query}`)
    expect(response.ok()).toBe(true)
    return ((await response.json()) as { requests: RecordedRequest[] }).requests
  }

  /** The `page` of every memberships request the tenant saw for `userId`, in order. */
  async pagesAsked(userId: string): Promise<(number | undefined)[]> {
    const requests = await this.requests({ userId, endpoint: 'listUserOrganizations' })
    return requests.map((request) => request.page)
  }

  /** The tenant forgets every sign-in session. */
  async endSessions(): Promise<void> {
    await this.expectOk(this.request.post(`${this.origin}/__faults/sessions/end`))
  }

  /** Tokens issued from now on live this long (60 or less: the SDK renews before each call). */
  async setTokenLifetime(seconds: number): Promise<void> {
    await this.expectOk(
      this.request.put(`${this.origin}/__faults/token-lifetime`, { data: { seconds } }),
    )
  }

  private async expectOk(response: Promise<{ ok: () => boolean; text: () => Promise<string> }>) {
    const answer = await response
    expect(answer.ok(), await answer.text()).toBe(true)
  }
}

export const test = base.extend<{ faults: TenantFaults }, FaultsOptions>({
  faultsTenantOrigin: ['', { option: true, scope: 'worker' }],
  faults: async ({ request, faultsTenantOrigin }, use) => {
    if (faultsTenantOrigin === '') {
      throw new Error('This project has no faultsTenantOrigin: see playwright.config.ts.')
    }
    const faults = new TenantFaults(request, faultsTenantOrigin)
    await faults.reset()
    await use(faults)
    await faults.reset()
  },
})

export { expect }

/** In the search box, types a user id and presses Enter: the app opens that user's page. */
export async function openUserFromSearch(page: Page, userId: string) {
  const box = page.getByRole('searchbox', { name: 'Search users' })
  await box.fill(userId)
  await box.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/users/${escapeRegExp(encodeURIComponent(userId))}/`))
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
