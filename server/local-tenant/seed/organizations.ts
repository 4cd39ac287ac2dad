import { ALPHANUMERIC, HEX, type Random } from './prng'
import type { Organization } from './types'
import {
  METADATA_VALUES,
  ORGANIZATION_ADJECTIVES,
  ORGANIZATION_NOUNS,
  ORGANIZATION_SUFFIXES,
} from './word-lists'

export const ORGANIZATION_COUNT = 1300
const MAX_NAME_LENGTH = 50
const MAX_DISPLAY_NAME_LENGTH = 255
const MAX_METADATA_KEYS = 25

type OrganizationFields = Omit<Organization, 'id'>

const SVG_WITH_SCRIPT = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'

/**
 * Organizations that exist to break a careless UI: lengths at the limits, other scripts and
 * directions, invisible characters, markup and URLs that must never be rendered or followed.
 * `edge.cases@example.com` belongs to all of them; nobody else does.
 */
const EDGE_CASE_ORGANIZATIONS: readonly OrganizationFields[] = [
  {
    name: 'the-longest-display-name',
    display_name:
      'The International Consolidated Amalgamated Federation of Regional Cooperative Associations for the Advancement of Interoperable Identity, Access Management and Single Sign-On Standards in Small and Medium-Sized Enterprises, Public Institutions and Non-Profits Ltd.'
        .padEnd(MAX_DISPLAY_NAME_LENGTH, '.')
        .slice(0, MAX_DISPLAY_NAME_LENGTH),
  },
  {
    name: 'unbroken-word',
    display_name:
      'LlanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochTaumatawhakatangihangakoauauotamateaturipukakapikimaungahoronukupokaiwhenuakitanatahu',
  },
  // Exactly 50 characters: the longest slug Auth0 accepts.
  { name: 'a-slug-that-is-exactly-fifty-characters-long-abcde', display_name: 'Fifty Char Slug' },
  { name: 'sakura-logistics', display_name: '株式会社さくらロジスティクス' },
  { name: 'beijing-xingchen', display_name: '北京星辰科技有限公司' },
  { name: 'al-nakheel-trading', display_name: 'شركة النخيل للتجارة الإلكترونية' },
  { name: 'galil-ltd', display_name: 'חברת הגליל בע״מ' },
  { name: 'severny-veter', display_name: 'ООО «Северный ветер»' },
  { name: 'mixed-direction', display_name: 'Acme شركة 2024 Ltd' },
  { name: 'cafe-collective', display_name: 'Café ☕ Collective 🚀' },
  { name: 'zero-width-labs', display_name: 'Zero\u200bWidth\u200c Labs\u200d' },
  { name: 'invisible-marks', display_name: '\ufeff\u200eInvisible Marks Inc' },
  // U+202E flips what follows: it displays as "Invoice exe.pdf".
  { name: 'right-to-left-override', display_name: 'Invoice \u202efdp.exe' },
  {
    name: 'img-onerror',
    display_name: '<img src=x onerror=alert(1)>',
    metadata: { note: '<img src=x onerror=alert(2)>' },
  },
  {
    name: 'script-holdings',
    display_name: '<script>alert("xss")</script> Holdings',
    metadata: {
      '<b>key</b>': '<script>alert(document.cookie)</script>',
      homepage: 'javascript:alert(3)',
    },
  },
  { name: 'attribute-breakout', display_name: '" onmouseover="alert(1)" data-x="' },
  { name: 'template-injection', display_name: '{{constructor.constructor("alert(1)")()}}' },
  {
    name: 'javascript-logo',
    display_name: 'Javascript Logo Ltd',
    branding: { logo_url: 'javascript:alert(1)' },
  },
  {
    name: 'data-url-logo',
    display_name: 'Data URL Logo GmbH',
    branding: { logo_url: `data:image/svg+xml;base64,${btoa(SVG_WITH_SCRIPT)}` },
  },
  {
    name: 'insecure-logo',
    display_name: 'Plain HTTP Logo Co.',
    branding: {
      logo_url: 'http://insecure.example.com/logo.png',
      colors: { primary: '#ff0000', page_background: '#000000' },
    },
  },
  {
    name: 'protocol-relative-logo',
    display_name: 'Protocol Relative Logo AB',
    branding: { logo_url: '//cdn.example.com/logo.png' },
  },
  {
    name: 'hostile-colors',
    display_name: 'Hostile Colors S.A.',
    branding: {
      logo_url: 'https://cdn.example.com/logos/hostile-colors.png',
      colors: {
        primary: 'red;background:url(javascript:alert(1))',
        page_background: 'expression(alert(1))',
      },
    },
  },
  {
    name: 'full-metadata',
    display_name: 'Twenty-Five Metadata Keys Inc.',
    metadata: Object.fromEntries(
      Array.from({ length: MAX_METADATA_KEYS }, (_, i) => [
        `key_${String(i + 1).padStart(2, '0')}`,
        `value ${i + 1} `.repeat(40).slice(0, 255),
      ]),
    ),
  },
  // Only the two required fields; everything else absent.
  { name: 'bare-minimum' },
]

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_NAME_LENGTH)
}

