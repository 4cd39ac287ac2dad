import type { TenantConfig } from './config'
import type { SigningKey } from './keys'
import type { Faults } from './management/faults'
import type { TenantData } from './seed/seed'

/** What every route of the local tenant can see. `now` is injectable so tests control time. */
export interface TenantContext {
  config: TenantConfig
  key: SigningKey
  data: TenantData
  now: () => number
  /** Fault switches, only on a tenant created with `faults: true`; see management/faults.ts. */
  faults?: Faults
}
