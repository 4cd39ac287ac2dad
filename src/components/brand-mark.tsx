import { Box } from '@mantine/core'

/** The Orgscope logo: a lens over three linked nodes (a user and their organizations). */
function LogoGlyph({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-primary-color-filled)" />
      <circle cx="14" cy="14" r="7.5" fill="none" stroke="#fff" strokeWidth="2.5" />
      <path d="M19.5 19.5 25 25" stroke="#fff" strokeWidth="2.75" strokeLinecap="round" />
      <circle cx="14" cy="11" r="1.9" fill="#fff" />
      <circle cx="10.8" cy="16.2" r="1.9" fill="#fff" />
      <circle cx="17.2" cy="16.2" r="1.9" fill="#fff" />
    </svg>
  )
}

const SIZES = {
  md: { glyph: 28, font: 'var(--mantine-font-size-lg)', gap: 8 },
  xl: { glyph: 44, font: '2rem', gap: 12 },
} as const

/**
 * Logo and product name, as inline content so it can sit inside a heading or a link. The name is
 * real text: it is what screen readers and tests read.
 */
export function BrandMark({ size = 'md' }: { size?: keyof typeof SIZES }) {
  const { glyph, font, gap } = SIZES[size]
  return (
    <Box
      component="span"
      style={{ display: 'inline-flex', alignItems: 'center', gap, verticalAlign: 'middle' }}
    >
      <LogoGlyph size={glyph} />
      <Box component="span" fw={700} fz={font} lh={1} c="var(--mantine-color-text)">
        Orgscope
      </Box>
    </Box>
  )
}
