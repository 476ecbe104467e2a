import { describe, expect, it } from 'vitest'
import { detectCulturalContext } from './cultural-context-detector'

describe('detectCulturalContext: formality', () => {
  it.each([
    ['ky', 'Саламатсызбы, сизде бул көйнөк барбы?', 'formal'],
    ['ky', 'бугун жеткирип бересизби?', 'formal'],
    ['ky', 'сүрөтүн жибериниз', 'formal'],
    ['ky', 'сен эртең келесинби?', 'informal'],
    ['ky', 'кандайсың досум', 'informal'],
    ['ru', 'Здравствуйте, подскажите, у вас есть доставка?', 'formal'],
    ['ru', 'Отправьте, пожалуйста, фото', 'formal'],
    ['ru', 'привет, ты сегодня работаешь?', 'informal'],
    ['ru', 'скинь фотку плиз', 'informal'],
    ['en', 'Dear Sir, could you send the invoice?', 'formal'],
    ['en', 'hey bro u open?', 'informal'],
    ['en', 'Size M', 'neutral'],
    ['ru', 'Размер 42', 'neutral'],
  ])('%s %j → %s', (language, text, formality) => {
    expect(detectCulturalContext(text, language).formality).toBe(formality)
  })
})

describe('detectCulturalContext: greetings', () => {
  it.each([
    ['Ассаламу алейкум, эже', 'Ассаламу алейкум', true],
    ['Ассалому алейкум!', 'Ассаламу алейкум', true],
    ['Салам алейкум брат', 'Ассаламу алейкум', true],
    ['Assalomu alaykum', 'Ассаламу алейкум', true],
    ['Ваалейкум ассалам', 'Ваалейкум ассалам', true],
    ['Саламатсызбы', 'Саламатсызбы', false],
    ['саламатсынбы', 'Саламатсыңбы', false],
    ['Салам, канча турат?', 'Салам', false],
    ['Здравствуйте!', 'Здравствуйте', false],
    ['здрасте', 'Здравствуйте', false],
    ['Добрый вечер', 'Добрый вечер', false],
    ['Привет', 'Привет', false],
    ['Hi, how much?', 'Hi', false],
    ['Hello there', 'Hello', false],
    ['Good morning!', 'Good day', false],
    ['Сколько стоит?', null, false],
    ['this is hip', null, false],
  ])('%j → %s', (text, greeting, religious) => {
    const context = detectCulturalContext(text, '')
    expect(context.greeting).toBe(greeting)
    expect(context.religiousGreeting).toBe(religious)
  })

  it('takes the first greeting in the message', () => {
    expect(detectCulturalContext('Здравствуйте, салам', 'ru').greeting).toBe('Здравствуйте')
  })
})

describe('detectCulturalContext: address terms', () => {
  it('lists terms in order, once each, in their usual form', () => {
    expect(detectCulturalContext('Эже, байке айтты, эжеке', 'ky').addressTerms).toEqual(['эже', 'байке'])
    expect(detectCulturalContext('Салам брат, братан', 'ru').addressTerms).toEqual(['брат'])
    expect(detectCulturalContext('Агай, сиңди экөөбүз келебиз', 'ky').addressTerms).toEqual(['агай', 'сиңди'])
  })

  it('does not take "дорогая сумка" for an address', () => {
    expect(detectCulturalContext('Это дорогая сумка', 'ru').addressTerms).toEqual([])
    expect(detectCulturalContext('Спасибо, дорогая!', 'ru').addressTerms).toEqual(['дорогая/дорогой'])
  })
})

describe('detectCulturalContext: notes', () => {
  it('tells the operator to answer a religious greeting and to use Сиз', () => {
    const context = detectCulturalContext('Ассаламу алейкум, эже! Сизде жаңы келген кийимдер барбы?', 'ky')
    expect(context.notes).toContain('answer the religious greeting with Ваалейкум ассалам')
    expect(context.notes).toContain('reply formally with Сиз')
    expect(context.notes).toContain('the client calls the operator эже (older sister): answer warmly and respectfully')
    expect(context.notes).toContain('reply in Kyrgyz if you can; Russian is usually fine too')
  })

  it('suggests the formal greeting back for an informal one', () => {
    expect(detectCulturalContext('саламатсыңбы', 'ky').notes).toContain('greet back with Саламатсызбы')
  })

  it('uses Вы for Russian and a formal tone for English', () => {
    expect(detectCulturalContext('Здравствуйте, у вас есть доставка?', 'ru').notes).toContain('reply formally with Вы')
    expect(detectCulturalContext('Could you send the price, please?', 'en').notes).toContain('reply in a polite, formal tone')
  })

  it('warns to stay polite with an informal client', () => {
    const notes = detectCulturalContext('привет, ты тут?', 'ru').notes
    expect(notes.some((note) => note.startsWith('the client writes informally'))).toBe(true)
  })

  it('detects the language itself when it is not given', () => {
    expect(detectCulturalContext('Саламатсызбы, баасы канча?', 'und').notes).toContain('reply formally with Сиз')
    expect(detectCulturalContext('Hello, do you deliver?', '').notes).toContain('reply in English')
  })

  it('still reads Сиз/сен when the language is unknown', () => {
    expect(detectCulturalContext('Сиз?', 'xx').formality).toBe('formal')
    expect(detectCulturalContext('сен?', 'xx').formality).toBe('informal')
  })

  it('has no notes for an empty message and never throws', () => {
    expect(detectCulturalContext('', 'ru')).toEqual({
      formality: 'neutral',
      greeting: null,
      religiousGreeting: false,
      addressTerms: [],
      notes: [],
    })
    expect(() => detectCulturalContext(null as unknown as string, null as unknown as string)).not.toThrow()
  })
})
