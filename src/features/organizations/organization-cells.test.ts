import { describe, expect, test } from 'vitest'
import type { Organization } from '@/lib/management-api/schemas'
import { MEMBERSHIP_COLUMNS, membershipExportTable } from './organization-cells'

const ACME: Organization = {
  id: 'org_acme',
  name: 'acme',
  display_name: 'Acme Logistics',
  branding: {
    logo_url: 'https://cdn.acme.example/logo.png',
    colors: { primary: '#0059d6', page_background: '#ffffff' },
  },
  metadata: { region: 'eu', tier: 'gold' },
}
const BARE: Organization = { id: 'org_bare', name: 'bare' }

describe('membership export table', () => {
  test('has every column in the on-screen order by default', () => {
    const table = membershipExportTable(MEMBERSHIP_COLUMNS, [ACME])
    expect(table.columns).toEqual([
      'logo_url',
      'display_name',
      'name',
      'id',
      'primary_color',
      'page_background_color',
      'metadata',
    ])
    expect(table.rows).toEqual([
      {
        logo_url: 'https://cdn.acme.example/logo.png',
        display_name: 'Acme Logistics',
        name: 'acme',
        id: 'org_acme',
        primary_color: '#0059d6',
        page_background_color: '#ffffff',
        metadata: { region: 'eu', tier: 'gold' },
      },
    ])
  })

  test('follows the visible columns, in their order, and leaves hidden ones out', () => {
    const table = membershipExportTable(['id', 'metadata', 'name'], [ACME])
    expect(table.columns).toEqual(['id', 'metadata', 'name'])
    expect(Object.keys(table.rows[0] ?? {})).toEqual(['id', 'metadata', 'name'])
  })

  test('keeps the rows in the order given (the page has filtered and sorted them)', () => {
    const table = membershipExportTable(['id'], [BARE, ACME])
    expect(table.rows).toEqual([{ id: 'org_bare' }, { id: 'org_acme' }])
  })

  test('lists a column given twice once', () => {
    expect(membershipExportTable(['id', 'name', 'id'], [BARE]).columns).toEqual(['id', 'name'])
  })

  test('gives null for what the API left out, not the name shown in its place', () => {
    expect(membershipExportTable(MEMBERSHIP_COLUMNS, [BARE]).rows[0]).toEqual({
      logo_url: null,
      display_name: null,
      name: 'bare',
      id: 'org_bare',
      primary_color: null,
      page_background_color: null,
      metadata: null,
    })
  })

  test('exports branding values as the API gave them, even ones the page refuses to apply', () => {
    const odd: Organization = {
      ...BARE,
      branding: { logo_url: 'javascript:alert(1)', colors: { primary: 'red;background:url(x)' } },
    }
    const [row] = membershipExportTable(['logo_url', 'primary_color'], [odd]).rows
    expect(row).toEqual({ logo_url: 'javascript:alert(1)', primary_color: 'red;background:url(x)' })
  })
})
