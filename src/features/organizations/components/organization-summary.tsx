import { Code, Group, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { DashboardLink } from '@/components/dashboard-link'
import { SummarySkeleton } from '@/components/summary-skeleton'
import { dashboardOrganizationUrl } from '@/lib/auth0-dashboard'
import type { Organization } from '@/lib/management-api/schemas'
import { useTenant } from '@/lib/tenant'
import { displayNameOf } from '../organization-list'
import { BrandingSwatches } from './branding-swatches'
import { CopyIdButton } from './copy-id-button'
import { MetadataChips } from './metadata-chips'
import { OrganizationLogo } from './organization-logo'
import classes from './organizations-table.module.css'

/**
 * The organization page's header: logo, display name (the page's heading), name, the exact id to
 * copy, branding colours, metadata and the organization in the Auth0 Dashboard. Every tenant
 * string is rendered as text.
 */
export function OrganizationSummary({ organization }: { organization: Organization }) {
  const { dashboardUrl } = useTenant()
  const [copied, setCopied] = useState(false)
  const displayName = displayNameOf(organization)
  return (
    <Stack gap="xs">
      <Group gap="md" wrap="nowrap" align="flex-start">
        <OrganizationLogo organization={organization} size={56} />
        <Stack gap={2} miw={0} style={{ flex: 1 }}>
          <Title order={1} size="h3" style={{ overflowWrap: 'anywhere' }}>
            <span dir="auto">{displayName}</span>
          </Title>
          {displayName !== organization.name && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Text span c="dimmed">
                Name:{' '}
              </Text>
              <span dir="auto">{organization.name}</span>
            </Text>
          )}
          <Group gap={4} wrap="nowrap" align="center">
            <Code style={{ overflowWrap: 'anywhere' }}>{organization.id}</Code>
            <CopyIdButton id={organization.id} onCopied={() => setCopied(true)} />
            <span className={classes.visuallyHidden} role="status">
              {copied ? 'Organization id copied' : ''}
            </span>
          </Group>
          <Group gap="lg" wrap="wrap" align="flex-start" mt={4}>
            <HeaderFact label="Branding">
              <BrandingSwatches organization={organization} />
            </HeaderFact>
            <HeaderFact label="Metadata">
              <MetadataChips metadata={organization.metadata} />
            </HeaderFact>
          </Group>
        </Stack>
      </Group>
      {dashboardUrl && (
        <DashboardLink href={dashboardOrganizationUrl(dashboardUrl, organization.id)} />
      )}
    </Stack>
  )
}

function HeaderFact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2} miw={0} maw={360}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  )
}

/** The same footprint while the organization loads. */
export function OrganizationSummarySkeleton() {
  return <SummarySkeleton label="Loading organization" />
}
