// Links into the Auth0 Dashboard (manage.auth0.com), so an admin can go from what Orgscope shows
// to where it can be changed. The shapes, as the Dashboard and the Auth0 CLI (`auth0 users open`,
// `auth0 orgs open`) build them:
//   tenant        https://manage.auth0.com/dashboard/{region}/{tenant}
//   user          {tenant}/users/{base64 of encodeURIComponent(user_id), without "=" padding}
//                 e.g. auth0|61e37bb4690cd100686f84e2 → users/YXV0aDAlN0M2MWUzN2JiNDY5MGNkMTAwNjg2Zjg0ZTI
//   organization  {tenant}/organizations/{org_id}/overview

const MANAGE_ORIGIN = 'https://manage.auth0.com'

/**
 * The Dashboard's address for a tenant on an Auth0 domain: `travel0.us.auth0.com` →
 * `https://manage.auth0.com/dashboard/us/travel0`; the older US form `travel0.auth0.com` is in
 * `us` too. Anything else (a custom domain, the local tenant) says nothing about the tenant's name
 * or region: undefined.
 */
export function dashboardUrlForDomain(host: string): string | undefined {
  const labels = host.toLowerCase().split('.')
  if (labels.at(-1) !== 'com' || labels.at(-2) !== 'auth0') return undefined
  const [tenant, region = 'us'] = labels.slice(0, -2)
  if (!tenant || labels.length > 4) return undefined
  return `${MANAGE_ORIGIN}/dashboard/${region}/${tenant}`
}

/** The user's page: the Dashboard addresses users by the base64 of their URL-encoded id. */
export function dashboardUserUrl(dashboardUrl: string, userId: string): string {
  // encodeURIComponent leaves only ASCII, which btoa takes as it is. Standard base64 can hold
  // "/" and "+": encoded again so they stay inside the one path segment.
  const id = btoa(encodeURIComponent(userId)).replace(/=+$/, '')
  return `${dashboardUrl}/users/${encodeURIComponent(id)}`
}

/** The organization's overview page. */
export function dashboardOrganizationUrl(dashboardUrl: string, organizationId: string): string {
  return `${dashboardUrl}/organizations/${encodeURIComponent(organizationId)}/overview`
}
