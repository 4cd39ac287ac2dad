import { screen, within } from '@testing-library/react'
import { toUserOrganizations } from '@/lib/routes'
import type { Organization } from '../../server/local-tenant/seed/types'
import { renderApp, type RenderOptions } from './render'
import { tenant } from './server'

// Shared by the memberships page's component tests: open a user, find the table and its rows.

/** The user's organizations as the test tenant lists them. */
export function seeded(userId: string): readonly Organization[] {
  return tenant.data.membershipsByUserId.get(userId) ?? []
}

/** The whole app on the user's memberships page. */
export function openUser(userId: string, options: RenderOptions = {}) {
  return renderApp({ route: toUserOrganizations(userId), ...options })
}

export async function organizationsTable(): Promise<HTMLElement> {
  return screen.findByRole('table', { name: 'Organizations' }, { timeout: 5000 })
}

/** The data rows rendered right now (the header row and the spacer rows excluded). */
export function dataRows(table: HTMLElement): HTMLElement[] {
  return within(table)
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('aria-rowindex') && row.getAttribute('aria-rowindex') !== '1')
}
