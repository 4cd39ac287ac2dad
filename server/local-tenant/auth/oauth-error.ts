import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** A refusal from /oauth/token, answered with Auth0's body: `{ error, error_description }`. */
export class OAuthError extends Error {
  readonly status: ContentfulStatusCode
  readonly error: string

  constructor(status: ContentfulStatusCode, error: string, description: string) {
    super(description)
    this.status = status
    this.error = error
  }

  get body(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.message }
  }
}

export function invalidGrant(description: string): OAuthError {
  return new OAuthError(400, 'invalid_grant', description)
}

/** What Auth0 answers for any wrong client id or secret: it says no more than that. */
export function unauthorizedClient(): OAuthError {
  return new OAuthError(401, 'access_denied', 'Unauthorized')
}
