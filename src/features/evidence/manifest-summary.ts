// What the /verify page shows about a pack, read defensively from its manifest: the file may come
// from anywhere, so every field is checked and an odd one reads as unknown, never as a crash.

export interface ManifestSummary {
  format: string | null
  toolVersion: string | null
  tenant: string | null
  mode: string | null
  reviewer: string | null
  /** In words: "User auth0|1 (jane@acme.com)", "Organization org_1 (Acme)", "12 users". */
  scope: string | null
  startedAt: string | null
  signedOffAt: string | null
  rows: number | null
  total: number | null
  complete: boolean | null
  decided: number | null
  undecided: number | null
  decisions: { keep: number; revoke: number; unsure: number } | null
}

type Json = Record<string, unknown>

const object = (value: unknown): Json | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null
const text = (value: unknown) => (typeof value === 'string' ? value : null)
const count = (value: unknown) =>
  typeof value === 'number' && Number.isSafeInteger(value) ? value : null

function withAside(main: string | null, aside: string | null): string | null {
  if (main === null) return aside
  return aside ? `${main} (${aside})` : main
}

function scopeText(value: unknown): string | null {
  const scope = object(value)
  switch (scope?.kind) {
    case 'user':
      return withAside(`User ${text(scope.userId) ?? '?'}`, text(scope.email))
    case 'organization':
      return withAside(`Organization ${text(scope.organizationId) ?? '?'}`, text(scope.name))
    case 'users': {
      const entries = Array.isArray(scope.entries) ? scope.entries.length : 0
      return `${entries} ${entries === 1 ? 'user' : 'users'} (bulk review)`
    }
    default:
      return null
  }
}

export function manifestSummary(manifest: unknown): ManifestSummary {
  const root = object(manifest) ?? {}
  const reviewer = object(root.reviewer)
  const population = object(root.population)
  const decisions = object(population?.decisions)
  const keep = count(decisions?.keep)
  const revoke = count(decisions?.revoke)
  const unsure = count(decisions?.unsure)
  return {
    format: text(root.format),
    toolVersion: text(object(root.tool)?.version),
    tenant: text(root.tenant),
    mode: text(root.mode),
    reviewer: withAside(
      text(reviewer?.email) ?? text(reviewer?.sub),
      text(reviewer?.email) ? text(reviewer?.sub) : null,
    ),
    scope: scopeText(root.scope),
    startedAt: text(root.startedAt),
    signedOffAt: text(root.signedOffAt),
    rows: count(population?.rows),
    total: count(population?.total),
    complete: typeof population?.complete === 'boolean' ? population.complete : null,
    decided: count(population?.decided),
    undecided: count(population?.undecided),
    decisions:
      keep !== null && revoke !== null && unsure !== null ? { keep, revoke, unsure } : null,
  }
}
