import { Anchor, Box, Group } from '@mantine/core'
import type { ReactNode } from 'react'
import { Link } from 'wouter'
import { toSearch } from '@/lib/routes'
import { BrandMark } from './brand-mark'

const CONTENT_WIDTH = 1200

/**
 * The signed-in frame: a header with the product name (home) and whatever the app puts in
 * `account`, and the page below. Feature-agnostic: the account menu is passed in, not imported.
 */
export function PageShell({ account, children }: { account: ReactNode; children: ReactNode }) {
  return (
    <Box mih="100dvh" bg="var(--orgscope-page-background)">
      <Box
        component="header"
        bg="var(--mantine-color-body)"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Group h={60} maw={CONTENT_WIDTH} mx="auto" px="md" justify="space-between" wrap="nowrap">
          <Link href={toSearch()} asChild>
            <Anchor underline="never">
              <BrandMark />
            </Anchor>
          </Link>
          {account}
        </Group>
      </Box>
      <Box component="main" maw={CONTENT_WIDTH} mx="auto" px="md" py="xl">
        {children}
      </Box>
    </Box>
  )
}
