/**
 * What an admin agreed to at /authorize. An authorization code carries it to /oauth/token; a
 * refresh token keeps it so later tokens are minted from the same request.
 */
export interface Authorization {
  clientId: string
  sub: string
  /** Public session id (the `sid` claim); never the cookie value. */
  sid: string
  /** Seconds since the epoch when the admin signed in. */
  authTime: number
  /** The API asked for; undefined means a token for /userinfo only. */
  audience?: string
  /** Scopes as requested; what is granted is decided when each token is minted. */
  scope: string[]
  nonce?: string
}

/** What a one-time code is bound to, beyond the authorization it carries. */
export interface AuthorizationCode {
  authorization: Authorization
  redirectUri: string
  /** Absent only for confidential clients, which authenticate with their secret instead. */
  codeChallenge?: string
}
