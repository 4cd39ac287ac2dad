import type { TenantClient, TenantConfig } from '../config'
import { isKnownAudience, parseScope } from './audiences'
import { findClient } from './credentials'
import { isOnAllowedOrigin } from './origins'
import { isS256Challenge } from './pkce'

export interface AuthorizeRequest {
  client: TenantClient
  redirectUri: string
  responseMode: 'query' | 'web_message'
  state: string
  codeChallenge?: string
  nonce?: string
  audience?: string
  scope: string[]
  /** `none`: answer without showing anything; `login`: ask for credentials even when signed in. */
  prompt?: string
}

export type AuthorizeRequestResult =
  { ok: true; request: AuthorizeRequest } | { ok: false; title: string; detail: string }

const RESPONSE_MODES = ['query', 'web_message'] as const

function refuse(title: string, detail: string): AuthorizeRequestResult {
  return { ok: false, title, detail }
}

/**
 * Validates /authorize parameters (from the query, or from the sign-in form that carries them).
 * Every refusal is shown to the person, never sent to redirect_uri: until client and
 * redirect_uri are proven to belong together, redirecting would make the tenant an open redirect.
 */
export function parseAuthorizeRequest(
  config: TenantConfig,
  params: URLSearchParams,
): AuthorizeRequestResult {
  const clientId = params.get('client_id')
  const client = findClient(config, clientId)
  if (!client) {
    return refuse('Unknown application', `No application with client_id "${clientId ?? ''}".`)
  }
  const redirectUri = params.get('redirect_uri') ?? ''
  if (!isOnAllowedOrigin(redirectUri, client.allowedOrigins) || redirectUri.includes('#')) {
    return refuse(
      'Callback URL mismatch',
      `The redirect_uri "${redirectUri}" is not allowed for ${client.name}.`,
    )
  }
  if (params.get('response_type') !== 'code') {
    return refuse('Unsupported response type', 'Only response_type=code is supported.')
  }
  const responseMode = params.get('response_mode') ?? 'query'
  if (!isResponseMode(responseMode)) {
    return refuse('Unsupported response mode', 'response_mode must be query or web_message.')
  }
  const state = params.get('state')
  if (!state) return refuse('Missing state', 'The state parameter is required.')

  const codeChallenge = params.get('code_challenge') ?? undefined
  if (codeChallenge !== undefined || client.kind === 'spa') {
    if (params.get('code_challenge_method') !== 'S256' || !isS256Challenge(codeChallenge ?? '')) {
      return refuse(
        'PKCE required',
        'Send a code_challenge (43 characters, base64url) with code_challenge_method=S256.',
      )
    }
  }
  const audience = params.get('audience') ?? undefined
  if (audience !== undefined && !isKnownAudience(config, audience)) {
    return refuse('Unknown API', `Service not found: ${audience}`)
  }
  const scope = parseScope(params.get('scope') ?? 'openid')
  const nonce = params.get('nonce') ?? undefined
  const prompt = params.get('prompt') ?? undefined
  return {
    ok: true,
    request: {
      client,
      redirectUri,
      responseMode,
      state,
      codeChallenge,
      nonce,
      audience,
      scope,
      prompt,
    },
  }
}

function isResponseMode(value: string): value is AuthorizeRequest['responseMode'] {
  return (RESPONSE_MODES as readonly string[]).includes(value)
}

/**
 * The request as /authorize parameters again, minus `prompt`: the sign-in form carries these
 * and sends the browser back to /authorize with them once the admin is signed in.
 */
export function authorizeParams(request: AuthorizeRequest): URLSearchParams {
  const entries: [string, string | undefined][] = [
    ['client_id', request.client.clientId],
    ['redirect_uri', request.redirectUri],
    ['response_type', 'code'],
    ['response_mode', request.responseMode],
    ['state', request.state],
    ['code_challenge', request.codeChallenge],
    ['code_challenge_method', request.codeChallenge === undefined ? undefined : 'S256'],
    ['nonce', request.nonce],
    ['audience', request.audience],
    ['scope', request.scope.join(' ')],
  ]
  return new URLSearchParams(
    entries.filter((entry): entry is [string, string] => entry[1] !== undefined),
  )
}
