// Placeholder: the deterministic seed (users, organizations, memberships, scenarios) lands here.
export type TenantData = Record<string, never>

export function seedTenantData(): TenantData {
  return {}
}
