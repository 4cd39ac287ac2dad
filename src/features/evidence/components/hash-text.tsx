import { Code } from '@mantine/core'
import { Fragment } from 'react'

const GROUP = 16

/**
 * A SHA-256 in monospace that wraps only between groups of 16 hex digits on a narrow screen.
 * `<wbr>` adds no character, so a copied hash is still the 64 digits `sha256sum` prints.
 */
export function HashText({ hash }: { hash: string }) {
  const groups = hash.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? []
  return (
    <Code
      style={{
        whiteSpace: 'normal',
        overflowWrap: 'normal',
        fontSize: 'var(--mantine-font-size-xs)',
      }}
    >
      {groups.map((group, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {group}
        </Fragment>
      ))}
    </Code>
  )
}
