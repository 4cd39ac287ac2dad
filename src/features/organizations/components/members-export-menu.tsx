import { ExportMenu, saveExport } from '@/components/export-menu'
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
  catchingUp,
}: {
  organizationId: string
  organizationName: string | undefined
  members: Members
  stalled: boolean
  rows: readonly Member[]
  filter: string
  role: string | undefined
  sort: MemberSortState
  /** The rows are a moment behind the filter box: off until they match it. */
  catchingUp: boolean
}) {
  const { domain } = useTenant()
  const exportedBy = useSignedInAdmin()
  const loading = !members.complete && !stalled

  const onExport = (format: ExportFormat) =>
    saveExport(async () => {
      const { membersExportInput } = await import('../members-export')
      return membersExportInput({
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
      })
    })

  return (
    <ExportMenu
      onExport={onExport}
      disabled={catchingUp}
      waitingFor={loading ? 'member' : undefined}
    />
  )
}
