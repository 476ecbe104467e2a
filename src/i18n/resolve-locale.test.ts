import { describe, expect, it } from 'vitest'
import { resolveLocale } from './resolve-locale'

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
