import { Text } from '@mantine/core'

/**
 * "Blocked": a small red tag. Built from Text rather than Mantine's Badge, whose stylesheet would
 * cost the CSS budget ~0.5 KiB gzip for this one use.
 */
export function BlockedBadge() {
  return (
    <Text
      span
      size="xs"
      fw={700}
      c="red.8"
      bg="red.0"
      px={6}
      style={{ borderRadius: 'var(--mantine-radius-sm)', letterSpacing: '0.02em', flexShrink: 0 }}
    >
      Blocked
    </Text>
  )
}
