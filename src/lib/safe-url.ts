/**
 * An image URL from the tenant (a logo, a profile picture) if the browser may load it: `https:`
 * only. `javascript:`, `data:` (an SVG can carry script), plain `http:` and protocol-relative URLs
 * are never used as an image source: whoever edits the tenant's data must not make the admin's
 * browser call arbitrary hosts or run anything.
 */
export function safeImageUrl(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value)
    return url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}
