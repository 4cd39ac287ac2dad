import { Anchor, Box, Group } from '@mantine/core'
import type { ReactNode } from 'react'
import { Link, useLocation } from 'wouter'
import { toReview, toSearch, toVerify } from '@/lib/routes'
import { BrandMark } from './brand-mark'
import classes from './page-shell.module.css'

const CONTENT_WIDTH = 1200

/**
 * The signed-in frame: a header with the product name (home), the pages an admin starts from,
 * and whatever the app puts in `account`, and the page below. Feature-agnostic: the account menu
 * is passed in, not imported; the pages are routes, not features.
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
          <Group gap="lg" wrap="nowrap" miw={0}>
            <Link href={toSearch()} asChild>
              <Anchor underline="never" className={classes.brand} aria-label="Orgscope">
                <BrandMark />
              </Anchor>
            </Link>
            <MainNavigation />
          </Group>
          {account}
        </Group>
      </Box>
      <Box component="main" className={classes.main} maw={CONTENT_WIDTH} mx="auto" px="md" py="xl">
        {children}
      </Box>
    </Box>
  )
}

const PAGES = [
  { href: toSearch(), label: 'Search' },
  { href: toReview(), label: 'Bulk review' },
  { href: toVerify(), label: 'Verify' },
]

/** The pages an admin starts from, reachable by Tab from anywhere; the current one is marked. */
function MainNavigation() {
  const [path] = useLocation()
  return (
    <Group component="nav" aria-label="Main" gap="md" wrap="nowrap">
      {PAGES.map(({ href, label }) => (
        <Link key={href} href={href} asChild>
          <Anchor
            size="sm"
            fw={500}
            c={path === href ? undefined : 'dimmed'}
            aria-current={path === href ? 'page' : undefined}
            style={{ whiteSpace: 'nowrap' }}
          >
            {label}
          </Anchor>
        </Link>
      ))}
    </Group>
  )
}
