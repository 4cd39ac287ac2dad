import { describe, expect, it } from 'vitest'
import { escapeHtml, html, jsonForScript } from './html'

describe('html', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })

  it('escapes interpolated strings but keeps nested html and skips empty values', () => {
    const name = '<b>Eve</b>'
    const result = html`<p>${name}${html`<br />`}${false}${undefined}${[1, '&']}</p>`

    expect(result.value).toBe('<p>&lt;b&gt;Eve&lt;/b&gt;<br />1&amp;</p>')
  })

  it('keeps JSON for a script element from closing it', () => {
    const json = jsonForScript({ state: '</script><!--\u2028&' }).value

    expect(json).not.toMatch(/[<>&\u2028]/)
    expect(JSON.parse(json)).toEqual({ state: '</script><!--\u2028&' })
  })
})
