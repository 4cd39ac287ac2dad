import type { TenantConfig } from './config'
import type { SigningKey } from './keys'
import type { TenantData } from './seed/seed'

/** What every route of the local tenant can see. `now` is injectable so tests control time. */
export interface TenantContext {
  config: TenantConfig
  key: SigningKey
  data: TenantData
  now: () => number
}
