/** JWT and OIDC times are whole seconds since the epoch; the tenant's clock is in milliseconds. */
export function secondsOf(milliseconds: number): number {
  return Math.floor(milliseconds / 1000)
}
