/** Markup that is safe to embed as is: built by `html`, never from raw user input. */
export class SafeHtml {
  readonly value: string

  constructor(value: string) {
    this.value = value
  }

  toString(): string {
    return this.value
  }
}

export type HtmlValue = SafeHtml | string | number | false | null | undefined | readonly HtmlValue[]

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

/**
 * Template tag that escapes every interpolated value unless it is already `SafeHtml`, so echoing
 * a request value can't be forgotten. Arrays are concatenated; false, null and undefined render
 * nothing (handy for `${error && html`…`}`).
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, part, index) => out + render(values[index - 1]) + part))
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  if (value === false || value === null || value === undefined) return ''
  return escapeHtml(String(value))
}

/**
 * JSON to place inside a <script> element. HTML escaping would corrupt it, so instead the
 * characters that could end the element or confuse the parser become JSON unicode escapes.
 */
export function jsonForScript(value: unknown): SafeHtml {
  const json = JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return new SafeHtml(json)
}
