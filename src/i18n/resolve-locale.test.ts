import { describe, expect, it } from 'vitest'
import { localeFromAcceptLanguage, resolveLocale } from './resolve-locale'

describe('resolveLocale', () => {
  it('prefers the saved preference, then the cookie, then Russian', () => {
    expect(resolveLocale({ saved: 'ky', cookie: 'en' })).toBe('ky')
    expect(resolveLocale({ saved: null, cookie: 'en' })).toBe('en')
    expect(resolveLocale({ saved: 'de', cookie: undefined })).toBe('ru')
    expect(resolveLocale({ saved: undefined, cookie: undefined })).toBe('ru')
  })

  it('skips an unsupported saved value for a supported cookie', () => {
    expect(resolveLocale({ saved: 'de', cookie: 'ky' })).toBe('ky')
  })

  it('works from the saved preference alone (server-side callers without a cookie)', () => {
    expect(resolveLocale({ saved: 'en' })).toBe('en')
    expect(resolveLocale({})).toBe('ru')
  })
})

describe('Accept-Language on a first visit (no saved preference, no cookie)', () => {
  const first = (acceptLanguage: string | null) => resolveLocale({ saved: null, cookie: undefined, acceptLanguage })

  it('uses the language the browser asks for, regional variants included', () => {
    expect(first('ky-KG,ky;q=0.9')).toBe('ky')
    expect(first('en-US,en;q=0.9')).toBe('en')
    expect(first('ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('ru')
    expect(first('KY')).toBe('ky')
  })

  it('follows the q-values, not the order written, and skips languages we do not have', () => {
    expect(first('en;q=0.3, ky;q=0.8, ru;q=0.5')).toBe('ky')
    expect(first('de-DE,de;q=0.9,en;q=0.4')).toBe('en')
    expect(first('ky;q=0, en;q=0.2')).toBe('en')
    expect(first('fr, de;q=0.9, ru;q=0.1, en;q=0.05')).toBe('ru')
  })

  it('falls back to Russian for nothing we have, a wildcard, an empty or a malformed header', () => {
    expect(first('de-DE,de;q=0.9,fr;q=0.8')).toBe('ru')
    expect(first('*')).toBe('ru')
    expect(first('')).toBe('ru')
    expect(first(null)).toBe('ru')
    expect(first(';;;q=abc,@@@')).toBe('ru')
    expect(first('en;q=0')).toBe('ru')
    expect(first(`${'x-'.repeat(5000)}en`)).toBe('ru')
  })

  it('never outranks a saved preference or the cookie', () => {
    expect(resolveLocale({ saved: 'ru', cookie: 'en', acceptLanguage: 'ky' })).toBe('ru')
    expect(resolveLocale({ saved: null, cookie: 'en', acceptLanguage: 'ky' })).toBe('en')
    expect(resolveLocale({ saved: 'de', cookie: 'fr', acceptLanguage: 'ky,en;q=0.5' })).toBe('ky')
  })

  it('reads the language alone: a locale of ours inside a longer tag is matched by its language', () => {
    expect(localeFromAcceptLanguage('ky-Cyrl-KG')).toBe('ky')
    expect(localeFromAcceptLanguage('en-GB;q=0.9, uz;q=1')).toBe('en')
    expect(localeFromAcceptLanguage('uz, kk')).toBeNull()
  })
})
