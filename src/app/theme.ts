import {
  createTheme,
  darken,
  luminance,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core'

/**
 * One primary colour carries every action (Sign in, links, the focus ring); everything else stays
 * neutral so status colours (red errors, yellow rate limits) stand out in an admin tool.
 * Shade 7, not Mantine's 6: indigo 6 under white text (and as link text) is 4.3:1, below WCAG AA;
 * in the dark theme shade 8, not 4: white on indigo 4 is 3.0:1.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace:
    'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '650' },
})

/** WCAG 2.1 AA for normal-size text (1.4.3). */
const AA_TEXT_CONTRAST = 4.5

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/**
 * The first of `shades` that reads at AA on `background`, else the last one darkened until it
 * does.
 */
function readableOn(background: string, shades: readonly string[]): string {
  const found = shades.find((shade) => contrast(shade, background) >= AA_TEXT_CONTRAST)
  if (found) return found
  const darkest = shades.at(-1) ?? '#000000'
  for (let amount = 0.05; amount < 1; amount += 0.05) {
    const darker = darken(darkest, amount)
    if (contrast(darker, background) >= AA_TEXT_CONTRAST) return darker
  }
  return '#000000'
}

function readableColorVariables(name: string, shades: MantineColorsTuple): Record<string, string> {
  return {
    // Coloured text on the page (`c="orange"`, CSS `--mantine-color-orange-text`).
    [`--mantine-color-${name}-text`]: readableOn('#ffffff', shades.slice(6)),
    // Text of `variant="light"` (alerts, avatar initials) on its shade-1 background.
    [`--mantine-color-${name}-light-color`]: readableOn(shades[1], shades.slice(7)),
  }
}

/**
 * Behind the cards and the table: a shade off the body colour in either scheme, so white (or
 * dark 7) surfaces stand out. Used as `var(--orgscope-page-background)` wherever a page is laid.
 */
const PAGE_BACKGROUND = '--orgscope-page-background'

/**
 * Mantine's light-scheme defaults put some text below 4.5:1: `dimmed` (gray 6, 3.3:1 on white),
 * and the light variant's shade 9 on shade 1 for orange, yellow, teal, green and lime (2.7–4.3:1).
 * These variables keep Mantine's look but give every text colour at least AA contrast.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    [PAGE_BACKGROUND]: 'var(--mantine-color-gray-0)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      Object.entries(resolved.colors).flatMap(([name, shades]) =>
        Object.entries(readableColorVariables(name, shades)),
      ),
    ),
  },
  dark: {
    [PAGE_BACKGROUND]: 'var(--mantine-color-dark-8)',
    // Mantine's dark 2 is 4.0:1 on a dark 6 card; dark 1 reads at 7:1.
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
  },
})
