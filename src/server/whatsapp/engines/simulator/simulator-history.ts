/**
 * The chat history the simulated WhatsApp Web shows to a history import when a test or demo has not
 * set its own: private chats in Russian, Kyrgyz (with and without ң/ө/ү) and English, contacts with
 * and without saved names, a hidden-number (@lid) contact, media, and a group the import must skip.
 * Deterministic: the same ids every time, so importing twice finds duplicates.
 */
import type { WaRawMessage } from '../../engine/types'

export interface SimChat {
  id: string
  name?: string
  isGroup: boolean
  messages: WaRawMessage[]
}

type Line = [fromMe: boolean, body: string, type?: WaRawMessage['type']]

const DAY = 86_400

function chat(id: string, name: string | undefined, startDaysAgo: number, lines: Line[], now: number, isGroup = false): SimChat {
  const start = now - startDaysAgo * DAY
  return {
    id,
    ...(name ? { name } : {}),
    isGroup,
    messages: lines.map(([fromMe, body, type = 'text'], i) => ({
      id: `${fromMe}_${id}_HIST${String(i).padStart(3, '0')}`,
      from: fromMe ? 'me@c.us' : id,
      to: fromMe ? id : 'me@c.us',
      body,
      timestamp: start + i * 3_600 + (i % 3) * 600,
      fromMe,
      isStatus: false,
      isGroup,
      hasMedia: type !== 'text',
      type,
    })),
  }
}

/** A fixed "now" keeps timestamps (and so dedup keys and ordering) stable within a day's demo. */
export function defaultSimulatorHistory(now = Math.floor(Date.UTC(2026, 10, 1) / 1000)): SimChat[] {
  return [
    chat(
      '996555123456@c.us',
      'Нургуль Садыкова',
      60,
      [
        [false, 'Здравствуйте! Сколько стоит доставка в Бишкеке?'],
        [true, 'Здравствуйте, Нургуль! По Бишкеку доставка 150 сом.'],
        [false, 'А платье синее в размере M есть?'],
        [true, 'Да, есть. Цена 2400 сом.'],
        [false, 'Хочу заказать, оформите пожалуйста'],
        [true, 'Оформили! Оплата переводом на Мбанк.'],
        [false, 'Оплатила, отправила чек', 'image'],
        [true, 'Спасибо! Завтра привезём.'],
        [false, 'Спасибо большое!'],
      ],
      now,
    ),
    chat(
      '996700987654@c.us',
      undefined,
      40,
      [
        [false, 'Саламатсызбы! Бул көйнөктүн баасы канча?'],
        [true, 'Саламатсызбы! 2400 сом.'],
        [false, 'Кызыл түсү барбы? Мага абдан жакты'],
        [true, 'Ооба, бар. Кайсы өлчөм керек?'],
        [false, 'M өлчөм. Ойлонуп көрөйүн, рахмат'],
      ],
      now,
    ),
    chat(
      '996772111222@c.us',
      'Elena Petrova',
      90,
      [
        [false, 'Hi! I would like to order the blue set'],
        [true, 'Hello Elena! It is 3200 som, shall we deliver tomorrow?'],
        [false, 'Yes please, I paid by card'],
        [true, 'Thank you! Delivered tomorrow before noon.'],
        [false, 'Hi again, I want to order the same set again for my sister'],
        [true, 'Of course! Same address?'],
        [false, 'Yes, thank you!'],
      ],
      now,
    ),
    chat(
      '996552333444@c.us',
      undefined,
      20,
      [
        [false, 'Добрый день, меня зовут Гульнара'],
        [false, 'Есть ли у вас скидки для оптовых покупателей?'],
        [true, 'Добрый день, Гульнара! От 10 штук скидка 10%.'],
        [false, 'А можно дешевле, если возьму 20?'],
        [true, 'Для 20 штук сделаем 15%.'],
      ],
      now,
    ),
    chat(
      '996705666777@c.us',
      'Бакыт',
      30,
      [
        [false, 'салам канча турат бул'],
        [true, 'Салам! 1800 сом.'],
        [false, 'кымбат экен, керек эмес, рахмат'],
      ],
      now,
    ),
    chat(
      '201234567890123@lid',
      'Айзада',
      10,
      [
        [false, 'Здравствуйте, вы работаете в воскресенье?'],
        [true, 'Здравствуйте! Да, с 10 до 18.'],
        [false, '', 'voice'],
      ],
      now,
    ),
    chat(
      '120363025551234567@g.us',
      'Оптовики Дордой',
      5,
      [
        [false, 'Всем привет, кто возит из Турции?'],
        [true, 'Мы возим, пишите в личку'],
      ],
      now,
      true,
    ),
  ]
}