function uniqueName(taken: Set<string>, base: string): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`
    const name = base.slice(0, MAX_NAME_LENGTH - suffix.length) + suffix
    if (!taken.has(name)) {
      taken.add(name)
      return name
    }
  }
}

const hexColor = (random: Random): string => `#${random.string(6, HEX)}`

function generatedOrganization(random: Random, takenNames: Set<string>): OrganizationFields {
  const displayName = [
    random.pick(ORGANIZATION_ADJECTIVES),
    random.pick(ORGANIZATION_NOUNS),
    random.pick(ORGANIZATION_SUFFIXES),
  ]
    .join(' ')
    .trim()
  const name = uniqueName(takenNames, slugify(displayName))
  const branded = random.chance(0.4)
  const logo = branded && random.chance(0.9)
  // Branding always holds something: a logo, colors, or both.
  const colors = branded && (!logo || random.chance(0.7))
  const metadataKeys = metadataSize(random)
  return {
    name,
    // A few organizations never got a display name: the UI falls back to `name`.
    ...(random.chance(0.95) ? { display_name: displayName } : {}),
    ...(branded
      ? {
          branding: {
            ...(logo ? { logo_url: `https://cdn.example.com/logos/${name}.png` } : {}),
            ...(colors
              ? { colors: { primary: hexColor(random), page_background: hexColor(random) } }
              : {}),
          },
        }
      : {}),
    ...(metadataKeys !== undefined ? { metadata: generatedMetadata(random, metadataKeys) } : {}),
  }
}

/** Most organizations have no metadata; some an empty object, a few, or up to the 25 allowed. */
function metadataSize(random: Random): number | undefined {
  if (!random.chance(0.3)) return undefined
  return random.chance(0.1) ? random.int(6, MAX_METADATA_KEYS) : random.int(0, 5)
}

function generatedMetadata(random: Random, count: number): Record<string, string> {
  const known = Object.entries(METADATA_VALUES)
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => {
      const entry = known[i]
      return entry
        ? [entry[0], random.pick(entry[1])]
        : [`custom_${i + 1}`, random.string(12, ALPHANUMERIC)]
    }),
  )
}

export interface BuiltOrganizations {
  /** Sorted by `name`: the stable order membership lists use. */
  organizations: Organization[]
  edgeCaseIds: ReadonlySet<string>
}

/**
 * Plain organizations for the one user with thousands of memberships, numbered rather than drawn
 * from the seed's random stream: adding them moves nothing else, and they cost next to nothing.
 */
export function buildBulkOrganizations(count: number): Organization[] {
  return Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(5, '0')
    return {
      id: `org_bulk${number.padStart(12, '0')}`,
      name: `bulk-member-${number}`,
      display_name: `Bulk Member ${number}`,
    }
  })
}

export function buildOrganizations(random: Random): BuiltOrganizations {
  const takenNames = new Set(EDGE_CASE_ORGANIZATIONS.map((org) => org.name))
  const fields = [
    ...EDGE_CASE_ORGANIZATIONS,
    ...Array.from({ length: ORGANIZATION_COUNT - EDGE_CASE_ORGANIZATIONS.length }, () =>
      generatedOrganization(random, takenNames),
    ),
  ]
  const takenIds = new Set<string>()
  const organizations = fields.map((org): Organization => {
    let id = `org_${random.string(16, ALPHANUMERIC)}`
    while (takenIds.has(id)) id = `org_${random.string(16, ALPHANUMERIC)}`
    takenIds.add(id)
    return { id, ...org }
  })
  const edgeCaseIds = new Set(
    organizations.slice(0, EDGE_CASE_ORGANIZATIONS.length).map((org) => org.id),
  )
  organizations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return { organizations, edgeCaseIds }
}
