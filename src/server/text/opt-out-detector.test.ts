import { describe, expect, it } from 'vitest'
import { detectOptOut, optOutWords } from './opt-out-detector'

describe('detectOptOut', () => {
  it.each([
    ['ru', 'стоп'],
    ['ru', 'Стоп'],
    ['ru', 'СТОП!!!'],
    ['ru', 'стооооп'],
    ['ru', 'отпишите'],
    ['ru', 'Отпишите меня пожалуйста'],
    ['ru', 'отписаться'],
    ['ru', 'Как отписаться от рассылки?'],
    ['ru', 'отпишитесь'],
    ['ru', 'не пишите больше'],
    ['ru', 'Больше не пишите мне!'],
    ['ru', 'не пишите мне'],
    ['ru', 'ни пишите больше'],
    ['ru', 'не присылайте больше сообщения'],
    ['ru', 'хватит писать'],
    ['ru', 'Удалите меня из списка'],
    ['ru', 'otpishite'],
    ['ru', 'стоп спасибо'],
    ['ky', 'жазбаңыз'],
    ['ky', 'Жазбаныз'],
    ['ky', 'жазбагыла'],
    ['ky', 'мага башка жазбаңыз'],
    ['ky', 'мындан ары жазбаңыз, рахмат'],
    ['ky', 'жибербеңиз'],
    ['ky', 'zhazbanyz'],
    ['en', 'stop'],
    ['en', 'STOP!!!'],
    ['en', 'stop pls'],
    ['en', 'Please stop'],
    ['en', 'stop messaging me'],
    ['en', 'unsubscribe'],
    ['en', 'UNSUBSCRIBE'],
    ['en', 'unsubcribe me'],
    ['en', 'opt out'],
    ['en', "don't text me anymore"],
    ['en', 'do not message me'],
    ['en', 'remove me from your list'],
  ])('%s opt-out: %s', (language, text) => {
    expect(detectOptOut(text)).toMatchObject({ optOut: true, language })
  })

  it.each([
    'не могу остановиться на выборе',
    'stopка',
    'автостоп',
    'Стоп-кран',
    'стоп, а сколько стоит доставка до Оша?',
    'Почему вы не пишите ответ на мой вопрос?',
    'вы мне не пишете',
    'напишите пожалуйста',
    'пишите в любое время',
    'Здравствуйте, сколько стоит?',
    'жазып коюңуз',
    'жазыңыз',
    'Don’t stop the offers, I like them, send more about shoes and bags please',
    'bus stop near your shop?',
    'where is the stop',
    'stopped by yesterday',
    'unsubscribed? no, I want to order',
    '',
    '🙏',
    'Спасибо, всё получила',
  ])('not an opt-out: %s', (text) => {
    expect(detectOptOut(text).optOut).toBe(false)
  })

  it('names the phrase that matched', () => {
    expect(detectOptOut('Больше не пишите мне!')).toEqual({ optOut: true, phrase: 'больше не пишите', language: 'ru' })
  })

  it('splits words, keeps inner hyphens and squashes repeated letters', () => {
    expect(optOutWords('СТООП!!! stop-кран, pls')).toEqual(['стоп', 'stop-кран', 'pls'])
  })
})
