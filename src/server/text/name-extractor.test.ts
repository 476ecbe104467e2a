import { describe, expect, it } from 'vitest'
import { cleanNameCandidate, extractBestName, findSelfIntroduction, formatPersonName } from './name-extractor'

describe('extractBestName', () => {
  it('prefers a saved contact name', () => {
    expect(extractBestName('Айгуль Асанова', ['Меня зовут Айка'], 'Aika')).toBe('Айгуль Асанова')
  })

  it('falls back to a self-introduction, then to the push name', () => {
    expect(extractBestName(null, ['Здравствуйте', 'Меня зовут Эрмек, хочу заказать'], 'Ermek KG')).toBe('Эрмек')
    expect(extractBestName(undefined, ['Салам, канча турат?'], 'Ermek KG')).toBe('Ermek KG')
    expect(extractBestName('', [], null)).toBeNull()
  })

  it('skips a contact "name" that is a phone number, emoji or placeholder', () => {
    expect(extractBestName('+996 555 123 456', 'менин атым Бакыт', null)).toBe('Бакыт')
    expect(extractBestName('🌸🌸', [], '~ Айгерим')).toBe('Айгерим')
    expect(extractBestName('~', [], '.')).toBeNull()
    expect(extractBestName('.', 'my name is dana', '+996700111222')).toBe('Dana')
  })

  it('accepts a single message as a string', () => {
    expect(extractBestName(null, 'Меня зовут Нурлан')).toBe('Нурлан')
  })
})

describe('findSelfIntroduction', () => {
  it.each([
    ['Меня зовут Айгуль', 'Айгуль'],
    ['меня зовут айгуль, хочу заказать', 'Айгуль'],
    ['Здравствуйте! Меня зовут Айгуль Асанова. Можно узнать цену?', 'Айгуль Асанова'],
    ['меня зовут айгуль асанова', 'Айгуль Асанова'],
    ['меня зовут айгуль хочу платье', 'Айгуль'],
    ['Моё имя — Дамир', 'Дамир'],
    ['Я — Жылдыз, звонила вчера', 'Жылдыз'],
    ['Это Айгерим, я вчера брала платье', 'Айгерим'],
    ['Салам, я Мирлан', 'Мирлан'],
    ['менин атым Бакыт', 'Бакыт'],
    ['Саламатсызбы, атым Гүлнара', 'Гүлнара'],
    ['Мен Айгерим, заказ берейин деп жатам', 'Айгерим'],
    ['Азамат уулу Бакыт', null],
    ['my name is Dana Smith', 'Dana Smith'],
    ['hi, my name is john and I need a cake', 'John'],
    ['Hello, this is Mike from the hotel', 'Mike'],
    ["Hi! I'm Sara", 'Sara'],
    ['call me Bek', 'Bek'],
  ])('%s → %s', (text, name) => {
    expect(findSelfIntroduction([text])).toBe(name)
  })

  it.each([
    'Я хочу заказать',
    'Это оригинал?',
    'Это Дорого',
    "I'm interested",
    'I am looking for a dress',
    'Мен Бишкекте турам',
    'Мен Оштон жазып жатам',
    'Это Ош базар?',
    'Это Дордой?',
    'Привет. Это Мой заказ?',
    'I am Good',
    'this is the one?',
    'меня зовут 😊',
    'меня зовут ~',
    'Я - клиент',
    '',
  ])('finds no name in %j', (text) => {
    expect(findSelfIntroduction([text])).toBeNull()
  })

  it('reads messages in order and takes the first introduction', () => {
    expect(findSelfIntroduction(['привет', 'меня зовут Аня', 'my name is Bob'])).toBe('Аня')
  })

  it('is null for values that are not messages', () => {
    expect(findSelfIntroduction(null as unknown as string[])).toBeNull()
    expect(findSelfIntroduction([null, 42] as unknown as string[])).toBeNull()
  })
})

describe('cleanNameCandidate', () => {
  it.each([
    ['айгуль', 'Айгуль'],
    ['АЙГУЛЬ АСАНОВА', 'Айгуль Асанова'],
    ['  Бакыт\u00a0 Ош  ', 'Бакыт Ош'],
    ['\u202aАйгерим\u202c', 'Айгерим'],
    ['Айгерим 🌸', 'Айгерим'],
    ['~\u00a0Нурлан', 'Нурлан'],
    ['Азамат 0555 123 456', 'Азамат'],
    ['анна-мария', 'Анна-Мария'],
    ['McDonald', 'McDonald'],
    ['бакыт уулу азамат', 'Бакыт уулу Азамат'],
    ["o'connor", "O'Connor"],
  ])('%j → %j', (raw, name) => {
    expect(cleanNameCandidate(raw)).toBe(name)
  })

  it.each([
    null,
    undefined,
    '',
    '~',
    '.',
    '...',
    '-',
    '+996 555 123 456',
    '996555123456',
    '😀😀',
    '👍',
    'Unknown',
    'Без имени',
    'https://shop.kg',
    'a@b.kg',
    'А',
    '12',
    'x'.repeat(80),
    'один два три четыре пять шесть',
  ])('%j is not a name', (raw) => {
    expect(cleanNameCandidate(raw)).toBeNull()
  })
})

describe('formatPersonName', () => {
  it('keeps mixed case and capitalizes lower-case words only', () => {
    expect(formatPersonName('Айгуль эже')).toBe('Айгуль Эже')
    expect(formatPersonName('DiCaprio')).toBe('DiCaprio')
  })
})
