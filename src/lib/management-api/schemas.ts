import * as z from 'zod/mini'

// zod/mini rather than classic zod: classic gives every schema dozens of methods, compiled code
// the page holds for nothing (most of its JS heap is code); mini cut 9.6 KiB of gzipped JS
// and ~0.2 MB of heap at 1,000 rows.

// Parse, don't trust — but leniently: unknown fields pass through (the API grows), optional fields
// may be absent, and a `null` where the API documents "absent" is read as absent, so one odd field
// from a proxy does not turn a whole page into an error. Fields the UI cannot do without (ids,
// names, the list itself, the totals) are required.

/**
 * An optional field that also tolerates `null`, read as absent. mini has no `preprocess`; this
 * pipe is what classic's builds, and it is typed as the optional it amounts to.
 */
function optional<T extends z.ZodMiniType>(schema: T): z.ZodMiniOptional<T> {
  return z.pipe(
    z.transform((value: unknown): unknown => (value === null ? undefined : value)),
    z.optional(schema),
  ) as unknown as z.ZodMiniOptional<T>
}

export const OrganizationSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  display_name: optional(z.string()),
  branding: optional(
    z.looseObject({
      logo_url: optional(z.string()),
      colors: optional(
        z.looseObject({
          primary: optional(z.string()),
          page_background: optional(z.string()),
        }),
      ),
    }),
  ),
  metadata: optional(z.record(z.string(), z.string())),
})
export type Organization = z.infer<typeof OrganizationSchema>

const IdentitySchema = z.looseObject({
  connection: optional(z.string()),
  provider: optional(z.string()),
  user_id: optional(z.union([z.string(), z.number()])),
  isSocial: optional(z.boolean()),
})

export const UserSchema = z.looseObject({
  user_id: z.string(),
  email: optional(z.string()),
  email_verified: optional(z.boolean()),
  name: optional(z.string()),
  nickname: optional(z.string()),
  given_name: optional(z.string()),
  family_name: optional(z.string()),
  picture: optional(z.string()),
  identities: optional(z.array(IdentitySchema)),
  created_at: optional(z.string()),
  updated_at: optional(z.string()),
  last_login: optional(z.string()),
  logins_count: optional(z.number()),
  blocked: optional(z.boolean()),
})
export type User = z.infer<typeof UserSchema>

/** `GET /users-by-email`: every account with the email, a bare array with no paging. */
export const UsersSchema = z.array(UserSchema)

/** `GET /users?include_totals=true`. */
export const UsersPageSchema = z.looseObject({
  start: z.number(),
  limit: z.number(),
  length: optional(z.number()),
  total: z.number(),
  users: z.array(UserSchema),
})

/** What every list page says about paging, whichever form it came in. */
export interface ListPageFields {
  start?: number | undefined
  limit?: number | undefined
  total?: number | undefined
  next?: string | undefined
}

/**
 * A list endpoint that answers `{ start, limit, total, [key]: [...] }` with include_totals, a
 * bare array without, and `{ [key]: [...], next? }` to checkpoint paging (`from`/`take`). Both come out as a page; the bare form says nothing about how many exist,
 * so `start`, `limit` and `total` are then undefined. (A transform before the check rather than a union, so a
 * mismatch names the field, e.g. `organizations.0.id`, not "invalid input".)
 */
function listPageSchema<K extends string, T extends z.ZodMiniType>(key: K, item: T) {
  const list = { [key]: z.array(item) } as Record<K, z.ZodMiniArray<T>>
  return z.pipe(
    z.transform((value: unknown): unknown => (Array.isArray(value) ? { [key]: value } : value)),
    z.looseObject({
      start: optional(z.number()),
      limit: optional(z.number()),
      total: optional(z.number()),
      /** Checkpoint paging's answers only: the `from` of the following page; absent on the last. */
      next: optional(z.string()),
      ...list,
    }),
  )
}

/** `GET /users/{id}/organizations` and `GET /organizations`. */
export const OrganizationsPageSchema = listPageSchema('organizations', OrganizationSchema)
export type OrganizationsPage = z.infer<typeof OrganizationsPageSchema>

/** A role (Auth0 RBAC) as an organization assigns it to a member. */
const RoleSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: optional(z.string()),
})
export type Role = z.infer<typeof RoleSchema>

/** `GET /organizations/{id}/members/{user_id}/roles`: the same two forms as memberships. */
export const MemberRolesPageSchema = listPageSchema('roles', RoleSchema)

/**
 * A member as `GET /organizations/{id}/members` lists them; `roles` (direct assignments only)
 * only when `fields` asks for them.
 */
const MemberSchema = z.looseObject({
  user_id: z.string(),
  email: optional(z.string()),
  picture: optional(z.string()),
  name: optional(z.string()),
  roles: optional(z.array(z.looseObject({ id: z.string(), name: z.string() }))),
})
export type Member = z.infer<typeof MemberSchema>

/** `GET /organizations/{id}/members`: the same two forms as memberships, under `members`. */
export const MembersPageSchema = listPageSchema('members', MemberSchema)
export type MembersPage = z.infer<typeof MembersPageSchema>

/** The Management API's error body: `{ statusCode, error, message, errorCode?, attributes? }`. */
export const ErrorBodySchema = z.looseObject({
  statusCode: optional(z.number()),
  error: optional(z.string()),
  message: z.string(),
  errorCode: optional(z.string()),
  attributes: optional(z.unknown()),
})
