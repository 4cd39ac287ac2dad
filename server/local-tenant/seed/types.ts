/**
 * The Management API shapes the local tenant serves, as Auth0 documents them. Unset fields are
 * absent, never null. Everything is readonly: one seed instance is shared by every tenant in a
 * process, so nothing may change it.
 */

export interface Identity {
  readonly connection: string
  readonly provider: string
  /** Auth0 sends a number for some social providers (GitHub) and a string for the rest. */
  readonly user_id: string | number
  readonly isSocial: boolean
}

export interface User {
  readonly user_id: string
  readonly email?: string
  readonly email_verified?: boolean
  readonly name?: string
  readonly nickname?: string
  readonly given_name?: string
  readonly family_name?: string
  readonly picture?: string
  readonly identities: readonly Identity[]
  readonly created_at: string
  readonly updated_at: string
  readonly last_login?: string
  readonly logins_count?: number
  readonly blocked?: boolean
}

export interface OrganizationBranding {
  readonly logo_url?: string
  readonly colors?: { readonly primary: string; readonly page_background: string }
}

export interface Organization {
  /** `org_` + 16 alphanumeric characters. */
  readonly id: string
  /** Lowercase slug, at most 50 characters. */
  readonly name: string
  /** At most 255 characters; may be any script, or hostile markup. */
  readonly display_name?: string
  readonly branding?: OrganizationBranding
  /** At most 25 string values. */
  readonly metadata?: Readonly<Record<string, string>>
}

export interface Role {
  /** `rol_` + 16 alphanumeric characters. */
  readonly id: string
  readonly name: string
  /** Optional in Auth0: absent when the role has none. */
  readonly description?: string
}
