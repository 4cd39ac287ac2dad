import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core'
import { memo } from 'react'
import { ScopeText } from '@/components/scope-text'
import { formatCount, formatNumber } from '@/lib/format'
import { rolesLoadCostText, useLoadAllRoles, type MembershipRef } from '../use-load-all-roles'

/**
 * Whether every membership's roles are loaded (one user's organizations, or a bulk review's
 * users × organizations), and "Load all roles": the cost first, then
 * Start; progress with Cancel; Resume after a cancel. The roles land in the same cache the table's
 * cells and the export read, so both show them as they arrive. Memoized: counting what is loaded
 * reads the cache once per membership, which a filter keystroke on the page above need not pay.
 */
export const LoadAllRoles = memo(function LoadAllRoles({
  memberships,
}: {
  /** Memoized: a new list counts the loaded roles again. */
  memberships: readonly MembershipRef[]
}) {
  const load = useLoadAllRoles(memberships)
  const { phase, loaded, total } = load
  const all = loaded === total
  const progress = `Roles loaded for ${formatNumber(loaded)} of ${formatNumber(total)} memberships`

  return (
    <Stack gap={6} align="flex-start">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" role="status">
          {all
            ? `Roles loaded for all ${formatCount(total, 'membership')}: the export has every row's roles.`
            : phase === 'running'
              ? progress
              : `${progress}; the export's roles_status says why each other row has none.`}
        </Text>
        {!all && (phase === 'idle' || phase === 'done') && (
          <Button size="compact-sm" variant="light" onClick={load.preview}>
            Load all roles
          </Button>
        )}
        {phase === 'running' && (
          <Button size="compact-sm" variant="default" onClick={load.cancel}>
            Cancel
          </Button>
        )}
        {!all && phase === 'cancelled' && (
          <Button size="compact-sm" variant="light" onClick={load.start}>
            Resume
          </Button>
        )}
      </Group>
      {phase === 'running' && (
        <Progress
          w="100%"
          maw={360}
          value={total === 0 ? 100 : (loaded / total) * 100}
          aria-label={progress}
        />
      )}
      {phase === 'preview' && load.cost && (
        <Group gap="sm" wrap="wrap">
          <Text size="sm">{`Load all roles: ${rolesLoadCostText(load.cost)}`}</Text>
          <Button size="compact-sm" onClick={load.start}>
            Start
          </Button>
          <Button size="compact-sm" variant="subtle" color="gray" onClick={load.dismiss}>
            Not now
          </Button>
        </Group>
      )}
      {phase === 'cancelled' && !all && (
        <Text size="sm" c="dimmed">
          Cancelled. Resume loads the roles still missing.
        </Text>
      )}
      {phase === 'done' && load.failed > 0 && (
        <Text size="sm" c="dimmed">
          {`${formatCount(load.failed, 'lookup')} failed; their rows say why. Load all roles tries them again.`}
        </Text>
      )}
      {phase === 'refused' && load.refusal && (
        <Alert variant="light" color="orange" title="Roles cannot be loaded">
          <Text size="sm">
            <ScopeText>{load.refusal.detail}</ScopeText>
          </Text>
        </Alert>
      )}
    </Stack>
  )
})
