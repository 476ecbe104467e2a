import { describe, expect, it } from 'vitest'
import en from '../../messages/en.json'
import ky from '../../messages/ky.json'
import ru from '../../messages/ru.json'

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
  }
  return [prefix]
}

describe('locales', () => {
  it('every message exists in Russian, English and Kyrgyz', () => {
    const ruKeys = keys(ru).sort()
    expect(keys(en).sort()).toEqual(ruKeys)
    expect(keys(ky).sort()).toEqual(ruKeys)
  })

  it('no message is left empty', () => {
    for (const messages of [ru, en, ky]) {
      const empty = keys(messages).filter((k) => {
        const value = k.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages)
        return typeof value !== 'string' || value.trim() === ''
      })
      expect(empty).toEqual([])
    }
  })
})
