import { describe, expect, it } from 'vitest'
import { foldSearchText } from '~/shared/fold-text'
import { snippetOf } from './inbox-search'

describe('foldSearchText', () => {
  it('lowers, and drops the marks of ё and the Kyrgyz ң, ө, ү, one code point for one', () => {
    expect(foldSearchText('Жаңы КӨЙНӨК Үй Ёлка Hello')).toBe('жаны койнок уй елка hello')
    for (const text of ['İstanbul', 'emoji 👋🏽 ok', 'ß']) expect([...foldSearchText(text)]).toHaveLength([...text].length)
  })
})

describe('snippetOf', () => {
  it('splits the original text around the folded match, with the original letters', () => {
    expect(snippetOf('Саламатсызбы, бул көйнөктүн баасы канча?', foldSearchText('койнок'))).toEqual({
      before: 'Саламатсызбы, бул ',
      match: 'көйнөк',
      after: 'түн баасы канча?',
    })
  })

  it('cuts long context with an ellipsis and folds line breaks into spaces', () => {
    const text = `${'а'.repeat(100)}\nискомое\n${'б'.repeat(200)}`
    const snippet = snippetOf(text, 'искомое')!
    expect(snippet.match).toBe('искомое')
    expect(snippet.before.startsWith('…')).toBe(true)
    expect(snippet.before.endsWith('а ')).toBe(true)
    expect(snippet.after.endsWith('…')).toBe(true)
    expect([...snippet.before].length).toBeLessThanOrEqual(42)
  })

  it('is null when the text does not hold the query', () => {
    expect(snippetOf('Здравствуйте', 'привет')).toBeNull()
  })
})
