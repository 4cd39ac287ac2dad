import { Text, type MantineColor } from '@mantine/core'
import type { ReactNode } from 'react'

/**
 * A small coloured tag ("Blocked", "Organization"). Built from Text rather than Mantine's Badge,
 * whose stylesheet would cost the CSS budget ~0.5 KiB gzip for these few uses. Shade 9 on shade 0
 * keeps 12 px text at 4.5:1 or more for red, grape, blue, teal and gray; green, orange and yellow
 * do not reach it, so tags do not use them.
 */
export function Tag({ color, children }: { color: MantineColor; children: ReactNode }) {
  return (
    <Text
      span
      size="xs"
      fw={700}
      c={`${color}.9`}
      bg={`${color}.0`}
      px={6}
      style={{ borderRadius: 'var(--mantine-radius-sm)', letterSpacing: '0.02em', flexShrink: 0 }}
    >
      {children}
    </Text>
  )
}
