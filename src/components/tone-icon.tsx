import type { ReactNode } from 'react'
import type { Tone } from '@/lib/management-api/describe-failure'
import { LineIcon } from './line-icon'

const ICON_PATHS: Record<Tone, ReactNode> = {
  input: (
    <>
      <path d="M12 9v4" />
      <path d="M10.3 3.9 2.5 17.5A2 2 0 0 0 4.2 20.5h15.6a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
      <path d="M12 17h.01" />
    </>
  ),
  access: (
    <>
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </>
  ),
  wait: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </>
  ),
  info: (
    <>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-4-4" />
      <path d="M8.5 8.5l5 5M13.5 8.5l-5 5" />
    </>
  ),
  failure: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 8v5" />
      <path d="M12 16h.01" />
    </>
  ),
}

/** The alert's icon for a failure's tone: a warning, a lock, a clock, a lookup, a failure. */
export function ToneIcon({ tone }: { tone: Tone }) {
  return <LineIcon size={20}>{ICON_PATHS[tone]}</LineIcon>
}
