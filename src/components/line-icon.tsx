import type { CSSProperties, ReactNode } from 'react'

/**
 * A decorative stroked icon (24×24 grid, 2 px lines), hidden from assistive technology: the
 * control it sits in carries the name. Inline SVG instead of an icon library for a handful of
 * icons.
 */
export function LineIcon({
  size = 14,
  style,
  children,
}: {
  size?: number
  style?: CSSProperties
  children: ReactNode
}) {
  return (
    <svg
      style={style}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}

/** Two sheets, or a tick once the text is on the clipboard. */
export function CopyIcon({ copied }: { copied: boolean }) {
  return (
    <LineIcon>
      {copied ? (
        <path d="M5 12l5 5L20 7" />
      ) : (
        <>
          <rect x="9" y="9" width="11" height="11" rx="2" />
          <path d="M5 15V6a2 2 0 0 1 2-2h9" />
        </>
      )}
    </LineIcon>
  )
}

/** A box with an arrow leaving it: the link opens another site, in a new tab. */
export function ExternalIcon({ size }: { size?: number }) {
  return (
    <LineIcon size={size}>
      <path d="M15 3h6v6" />
      <path d="M10 14 21 3" />
      <path d="M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6" />
    </LineIcon>
  )
}
