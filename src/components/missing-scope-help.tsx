import { Stack, Text } from '@mantine/core'
import { useTenant } from '@/lib/tenant'
import { ScopeText } from './scope-text'

export interface MissingScopeHelpProps {
  /** The scopes the refusal named, any one of which would do; undefined when it named none. */
  scopes: readonly string[] | undefined
  /** What was refused, to end "…refuses ___.": "this request", "the roles lookups". */
  refused?: string
}

/**
 * What a missing scope means and who can grant it — for the mode Orgscope runs in only, since the
 * other mode's instruction would send a tenant owner to change a grant that is never checked.
 * Proxy: a permission on Orgscope's API, granted through the admin's role (README, step 1).
 * Direct: a scope on the Management API itself. Either way a new sign-in only helps once granted.
 */
export function MissingScopeHelp({ scopes, refused = 'this request' }: MissingScopeHelpProps) {
  const { mode } = useTenant()
  const several = scopes !== undefined && scopes.length > 1
  const named = scopes?.length ? (
    <Text span fw={600}>
      <ScopeText>{scopes.join(', ')}</ScopeText>
    </Text>
  ) : mode === 'proxy' ? (
    'the permission this request needs'
  ) : (
    'the scope this request needs'
  )
  const after = 'Once it is granted, sign in again: only a new token carries it.'
  return mode === 'proxy' ? (
    <Stack gap={4}>
      <Text size="sm">
        Your access token does not carry {several ? 'any of the permissions ' : 'the permission '}
        {named} on Orgscope&apos;s API, so Orgscope&apos;s proxy refuses {refused}.
      </Text>
      <Text size="sm">
        A tenant owner adds {several ? 'one of ' : ''}
        {named} to your role on Orgscope&apos;s API: Auth0 Dashboard → User Management → Roles →
        your role → Permissions → Add Permissions, then choose Orgscope&apos;s API (README, “Using
        it with your Auth0 tenant”, step 1). {after}
      </Text>
    </Stack>
  ) : (
    <Stack gap={4}>
      <Text size="sm">
        The access token does not carry {several ? 'any of ' : ''}
        {named}, so the Management API refuses {refused}.
      </Text>
      <Text size="sm">
        A tenant owner grants it in the Auth0 Dashboard: Applications → APIs → Auth0 Management API
        → Machine to Machine Applications, expand the application Orgscope uses, tick{' '}
        {several ? 'one of ' : ''}
        {named} and save. {after}
      </Text>
    </Stack>
  )
}
