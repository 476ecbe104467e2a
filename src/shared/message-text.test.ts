import { describe, expect, it } from 'vitest'
import { cleanMessageText, removeUnstorable } from './message-text'

describe('cleanMessageText', () => {
  it.each([
    ['NUL inside', 'Сал\u0000ам', 'Салам'],
    ['NUL only', '\u0000\u0000', ''],
    ['a lone high surrogate', 'a\uD83Db', 'ab'],
    ['a lone low surrogate', 'a\uDE00b', 'ab'],
    ['a lone surrogate at the end', 'цена\uD83D', 'цена'],
    ['two high surrogates, then a pair', '\uD83D\uD83D\uDE00', '\uD83D\uDE00'],
    ['CRLF', 'строка 1\r\nстрока 2', 'строка 1\nстрока 2'],
    ['CR alone', 'a\rb\r', 'a\nb\n'],
    ['CR CR LF', 'a\r\r\nb', 'a\n\nb'],
    ['NUL between CR and LF', 'a\r\u0000\nb', 'a\nb'],
  ])('%s', (_name, input, expected) => {
    expect(cleanMessageText(input)).toBe(expected)
  })

  it.each([
    ['plain Latin', 'Hello, world!'],
    ['Cyrillic and Kyrgyz letters', 'Саламатсызбы! Баасы канча? Өңү, үй, ңыз'],
    ['emoji', 'Спасибо 🙏😀👍🏽'],
    ['a ZWJ family and a flag', '👨‍👩‍👧‍👦 🏳️‍🌈 🇰🇬'],
    ['right-to-left Arabic and Hebrew with marks', 'مرحبا بكم \u200Fשלום\u200E'],
    ['combining marks (decomposed é, Zalgo)', 'e\u0301 Z\u0351\u0359a\u0327'],
    ['LF line breaks and tabs', 'a\nb\tc\n\n'],
    ['other control characters and BOM', '\u0001\u001B[0m\uFEFF\u00A0\u2028'],
    ['leading and trailing spaces', '  отступ  '],
    ['the replacement character', '\uFFFD'],
    ['an empty text', ''],
  ])('keeps %s byte for byte', (_name, input) => {
    expect(cleanMessageText(input)).toBe(input)
    expect(Buffer.from(cleanMessageText(input), 'utf8').equals(Buffer.from(input, 'utf8'))).toBe(true)
  })

  it('always gives text PostgreSQL stores (no NUL, well-formed UTF-16)', () => {
    const hostile = 'x\u0000\uD800\uDFFF\uDC00\uD800y\r\n'
    const cleaned = cleanMessageText(hostile)
    expect(cleaned).toBe('x\uD800\uDFFFy\n')
    expect(cleaned.includes('\u0000')).toBe(false)
    // Well-formed UTF-16: it survives a round trip through UTF-8 unchanged.
    expect(Buffer.from(cleaned, 'utf8').toString('utf8')).toBe(cleaned)
  })
})

describe('removeUnstorable', () => {
  it('removes NUL and lone surrogates but keeps line endings', () => {
    expect(removeUnstorable('Ай\u0000гүл\r\n\uDE00')).toBe('Айгүл\r\n')
  })
})
