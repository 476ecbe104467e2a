import { describe, expect, it } from 'vitest'
import { latinToCyrillic } from './transliteration'

describe('latinToCyrillic', () => {
  it.each([
    ['baasy', 'баасы'],
    ['jetkiresizbi', 'жеткиресизби'],
    ['zhakshy', 'жакшы'],
    ['tüshündüm', 'тушундум'],
    ['koyunguzchu', 'коюнузчу'],
    ['pojaluysta', 'пожалуйста'],
    ['dobryy', 'добрый'],
    ['seychas', 'сейчас'],
    ['eje', 'эже'],
  ])('%s reads as %s (folded)', (latin, cyrillic) => {
    expect(latinToCyrillic(latin)).toContain(cyrillic)
  })

  it('gives no reading for unknown letters, other scripts or overlong words', () => {
    expect(latinToCyrillic('ñandú₂')).toEqual([])
    expect(latinToCyrillic('čaj')).toEqual([])
    expect(latinToCyrillic('a'.repeat(31))).toEqual([])
  })
})
