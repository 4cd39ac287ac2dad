import { Fragment, type CSSProperties } from 'react'

/** After a `:` or `_`, where a scope name like `read:organization_member_roles` may break. */
const SCOPE_BREAK = /(?<=[:_])/
/** After a `|`, `@`, `.` or `/`, where a user id, an email or an organization id may break. */
const ID_BREAK = /(?<=[|@./])/

/**
 * Text that may break only after the characters `breakAfter` matches behind: to the browser an id
 * is one long word, and breaking it anywhere makes it unreadable and impossible to look up. The
 * `<wbr>`s add no text, so it reads and copies as written. `lastResort` still breaks a part too
 * long for the line on its own (overflow-wrap breaks only where no `<wbr>` fits).
 */
function BreakableText({
  children,
  breakAfter,
  lastResort = false,
}: {
  children: string
  breakAfter: RegExp
  lastResort?: boolean
}) {
  const style: CSSProperties = { overflowWrap: lastResort ? 'anywhere' : 'normal' }
  return (
    <span style={{ ...style, wordBreak: 'keep-all' }}>
      {children.split(breakAfter).map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  )
}

/** Text that holds scope names, breakable only after their `:` and `_`. */
export function ScopeText({ children }: { children: string }) {
  return <BreakableText breakAfter={SCOPE_BREAK}>{children}</BreakableText>
}

/**
 * A user id, email or organization id, breakable after its `|`, `@`, `.` and `/`
 * (`auth0|` / `6650a1f0…`, `pat.twin@` / `example.com`), and anywhere only when a part alone is
 * wider than its column.
 */
export function IdText({ children }: { children: string }) {
  return (
    <BreakableText breakAfter={ID_BREAK} lastResort>
      {children}
    </BreakableText>
  )
}
