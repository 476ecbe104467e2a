import { describe, expect, it } from 'vitest'
import { nextPreferredLanguage, tallyLanguageVotes } from './client-language'
import { KYRGYZ_CLIENT_MESSAGES as KYRGYZ } from '../../testing/language-samples'

describe('a client’s language from many messages', () => {
  it('ten Kyrgyz messages and then "ok": stays Kyrgyz, 10 of 11', () => {
    const votes = tallyLanguageVotes(['ok', ...KYRGYZ])
    expect(votes.leader).toBe('ky')
    expect(votes.counts.ky).toBe(10)
    expect(votes.sampled).toBe(11)
    expect(nextPreferredLanguage('ky', votes)).toBe('ky')
    expect(nextPreferredLanguage(null, votes)).toBe('ky')
  })

  it('one short or shared word sets nothing and changes nothing', () => {
    for (const text of ['ok', 'рахмат', 'да', '👍']) {
      expect(nextPreferredLanguage(null, tallyLanguageVotes([text])), text).toBeNull()
      expect(nextPreferredLanguage('ky', tallyLanguageVotes([text])), text).toBe('ky')
    }
  })

  it('one clear sentence sets a first language', () => {
    expect(nextPreferredLanguage(null, tallyLanguageVotes(['Здравствуйте, сколько стоит доставка до Оша?']))).toBe('ru')
  })

  it('one Russian message among Kyrgyz ones does not flip a Kyrgyz client', () => {
    expect(nextPreferredLanguage('ky', tallyLanguageVotes(['Сколько стоит доставка?', ...KYRGYZ.slice(0, 4)]))).toBe('ky')
    expect(nextPreferredLanguage('ky', tallyLanguageVotes(['Здравствуйте, сколько стоит доставка?', 'ok']))).toBe('ky')
  })

  it('changes when the recent messages clearly and repeatedly say so', () => {
    const russian = ['Здравствуйте, есть в наличии 42 размер?', 'Сколько стоит доставка до Оша?', 'Хорошо, беру два', 'Спасибо, жду звонка']
    expect(nextPreferredLanguage('ky', tallyLanguageVotes([...russian, 'Рахмат']))).toBe('ru')
  })

  it('an even mix changes nothing', () => {
    const mixed = tallyLanguageVotes(['Сколько стоит доставка?', 'Канча турат?', 'Хорошо, беру', 'Жакшы, алам'])
    expect(nextPreferredLanguage('ru', mixed)).toBe('ru')
  })
})
