// Branding comes from the tenant, so from whoever can edit an organization: every value is checked
// before it reaches an attribute or a style. Nothing here builds markup.

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i

/**
 * The colour if it is a plain `#rgb` / `#rrggbb` value, the only form allowed into a style:
 * anything else (`red;background:url(…)`, `expression(…)`) is shown as text, never as CSS.
 */
export function safeHexColor(value: string | undefined): string | undefined {
  return value !== undefined && HEX_COLOR.test(value) ? value : undefined
}

const WORD_START = /[\p{L}\p{N}]/u

/** "Acme Logistics" → "AL", "株式会社さくら" → "株", "<script>" → "S"; "?" when nothing is readable. */
export function initialsOf(name: string): string {
  const initials = name
    .split(/\s+/)
    .map((word) => Array.from(word).find((char) => WORD_START.test(char)))
    .filter((char): char is string => char !== undefined)
    .slice(0, 2)
    .join('')
  return initials.toLocaleUpperCase() || '?'
}

const DISC_COLORS = ['blue', 'cyan', 'grape', 'green', 'indigo', 'orange', 'pink', 'teal', 'violet']

/** A Mantine colour picked from the text, so an organization keeps its colour across visits. */
export function discColorOf(text: string): string {
  let hash = 0
  for (let index = 0; index < text.length; index++) {
    hash = (hash * 31 + text.charCodeAt(index)) | 0
  }
  return DISC_COLORS[Math.abs(hash) % DISC_COLORS.length] ?? 'gray'
}
