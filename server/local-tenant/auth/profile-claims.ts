import type { TenantAdmin } from '../config'

/**
 * The OIDC claims about an admin that `scope` releases, shaped like Auth0's for a database user:
 * `profile` gives name, nickname (the email's local part) and picture if set; `email` gives the
 * address, verified because the admins are seeded by us.
 */
export function profileClaims(
  admin: TenantAdmin,
  scope: readonly string[],
): Record<string, string | boolean> {
  return {
    ...(scope.includes('profile') && {
      name: admin.name,
      nickname: admin.email.split('@')[0] ?? admin.email,
      ...(admin.picture !== undefined && { picture: admin.picture }),
    }),
    ...(scope.includes('email') && { email: admin.email, email_verified: true }),
  }
}
