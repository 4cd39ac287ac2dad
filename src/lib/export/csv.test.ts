import { describe, expect, test } from 'vitest'
import {
  escapeCsvField,
  neutraliseFormula,
  parseCsv,
  restoreNeutralised,
  serializeCsv,
  trusted,
  UTF8_BOM,
} from './csv'

describe('quoting and line ends (RFC 4180)', () => {
  test('ends every record with CRLF, the last one too', () => {
    expect(
      serializeCsv([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('a,b\r\nc,d\r\n')
  })

  test('leaves plain fields unquoted', () => {
    expect(escapeCsvField('Acme Logistics')).toBe('Acme Logistics')
    expect(escapeCsvField('')).toBe('')
  })

  test('quotes fields holding a comma, a quote, CR or LF and doubles inner quotes', () => {
    expect(escapeCsvField('Acme, Inc.')).toBe('"Acme, Inc."')
    expect(escapeCsvField('the "best" org')).toBe('"the ""best"" org"')
    expect(escapeCsvField('line 1\nline 2')).toBe('"line 1\nline 2"')
    expect(escapeCsvField('line 1\r\nline 2')).toBe('"line 1\r\nline 2"')
    expect(escapeCsvField('cr\ronly')).toBe('"cr\ronly"')
  })

  test('writes an empty record as an empty line', () => {
    expect(serializeCsv([['key', 'value'], [], ['a']])).toBe('key,value\r\n\r\na\r\n')
  })

  test('starts with the UTF-8 BOM only when asked', () => {
    expect(serializeCsv([['a']], { bom: true })).toBe(`${UTF8_BOM}a\r\n`)
    expect(serializeCsv([['a']])).toBe('a\r\n')
  })

  test('reads back what it writes, awkward fields included', () => {
    const records = [
      ['id', 'name', 'note'],
      ['org_1', 'Acme, Inc.', 'said "hi"\r\nthen left'],
      ['org_2', '', 'lf\nonly'],
      [],
      ['', ','],
    ]
    expect(
      parseCsv(
        serializeCsv(
          records.map((record) => record.map(trusted)),
          { bom: true },
        ),
      ),
    ).toEqual(records)
  })

  test('refuses CSV that ends inside a quoted field', () => {
    expect(() => parseCsv('a,"open\r\n')).toThrow(SyntaxError)
  })
})

describe('formula neutralisation (OWASP CSV injection)', () => {
  test.each([
    ['=', '=HYPERLINK("https://evil.example","click")'],
    ['+', "+1+cmd|' /C calc'!A0"],
    ['-', "-2+3+cmd|' /C calc'!A0"],
    ['@', '@SUM(1,1)'],
    ['TAB', '\t=1+1'],
    ['CR', '\r=1+1'],
  ])('prefixes a cell starting with %s with a quote', (_name, value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`)
  })

  test('neutralises a leading minus even on an ordinary negative number', () => {
    expect(neutraliseFormula('-5')).toBe("'-5")
  })

  test('neutralises a bare TAB or CR at the start even without a formula after it', () => {
    expect(neutraliseFormula('\tindented')).toBe("'\tindented")
    expect(neutraliseFormula('\rx')).toBe("'\rx")
  })

  test('neutralises a formula hidden behind leading whitespace', () => {
    expect(neutraliseFormula('  =1+1')).toBe("'  =1+1")
    expect(neutraliseFormula('\n@SUM(A1)')).toBe("'\n@SUM(A1)")
    expect(neutraliseFormula('\u00a0+1')).toBe("'\u00a0+1")
    expect(neutraliseFormula('\u3000-1')).toBe("'\u3000-1")
  })

  test('leaves text that only contains those characters later alone', () => {
    for (const value of ['a=b', 'x-1', 'jane@acme.com', ' plain', "'quoted", '', '5', '#1']) {
      expect(neutraliseFormula(value)).toBe(value)
    }
  })

  test('neutralises before quoting, so the quote prefix lands inside the quoted field', () => {
    expect(serializeCsv([['=1,2', '-"x"']])).toBe(`"'=1,2","'-""x"""\r\n`)
  })

  test('never neutralises trusted cells such as the header row', () => {
    expect(
      serializeCsv([
        [trusted('-id'), trusted('=name')],
        ['-id', '=name'],
      ]),
    ).toBe("-id,=name\r\n'-id,'=name\r\n")
  })
})

describe('reading neutralised cells back', () => {
  test('drops the quote neutralisation added, and only that one', () => {
    for (const value of ['=1+1', '-5', '  @x', '\tindented', "'quoted", 'plain', '', "'"]) {
      expect(restoreNeutralised(neutraliseFormula(value))).toBe(value)
    }
  })
})

describe('unicode', () => {
  test('survives UTF-8 encoding with the BOM and reads back unchanged', () => {
    const records = [
      ['name', 'display_name'],
      ['josé.núñez', '株式会社さくら 🌸'],
      ['Ωmega', 'שלום'],
    ]
    const bytes = new TextEncoder().encode(serializeCsv(records, { bom: true }))

    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf])
    // A BOM-aware reader (Excel, TextDecoder's default) drops it; the rest is the text as written.
    const decoded = new TextDecoder('utf-8').decode(bytes)
    expect(decoded.startsWith(UTF8_BOM)).toBe(false)
    expect(parseCsv(decoded)).toEqual(records)
    // Keeping the BOM in the text is fine too: the reader skips it.
    expect(parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes))).toEqual(records)
  })
})
