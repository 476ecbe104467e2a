/**
 * What a single chat message says about where a client is in a sale, in Russian, Kyrgyz (with or
 * without ң ө ү) and English: interest, a price question, haggling, an order, a payment, a repeat
 * order, a refusal. Patterns are matched on folded lower-case text (ё→е, ң→н, ө→о, ү→у).
 */
import { foldCyrillic } from './language/tokens'

export type StatusSignalKind =
  'interest' | 'price' | 'negotiation' | 'order' | 'payment' | 'received' | 'repeat' | 'refusal' | 'objection' | 'orderConfirmed' | 'paymentConfirmed'

export interface StatusSignal {
  kind: StatusSignalKind
  /** The words that matched, as folded lower-case text. */
  match: string
}

const L = '(?<![\\p{L}\\p{N}])'
const R = '(?![\\p{L}\\p{N}])'
const NOT = `(?<!(?:не|ne|not|don'?t|эмес)\\s)`

function patterns(...sources: string[]): RegExp {
  return new RegExp(`${L}(?:${sources.join('|')})`, 'iu')
}

/** Client-side signals; checked in this order (refusals first: "не нужно" must not read as "нужно"). */
const CLIENT_SIGNALS: ReadonlyArray<readonly [StatusSignalKind, RegExp]> = [
  [
    'refusal',
    patterns(
      `не (?:нужно|надо|нужен|нужна|нужны|интересно|интересует|актуально|буду брать|возьму|подходит)${R}`,
      'передумал',
      'отказыва',
      'откажусь',
      'отмените',
      'отменить',
      'отмена заказа',
      'уже (?:купил|нашл|взял)',
      `керек эмес${R}`,
      `кереги жок${R}`,
      `албайм${R}`,
      'жокко чыгар',
      'баш тарт',
      `ойумдан кайттым${R}`,
      `no,? thanks?${R}`,
      `no,? thank you${R}`,
      `not interested${R}`,
      `(?:don'?t|do not) need${R}`,
      `changed my mind${R}`,
      `cancel${R}`,
      `cancel (?:the|my) order`,
      `never ?mind${R}`,
      `(?:i'?ll|will) pass${R}`,
    ),
  ],
  ['objection', patterns(`(?:слишком |очень |как-то )?дорого${R}`, `кымбат${R}`, `кымбат экен${R}`, `(?:too|very) expensive${R}`, `too much${R}`)],
  [
    'negotiation',
    patterns(
      'скидк',
      'скидос',
      'дешевле',
      'подешевле',
      'уступите',
      'уступить',
      `торг${R}`,
      'последняя цена',
      'сбавьте',
      'сделайте цену',
      'оптом',
      'оптов',
      'арзандат',
      'арзаныраак',
      'арзан(?:ыраак)? (?:бериниз|берсениз|болобу)',
      'акыркы баасы',
      'акыркы баа',
      'discount',
      'cheaper',
      `best price${R}`,
      `lower (?:the )?price`,
      `last price${R}`,
      'negotiab',
      `final price${R}`,
    ),
  ],
  [
    'repeat',
    patterns(
      'еще раз (?:закаж|заказ|возьм|беру|куплю|оформ)',
      'повтори(?:ть|м|те)? (?:заказ|то же|такой же)',
      'как в прошлый раз',
      'как в тот раз',
      'как и в прошлый',
      '(?:снова|опять) (?:закаж|заказ|возьм|беру|куплю)',
      'еще (?:закаж|заказ|возьм|беру|одн|один|такой|такую|такие|пару|парочку)',
      `дагы бир(?:ди|ин)? (?:алам|заказ|керек)`,
      'дагы (?:заказ|алам|буйрутма)',
      'кайра (?:заказ|алам|буйрутма|алгым)',
      'мурункудай',
      'откон жолкудай',
      '(?:order|buy|take|get) (?:it |them |that |this |the same )?again',
      'reorder',
      `another one${R}`,
      `same as (?:last time|before)${R}`,
      `one more (?:please|of (?:these|those|them)|pair|set|box)`,
    ),
  ],
  [
    'payment',
    patterns(
      'оплатил',
      `${NOT}оплачено`,
      'оплата прошла',
      'перевел',
      'перевела',
      'перевели',
      'скинул(?:а|и)? (?:деньги|оплату)',
      'отправил(?:а|и)? (?:деньги|оплату|чек)',
      'скинул(?:а|и)? чек',
      'вот чек',
      'чек (?:отправил|скинул)',
      `толодум${R}`,
      `толодук${R}`,
      'толоп (?:койдум|жибердим)',
      'акча(?:ны)? (?:жибердим|салдым|салып койдум|которуп)',
      `котордум${R}`,
      'которуп (?:жибердим|койдум)',
      'салып койдум',
      `(?:i'?ve |i have |just |already )?paid${R}`,
      'sent (?:the |you the )?(?:money|payment)',
      `transferred${R}`,
      'payment (?:done|sent|made)',
    ),
  ],
  [
    'order',
    patterns(
      'заказ(?:ать|ала|ал|ываю|ываем|ем|ю|у|ик)?',
      'закажу',
      'закажем',
      'оформ(?:ить|ите|ляю|ляем|ила|ил|им)',
      `беру${R}`,
      `берем${R}`,
      `возьму${R}`,
      `возьмем${R}`,
      'заброниру',
      `бронь${R}`,
      'запишите',
      `запишусь${R}`,
      'записаться',
      'буйрутма',
      'заказ (?:берем|бердим|кылам|кылдым|кылабыз)',
      `алам${R}`,
      `алабыз${R}`,
      `алып кетем${R}`,
      'жазылсам',
      `(?:i'?ll|i will|we'?ll) (?:take|buy|order)`,
      `place (?:an|the) order`,
      `order${R}`,
      `ordered${R}`,
      `book${R}`,
      `booking${R}`,
      `reserve${R}`,
    ),
  ],
  [
    'price',
    patterns(
      'сколько (?:стоит|стоят|будет|по цене|за)',
      'скок(?:а|о)? стоит',
      `цен(?:а|у|ы|е)${R}`,
      `почем${R}`,
      `по чем${R}`,
      'стоимость',
      'прайс',
      'канча (?:турат|болот|сом|экен)',
      `канчадан${R}`,
      `канчага${R}`,
      `баас(?:ы|ын|ына)${R}`,
      `how much${R}`,
      `price${R}`,
      `prices${R}`,
      `cost${R}`,
      `costs${R}`,
      `rate${R}`,
    ),
  ],
  [
    'interest',
    patterns(
      `${NOT}интересу`,
      `${NOT}интересно`,
      `${NOT}хочу${R}`,
      `${NOT}хотел(?:а|и)?(?: бы)?${R}`,
      `${NOT}хотим${R}`,
      'можно посмотреть',
      'покажите',
      'в наличии',
      `есть ли${R}`,
      `еще есть${R}`,
      'актуальн',
      'подробнее',
      'скиньте фото',
      'пришлите фото',
      `кызык(?:тым|там|тырат|ам|аным)${R}`,
      `керек${R}(?! эмес)`,
      'алгым келет',
      'алайын дедим',
      'корсотунуз',
      `барбы${R}`,
      'суротун',
      `interested${R}`,
      `i (?:want|need)${R}`,
      "i'?d like",
      'i would like',
      `can i see${R}`,
      `available${R}`,
      `in stock${R}`,
      `do you have${R}`,
      `show me${R}`,
      `more (?:photos|pictures|pics|details)${R}`,
    ),
  ],
  [
    'received',
    patterns(
      'получил(?:а|и)?',
      'все пришло',
      'пришла посылка',
      `понравил(?:ось|ся|ась)${R}`,
      `алдым${R}`,
      'келди рахмат',
      'жакты',
      `received${R}`,
      `got (?:it|my order|the order)${R}`,
      `arrived${R}`,
      `love it${R}`,
    ),
  ],
]

