import { Fragment } from 'react'

/** After a `:` or `_`, where a scope name like `read:organization_member_roles` may break. */
const SCOPE_BREAK = /(?<=[:_])/

/**
 * Text that holds scope names, breakable only after their `:` and `_`: a scope is one long word to
 * the browser, and breaking it anywhere ("organizatio / n_member_roles") makes it unreadable and
 * impossible to look up. The `<wbr>`s add no text, so it reads and copies as written.
 */
export function ScopeText({ children }: { children: string }) {
  const parts = children.split(SCOPE_BREAK)
  return (
    <span style={{ overflowWrap: 'normal', wordBreak: 'keep-all' }}>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  )
}
