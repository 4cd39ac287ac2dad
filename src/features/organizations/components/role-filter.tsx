import { Button, Group, Stack, Text } from '@mantine/core'
import { useMemo } from 'react'
import { formatNumber } from '@/lib/format'
import type { Member } from '@/lib/management-api/schemas'
import { countRoles, NO_ROLE } from '../members'

/**
 * The roles overview: how many members hold each role (and how many none), each count a toggle
 * that keeps only those members ("who holds Org Admin here"). Counts are of the members loaded so
 * far, said as such until the list is complete. Roles are the organization's direct assignments:
 * roles a member gets through groups are not in Auth0's members list, so not here either.
 */
export function RoleFilter({
  members,
  role,
  onChange,
  complete,
}: {
  members: readonly Member[]
  /** The role kept (a role's name, or NO_ROLE); undefined for every member. */
  role: string | undefined
  onChange: (role: string | undefined) => void
  complete: boolean
}) {
  const counts = useMemo(() => countRoles(members), [members])
  const options = [
    ...counts.roles.map(({ name, count }) => ({ value: name, label: name, count })),
    { value: NO_ROLE, label: 'No role', count: counts.none },
  ]
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="wrap" role="group" aria-label="Filter by role">
        <RoleToggle
          label="All roles"
          count={members.length}
          pressed={role === undefined}
          onClick={() => onChange(undefined)}
        />
        {options.map((option) => (
          <RoleToggle
            key={option.value}
            label={option.label}
            count={option.count}
            pressed={role === option.value}
            onClick={() => onChange(role === option.value ? undefined : option.value)}
          />
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        {complete ? '' : 'Counts so far, while members load. '}
        Roles assigned directly in this organization; roles a member gets through groups are not
        listed by Auth0 here.
      </Text>
    </Stack>
  )
}

function RoleToggle({
  label,
  count,
  pressed,
  onClick,
}: {
  label: string
  count: number
  pressed: boolean
  onClick: () => void
}) {
  return (
    <Button
      size="compact-sm"
      variant={pressed ? 'filled' : 'default'}
      aria-pressed={pressed}
      onClick={onClick}
    >
      <span dir="auto">{label}</span>
      <Text span size="xs" ml={6} fw={600} c={pressed ? undefined : 'dimmed'}>
        {formatNumber(count)}
      </Text>
    </Button>
  )
}
