import { Text, type MantineColor } from '@mantine/core'
import type { ReactNode } from 'react'

/**
 * A small coloured tag ("Blocked", "Organization"). Built from Text rather than Mantine's Badge,
 * whose stylesheet would cost the CSS budget ~0.5 KiB gzip for these few uses.
 */
export function Tag({ color, children }: { color: MantineColor; children: ReactNode }) {
  return (
    <Text
      span
      size="xs"
      fw={700}
      c={`${color}.8`}
      bg={`${color}.0`}
      px={6}
      style={{ borderRadius: 'var(--mantine-radius-sm)', letterSpacing: '0.02em', flexShrink: 0 }}
    >
      {children}
    </Text>
  )
}
