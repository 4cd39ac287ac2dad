import { useQueryClient } from '@tanstack/react-query'
import { ExportMenu, saveExport } from '@/components/export-menu'
import { useSignedInAdmin } from '@/features/auth/use-signed-in-admin'
import type { ExportFormat } from '@/lib/export/download'
import type { Organization, Role } from '@/lib/management-api/schemas'
import { useTenant } from '@/lib/tenant'
import { organizationQueries } from '../api'
import type { Memberships } from '../memberships'
import { rolesStateOf } from '../roles-state'
import type { MembershipsSubject } from '../memberships-provenance'
import type { SortState } from '../organization-list'

/**
 * "Export" for the memberships page: the rows in view, as filtered and sorted, with the roles the
 * page has loaded, under a provenance record (memberships-export.ts). The roles are read from the
 * cache when the admin exports, not watched by this component: nothing here re-renders per row.
 * Off, saying why, until the list has finished loading; a list whose loading failed part-way can
 * be exported, and the file says it is incomplete.
 */
export function MembershipsExportMenu({
  subject,
  memberships,
  stalled,
  rows,
  filter,
  sort,
  catchingUp,
}: {
  /** Whose memberships, with the account context the user record gives. */
  subject: MembershipsSubject
  memberships: Memberships
  stalled: boolean
  rows: readonly Organization[]
  filter: string
  sort: SortState
  /** The rows are a moment behind the filter box: off until they match it. */
  catchingUp: boolean
}) {
  const queryClient = useQueryClient()
  const { domain } = useTenant()
  const exportedBy = useSignedInAdmin()
  const loading = !memberships.complete && !stalled

  const onExport = (format: ExportFormat) =>
    saveExport(async () => {
      const { membershipsExportInput } = await import('../memberships-export')
      return membershipsExportInput({
        format,
        tenantDomain: domain,
        subject,
        exportedBy,
        generatedAt: new Date(),
        filter,
        sort,
        memberships,
        rows,
        rolesOf: (organizationId) =>
          rolesStateOf(
            queryClient.getQueryState<Role[]>(
              organizationQueries.memberRolesKey(subject.userId, organizationId),
            ),
          ),
      })
    })

  return (
    <ExportMenu
      onExport={onExport}
      disabled={catchingUp}
      waitingFor={loading ? 'organization' : undefined}
    />
  )
}
