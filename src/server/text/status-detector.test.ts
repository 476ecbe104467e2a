import { describe, expect, it } from 'vitest'
import { detectClientStatus, type StatusMessage } from './status-detector'
import { findStatusSignals } from './status-signals'

const NOW = new Date('2024-06-01T12:00:00Z')
const client = (body: string, day?: number): StatusMessage => ({
  body,
  fromClient: true,
  ...(day === undefined ? {} : { timestamp: new Date(Date.UTC(2024, 4, day, 10)) }),
})
const shop = (body: string, day?: number): StatusMessage => ({
  body,
  fromClient: false,
  ...(day === undefined ? {} : { timestamp: new Date(Date.UTC(2024, 4, day, 11)) }),
})
const status = (messages: StatusMessage[]) => detectClientStatus(messages, { now: NOW }).status

describe('detectClientStatus', () => {
  it('is NEW_LEAD without messages, or when only the client wrote', () => {
    expect(detectClientStatus([], { now: NOW })).toMatchObject({ status: 'NEW_LEAD', reasons: ['no messages yet'] })
    expect(status([client('Салам')])).toBe('NEW_LEAD')
    expect(detectClientStatus([client('Салам')], { now: NOW }).reasons).toContain('no reply from the business yet')
  })

  it('is CONTACTED once the business replied without buying signals', () => {
    expect(status([client('Салам'), shop('Здравствуйте! Чем можем помочь?')])).toBe('CONTACTED')
    expect(status([shop('Добрый день, у нас новая коллекция')])).toBe('CONTACTED')
  })

  it.each([
    ['ru interest', 'Меня интересует это платье'],
    ['ru price', 'Сколько стоит доставка?'],
    ['ru availability', 'Есть ли в наличии 42 размер?'],
    ['ky price', 'салам канчадан баасы'],
    ['ky price', 'канча турат?'],
    ['ky interest', 'кызыктым, сүрөтүн жибериңизчи'],
    ['ky need', 'мага кызыл түсү керек'],
    ['en price', 'How much is it?'],
    ['en interest', 'Do you have this in size M?'],
    ['asking how to order is interest', 'Как заказать?'],
    ['wanting to order is interest', 'Хочу заказать торт на субботу'],
    ['ky wanting to order', 'заказ бергим келет'],
  ])('is INTERESTED on %s: %s', (_why, body) => {
    expect(status([client(body), shop('Здравствуйте!')])).toBe('INTERESTED')
  })

  it.each([
    ['ru', 'А скидка будет?'],
    ['ru', 'Можно подешевле?'],
    ['ru', 'Дорого, а дешевле есть?'],
    ['ky', 'кымбат экен, арзандатып бериңиз'],
    ['en', 'Any discount if I buy three?'],
    ['en', "What's your best price?"],
  ])('is NEGOTIATION on haggling (%s): %s', (_language, body) => {
    expect(status([client('Сколько стоит?'), shop('1500 сом'), client(body)])).toBe('NEGOTIATION')
  })

  it.each([
    ['ru order', 'Оформляю заказ'],
    ['ru take', 'Хорошо, беру два'],
    ['ru paid', 'Я перевела, проверьте пожалуйста'],
    ['ru paid', 'Оплатила'],
    ['ky order', 'буйрутма бердим'],
    ['ky take', 'Жакшы, ушуну алам'],
    ['ky paid', 'төлөдүм, чекти жибердим'],
    ['ky paid, typed without ө ү', 'толодум'],
    ['ky transferred', 'акчаны мбанкка которуп жибердим'],
    ['en paid', 'I sent the money, please check'],
    ['en order', "Perfect, I'll take it"],
  ])('is CUSTOMER on %s: %s', (_why, body) => {
    expect(status([client('Сколько стоит?'), shop('1500 сом'), client(body)])).toBe('CUSTOMER')
  })

  it('is CUSTOMER when the business confirms the order or the payment', () => {
    expect(status([client('Сколько стоит?'), shop('Оплату получили, спасибо!')])).toBe('CUSTOMER')
    expect(status([client('Давайте'), shop('Ваш заказ оформлен')])).toBe('CUSTOMER')
  })

  it('counts an order and its payment as one purchase', () => {
    const result = detectClientStatus([client('Оформляю заказ', 1), shop('Номер карты 4169…', 1), client('Перевела', 1)], {
      now: new Date('2024-05-02T00:00:00Z'),
    })
    expect(result.status).toBe('CUSTOMER')
    expect(result.reasons).toContain('1 purchase found')
  })

  it('is REPEAT_CUSTOMER after a second purchase', () => {
    const messages = [
      client('Беру', 1),
      client('Оплатила', 1),
      shop('Спасибо за покупку!', 1),
      client('Хочу еще заказать такое же', 20),
      client('Перевела', 20),
    ]
    expect(detectClientStatus(messages, { now: new Date('2024-05-21T00:00:00Z') }).status).toBe('REPEAT_CUSTOMER')
  })

  it('is REPEAT_CUSTOMER for a paid order weeks after an earlier one, without repeat wording', () => {
    const messages = [client('Оплатил', 1), client('Оплатил', 25)]
    expect(detectClientStatus(messages, { now: new Date('2024-05-26T00:00:00Z') }).status).toBe('REPEAT_CUSTOMER')
  })

  it('is REPEAT_CUSTOMER when the client refers to an earlier purchase and orders again', () => {
    expect(status([client('Салам эже, как в прошлый раз, 2 кг'), shop('Хорошо'), client('Перевела')])).toBe('REPEAT_CUSTOMER')
    expect(status([client('дагы бир алам, мурункудай'), client('толодум')])).toBe('REPEAT_CUSTOMER')
  })

  it('takes the messages in time order, whatever order they come in', () => {
    const messages = [client('Перевела', 3), client('Не нужно, спасибо', 1), shop('1500 сом', 2)]
    expect(detectClientStatus(messages, { now: new Date('2024-05-04T00:00:00Z') }).status).toBe('CUSTOMER')
  })

  it.each([
    ['ru', 'Извините, передумала, не нужно'],
    ['ru', 'Не надо, спасибо'],
    ['ky', 'жок, керек эмес, рахмат'],
    ['en', 'No thanks, not interested'],
    ['en', 'Sorry, I changed my mind'],
  ])('is LOST when the client refuses (%s): %s', (_language, body) => {
    const result = detectClientStatus([client('Сколько стоит?'), shop('1500 сом'), client(body)], { now: NOW })
    expect(result.status).toBe('LOST')
    expect(result.reasons.some((reason) => reason.startsWith('refusal'))).toBe(true)
  })

  it('is LOST, less surely, when the last word is only "too expensive"', () => {
    const result = detectClientStatus([client('Сколько стоит?'), shop('5000 сом'), client('Дорого')], { now: NOW })
    expect(result.status).toBe('LOST')
    expect(result.confidence).toBeLessThan(0.7)
  })

  it('is not LOST when interest comes back after a refusal', () => {
    expect(status([client('Не нужно'), shop('Хорошо'), client('Хотя подождите, сколько стоит синее?')])).toBe('INTERESTED')
  })

  it('is LOST when an unpaid order is cancelled', () => {
    expect(status([client('Оформляю заказ'), shop('Принято'), client('Отмените заказ пожалуйста, передумал')])).toBe('LOST')
  })

  it('keeps a paying customer a customer when they decline an offer', () => {
    expect(status([client('Оплатила'), shop('Хотите ещё шарф?'), client('Нет, не нужно')])).toBe('CUSTOMER')
  })

  it('is INACTIVE after a long silence, saying what the client was before', () => {
    const result = detectClientStatus([client('Оплатила', 1)], { now: new Date('2024-12-01T00:00:00Z') })
    expect(result.status).toBe('INACTIVE')
    expect(result.reasons.some((reason) => /no messages for \d+ days \(was CUSTOMER\)/.test(reason))).toBe(true)
    expect(detectClientStatus([client('Оплатила', 1)], { now: new Date('2024-05-20T00:00:00Z') }).status).toBe('CUSTOMER')
    expect(detectClientStatus([client('Оплатила', 1)], { now: new Date('2024-06-10T00:00:00Z'), inactiveAfterDays: 30 }).status).toBe('INACTIVE')
  })

  it('does not turn a LOST client INACTIVE', () => {
    expect(detectClientStatus([client('Не нужно', 1)], { now: new Date('2025-01-01T00:00:00Z') }).status).toBe('LOST')
  })

  it('explains with quotes and the client language', () => {
    const { reasons, confidence } = detectClientStatus([client('Саламатсызбы, баасы канча турат?'), shop('1500 сом')], { now: NOW })
    expect(reasons.some((reason) => reason.startsWith('price question: «'))).toBe(true)
    expect(reasons.some((reason) => reason.startsWith('the client writes in ky'))).toBe(true)
    expect(confidence).toBeGreaterThan(0)
    expect(confidence).toBeLessThanOrEqual(0.95)
  })

  it('never throws on odd input', () => {
    expect(detectClientStatus(null as unknown as StatusMessage[]).status).toBe('NEW_LEAD')
    const odd = [null, { body: null, fromClient: true }, { body: 42, fromClient: 'yes' }, { body: 'ok', fromClient: true, timestamp: new Date('x') }]
    expect(() => detectClientStatus(odd as unknown as StatusMessage[], { now: NOW })).not.toThrow()
  })
})

describe('findStatusSignals', () => {
  it('does not read "не хочу" or "не интересует" as interest', () => {
    expect(findStatusSignals('Не интересует', true).map((signal) => signal.kind)).toEqual(['refusal'])
    expect(findStatusSignals('не хочу', true).some((signal) => signal.kind === 'interest')).toBe(false)
  })

  it('ignores "thanks again" and "repeat the address" as repeat orders', () => {
    expect(findStatusSignals('Ещё раз спасибо!', true).some((signal) => signal.kind === 'repeat')).toBe(false)
    expect(findStatusSignals('Повторите адрес, пожалуйста', true).some((signal) => signal.kind === 'repeat')).toBe(false)
    expect(findStatusSignals('Хочу повторить заказ', true).some((signal) => signal.kind === 'repeat')).toBe(true)
  })

  it('reads business confirmations only from the business', () => {
    expect(findStatusSignals('Оплату получили', false).map((signal) => signal.kind)).toEqual(['paymentConfirmed'])
    expect(findStatusSignals('Оплату получили?', true).some((signal) => signal.kind === 'paymentConfirmed')).toBe(false)
  })
})