/** Asking how to order, or wanting to, is interest: the order itself comes later. */
const ORDER_INTENT = patterns(
  'как (?:заказать|оформить|купить)',
  'можно (?:заказать|оформить|купить)',
  'хочу (?:заказать|купить|оформить|взять)',
  'хотел(?:а|и)? бы (?:заказать|купить)',
  '(?:заказ|буйрутма) (?:бергим|кылгым|берсе|кылса) (?:келет|болобу)',
  'кантип (?:заказ|буйрутма|сатып)',
  'сатып алгым келет',
  `how (?:do|can) i (?:order|book|buy)${R}`,
  `can i (?:order|book|buy)${R}`,
  `i(?:'d| would) like to (?:order|book|buy)${R}`,
  `i want to (?:order|book|buy)${R}`,
)

/** Business-side confirmations that a sale happened. */
const BUSINESS_SIGNALS: ReadonlyArray<readonly [StatusSignalKind, RegExp]> = [
  [
    'paymentConfirmed',
    patterns(
      'оплат(?:у|а) (?:получ|пришл|поступил)',
      'получили (?:оплату|деньги|перевод)',
      'деньги (?:получили|пришли)',
      'спасибо за (?:покупку|оплату)',
      'акча(?:ныз)? келди',
      'толом(?:ун|унуз)? (?:кабыл алынды|келди)',
      'payment (?:received|confirmed)',
      'received your payment',
      'thank you for (?:your )?(?:purchase|payment)',
    ),
  ],
  [
    'orderConfirmed',
    patterns(
      'заказ (?:оформлен|принят|готов|отправлен|подтвержден)',
      'ваш заказ',
      'спасибо за заказ',
      '(?:заказыныз|буйрутманыз) (?:кабыл алынды|даяр|жонотулду)',
      'order (?:is )?(?:confirmed|placed|received|shipped|ready)',
      'your order',
      'thank you for (?:your )?order',
    ),
  ],
]

/** Lower-cases and folds text the way the patterns are written. */
export function foldForSignals(text: string): string {
  return foldCyrillic(text.normalize('NFC').toLowerCase()).replace(/[’`]/g, "'").replace(/\s+/g, ' ')
}

/** The status signals in one message. Refusals hide interest in the same message ("не нужно"). */
export function findStatusSignals(body: string, fromClient: boolean): StatusSignal[] {
  if (typeof body !== 'string' || !body.trim()) return []
  const text = foldForSignals(body.length > 4000 ? body.slice(0, 4000) : body)
  const found: StatusSignal[] = []
  for (const [kind, pattern] of fromClient ? CLIENT_SIGNALS : BUSINESS_SIGNALS) {
    const match = pattern.exec(text)
    if (match) found.push({ kind, match: match[0].trim() })
  }
  const intent = fromClient ? ORDER_INTENT.exec(text) : null
  if (intent) {
    const withoutOrder = found.filter((signal) => signal.kind !== 'order' && signal.kind !== 'interest')
    found.length = 0
    found.push(...withoutOrder, { kind: 'interest', match: intent[0].trim() })
  }
  if (found.some((signal) => signal.kind === 'refusal')) {
    return found.filter((signal) => signal.kind !== 'interest' && signal.kind !== 'order')
  }
  return found
}
