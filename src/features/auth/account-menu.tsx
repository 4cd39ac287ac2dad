import { useAuth0 } from '@auth0/auth0-react'
import { Avatar, Box, Menu, Text, UnstyledButton } from '@mantine/core'

/**
 * Pictures come from the ID token, i.e. from the tenant's user profile: only https URLs (and the
 * tenant's own origin, which is plain http locally) are loaded, so a profile cannot point the
 * browser at arbitrary http hosts.
 */
function trustedPicture(picture: string | undefined, tenantOrigin: string): string | undefined {
  if (!picture) return undefined
  try {
    const url = new URL(picture)
    return url.protocol === 'https:' || url.origin === tenantOrigin ? url.href : undefined
  } catch {
    return undefined
  }
}

/** The signed-in admin: avatar and name in the header; the menu adds email and "Sign out". */
export function AccountMenu({ tenantOrigin }: { tenantOrigin: string }) {
  const { user, logout } = useAuth0()
  const name = user?.name ?? user?.email ?? 'Admin'
  const picture = trustedPicture(user?.picture, tenantOrigin)

  // Through the tenant's /v2/logout: ending only the page's session would sign the admin straight
  // back in on the next visit.
  const signOut = () => {
    void logout({ logoutParams: { returnTo: window.location.origin } })
  }

  return (
    <Menu
      position="bottom-end"
      width={260}
      shadow="md"
      withinPortal
      // Mantine's focus placeholder is a role="presentation" child of role="menu", which ARIA
      // forbids (axe: aria-required-children). Without it, opening focuses "Sign out" itself.
      withInitialFocusPlaceholder={false}
    >
      <Menu.Target>
        <UnstyledButton
          aria-label={`Account: ${name}`}
          style={{ borderRadius: 'var(--mantine-radius-xl)' }}
          p={4}
        >
          <Box style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <Avatar src={picture} name={name} color="initials" size={32} alt="" />
            <Text component="span" size="sm" fw={500} visibleFrom="sm" maw={200} truncate="end">
              {name}
            </Text>
          </Box>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Box px="sm" py="xs">
          <Text size="sm" fw={600} truncate="end">
            {name}
          </Text>
          {user?.email && user.email !== name ? (
            <Text size="xs" c="dimmed" truncate="end">
              {user.email}
            </Text>
          ) : null}
        </Box>
        <Menu.Divider />
        <Menu.Item onClick={signOut}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
