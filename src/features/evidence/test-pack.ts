import { CompactSign, exportJWK, generateKeyPair } from 'jose'
import type { Countersignature, EvidencePackInput } from './evidence-pack'

// A small review to build packs from in tests, and a stand-in for the proxy's countersigning
// endpoint that signs as the proxy does (EdDSA, the same header and payload).

export function packInput(overrides: Partial<EvidencePackInput> = {}): EvidencePackInput {
  return {
    tool: { name: 'Orgscope', version: '1.2.3' },
    tenantDomain: 'travel0.us.auth0.com',
    mode: 'direct',
    reviewer: { sub: 'auth0|ada', email: 'ada@orgscope.test', name: 'Ada' },
    startedAt: new Date('2026-03-04T10:00:00.000Z'),
    signedOffAt: new Date('2026-03-04T10:20:30.000Z'),
    scope: { kind: 'user', userId: 'samlp|acme|jane@acme.com', email: 'jane@acme.com' },
    filters: { text: '' },
    population: {
      rows: 3,
      total: 3,
      complete: true,
      capped: false,
      pagination: 'checkpoint',
      gaps: [],
      fetchedAt: '2026-03-04T10:00:05.000Z',
      rolesComplete: true,
    },
    columns: ['display_name', 'name', 'id', 'roles', 'roles_status'],
    rows: [
      {
        display_name: 'Acme, Inc.',
        name: 'acme',
        id: 'org_acme',
        roles: { rol_admin: 'Admin', rol_member: 'Member' },
        roles_status: 'loaded',
      },
      {
        display_name: '=HYPERLINK("https://evil.example","x")',
        name: 'evil',
        id: 'org_evil',
        roles: {},
        roles_status: 'loaded',
      },
      {
        display_name: 'Globex',
        name: 'globex',
        id: 'org_globex',
        roles: null,
        roles_status: 'not loaded',
      },
    ],
    decisions: [
      {
        userId: 'samlp|acme|jane@acme.com',
        userEmail: 'jane@acme.com',
        organizationId: 'org_acme',
        organizationName: 'Acme, Inc.',
        decision: 'keep',
        reason: '',
        decidedAt: '2026-03-04T10:10:00.000Z',
        decidedBy: 'ada@orgscope.test',
        flags: [],
      },
      {
        userId: 'samlp|acme|jane@acme.com',
        userEmail: 'jane@acme.com',
        organizationId: 'org_evil',
        organizationName: '=HYPERLINK("https://evil.example","x")',
        decision: 'revoke',
        reason: 'Left the evil team',
        decidedAt: '2026-03-04T10:11:00.000Z',
        decidedBy: 'ada@orgscope.test',
        flags: ['inactive-90-days', 'blocked'],
      },
      {
        userId: 'samlp|acme|jane@acme.com',
        organizationId: 'org_globex',
        decision: null,
        reason: '',
        decidedAt: null,
        decidedBy: null,
        flags: ['self-review'],
      },
    ],
    requests: [
      {
        method: 'GET',
        path: '/api/v2/users/samlp%7Cacme%7Cjane%40acme.com/organizations',
        query: { take: '50', from: '' },
        status: 200,
        outcome: 'ok',
        itemCount: 3,
        rateLimit: { limit: 50, remaining: 49, reset: '2026-03-04T10:00:06.000Z' },
        receivedAt: '2026-03-04T10:00:05.000Z',
      },
    ],
    ...overrides,
  }
}

export interface TestProxy {
  kid: string
  keys: { keys: JsonWebKey[] }
  countersign: (sha256: string) => Promise<Countersignature>
  /** Signs any payload with the proxy's key, for forged-but-validly-signed cases. */
  sign: (payload: object) => Promise<string>
}

/** A proxy with its own Ed25519 key, publishing it under `kid`. */
export async function testProxy(kid = 'countersign-2026-03'): Promise<TestProxy> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', {
    crv: 'Ed25519',
    extractable: true,
  })
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' }
  const sign = (payload: object) =>
    // Copied into this realm's Uint8Array: jose checks `instanceof`, and jsdom's TextEncoder
    // answers with Node's.
    new CompactSign(Uint8Array.from(new TextEncoder().encode(JSON.stringify(payload))))
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'orgscope-countersignature+jws' })
      .sign(privateKey)
  return {
    kid,
    keys: { keys: [jwk as JsonWebKey] },
    sign,
    countersign: async (sha256) => ({
      jws: await sign({
        sha256,
        admin: { sub: 'auth0|ada', email: 'ada@orgscope.test' },
        signedAt: '2026-03-04T10:20:31.000Z',
        iat: 1772619631,
        iss: 'orgscope-proxy',
      }),
      kid,
      keysUrl: '/.well-known/orgscope-countersign-keys.json',
    }),
  }
}
