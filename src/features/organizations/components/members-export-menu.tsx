import { Group, Text } from '@mantine/core'
import { ExportMenu } from '@/components/export-menu'
import { useSignedInAdmin } from '@/features/auth/use-signed-in-admin'
import type { ExportFormat } from '@/lib/export/download'
import type { Member } from '@/lib/management-api/schemas'
import { useTenant } from '@/lib/tenant'
import type { MemberSortState, Members } from '../members'

/**
 * "Export" for an organization's members: the rows in view, as filtered and sorted, with their
 * roles, under a provenance record and a SHA-256 (members-export.ts). Off, saying why, until the
 * list has finished loading; a list whose loading failed part-way can be exported, and the file
 * says it is incomplete.
 */
export function MembersExportMenu({
  organizationId,
  organizationName,
  members,
  stalled,
  rows,
  filter,
  role,
  sort,
}: {
  organizationId: string
  organizationName: string | undefined
  members: Members
  stalled: boolean
  rows: readonly Member[]
  filter: string
  role: string | undefined
  sort: MemberSortState
}) {
  const { domain } = useTenant()
  const exportedBy = useSignedInAdmin()
  const loading = !members.complete && !stalled

  const onExport = async (format: ExportFormat) => {
    // Loaded on the first export, not with the page (as the memberships export is).
    const [{ buildExport, saveFile }, { membersExportInput }] = await Promise.all([
      import('@/lib/export/download'),
      import('../members-export'),
    ])
    const file = await buildExport(
      membersExportInput({
        format,
        tenantDomain: domain,
        subject: { organizationId, organizationName },
        exportedBy,
        generatedAt: new Date(),
        filter,
        role,
        sort,
        members,
        rows,
      }),
    )
    saveFile(file)
    return { fileName: file.fileName, sha256: file.sha256 }
  }

  return (
    <Group gap="sm" align="flex-start" wrap="nowrap" miw={0}>
      <ExportMenu onExport={onExport} disabled={loading} />
      {loading && (
        <Text size="xs" c="dimmed" pt={6}>
          Export is available once every member has loaded.
        </Text>
      )}
    </Group>
  )
}
