/**
 * Opt-out detection: does a customer's message ask us to stop writing ("стоп", "отпишите", "не пишите
 * больше", "жазбаңыз", "stop", "unsubscribe", in ru/ky/en, with common misspellings and Latin
 * transliterations)? Precise rather than eager: the message must be mainly the opt-out phrase (at most
 * one other word beside polite fillers), so "стоп, а сколько стоит доставка?" or "не могу остановиться
 * на выборе" are not opt-outs, and words that merely contain "stop" ("stopка", "автостоп") never match.
 */

export type OptOutLanguage = 'ru' | 'ky' | 'en'

export interface OptOutDetection {
  optOut: boolean
  /** The phrase that matched (normalized), for the client's history. */
  phrase?: string
  language?: OptOutLanguage
}

/** One phrase: a sequence of words, each a regex over a normalized word (letters squashed, see normalizeWord). */
interface Phrase {
  language: OptOutLanguage
  words: RegExp[]
}

const w = (source: string) => new RegExp(`^(?:${source})$`)

// Words are matched after squashing repeated letters ("стоооп" → "стоп", "stopp" → "stop"), so the
// patterns are written squashed too ("mesage").
const STOP = w('стоп|cтоп|ctоп|stop|ctop|stp')
const WRITE_RU = w('пиш[иі]те|пиши|пишите|писать|присылайте|присылай|отправляйте|слать|шлите|беспокоить|беспокойте')
const NOT_RU = w('не|ни')
const MORE_RU = w('больше|болше|болбше|боле')
const UNSUB_RU = w('отпиш[иы]те|отпиши|отпишитесь|отписаться|отписатся|отписать|отписка|отписк[уи]|отпишусь|otpi[sš]h?ite|otpi[sš]h?i|otpisat[s]?[y]?a|otpiska')
const ENOUGH_RU = w('хватит|прекратите|перестаньте|прекрати|перестань')
const REMOVE_RU = w('удалите|уберите|исключите')
const WRITE_KY = w('жазба[нң][ыи]з|жазбаг[ыи]л[ае]|zhazban[yi]z|jazban[yi]z|jazbag[yi]la|zhazbag[yi]la')
const SEND_KY = w('жибербе[нң][ыи]з|жибербег[ыи]ле|жибербег[ыи]ла|жибербе')
const UNSUB_EN = w('unsubscribe|unsubscibe|unsubcribe|unsubsribe|unsub|optout')
const OPT = w('opt')
const OUT = w('out')
const DONT = w("dont|don't|do")
const NOT_EN = w('not')
const TEXT_EN = w('text|write|mesage|msg|send|contact|spam')
const STOP_VERB_EN = w('mesaging|texting|writing|sending|spaming|msging|contacting')
const REMOVE_EN = w('remove|delete')

const PHRASES: Phrase[] = [
  { language: 'ru', words: [NOT_RU, WRITE_RU] },
  { language: 'ru', words: [MORE_RU, NOT_RU, WRITE_RU] },
  { language: 'ru', words: [NOT_RU, MORE_RU, WRITE_RU] },
  { language: 'ru', words: [UNSUB_RU] },
  { language: 'ru', words: [ENOUGH_RU, WRITE_RU] },
  { language: 'ru', words: [REMOVE_RU, w('меня|мой')] },
  { language: 'ky', words: [WRITE_KY] },
  { language: 'ky', words: [SEND_KY] },
  { language: 'en', words: [UNSUB_EN] },
  { language: 'en', words: [OPT, OUT] },
  { language: 'en', words: [STOP, STOP_VERB_EN] },
  { language: 'en', words: [DONT, TEXT_EN] },
  { language: 'en', words: [DONT, NOT_EN, TEXT_EN] },
  { language: 'en', words: [REMOVE_EN, w('me')] },
  // Bare "стоп"/"stop" last: a longer phrase names the language better.
  { language: 'ru', words: [w('стоп|cтоп|ctоп')] },
  { language: 'en', words: [STOP] },
]

// The longest phrase wins ("больше не пишите" over "не пишите"); equal lengths keep the table's order.
const BY_LENGTH = [...PHRASES].sort((a, b) => b.words.length - a.words.length)

/** Polite or filler words that may stand around the phrase without changing its meaning. */
const FILLERS = new Set(
  [
    // ru
    'пожалуйста пожалуста пожалйста плиз плз пж пжл мне меня нам нас больше уже сюда все всё вообще спасибо спс ну блин и а от вас ваш вашей вашу вашего ваши рассылки рассылку рассылка рассылок сообщения сообщений смс sms на этот номер мой мою меня из списка базы',
    // ky
    'мага бизге мени эми эч башка сураныч рахмат ырахмат сиздер силер мындан ары',
    // en
    'please pls plz plez pleas thanks thank thx you me us my now ok okay all just the this number from list your messages these any more anymore again',
  ]
    .join(' ')
    .split(' ')
    .map(normalizeWord),
)

/** Lowercase, NFKC, and runs of one letter squashed to one ("стоооп" → "стоп"). */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/(.)\1+/gu, '$1')
}

/**
 * The message's words, normalized: letters, apostrophes and inner hyphens ("стоп-кран" stays one word);
 * punctuation, emoji and digits dropped.
 */
export function optOutWords(text: string): string[] {
  return (text.normalize('NFKC').match(/[\p{L}'-]+/gu) ?? []).map((word) => normalizeWord(word.replace(/^['-]+|['-]+$/g, ''))).filter(Boolean)
}

/** Messages longer than this are conversations, not opt-outs. */
const MAX_WORDS = 10
/** Words beside the phrase that are not fillers. */
const MAX_OTHER_WORDS = 1

/** Whether a customer's message asks us to stop writing to them. Pure; see the module comment for how precise. */
export function detectOptOut(text: string): OptOutDetection {
  const words = optOutWords(text)
  if (!words.length || words.length > MAX_WORDS) return { optOut: false }
  for (const phrase of BY_LENGTH) {
    const n = phrase.words.length
    for (let start = 0; start + n <= words.length; start++) {
      if (!phrase.words.every((re, i) => re.test(words[start + i]!))) continue
      const others = [...words.slice(0, start), ...words.slice(start + n)].filter((word) => !FILLERS.has(word))
      if (others.length <= MAX_OTHER_WORDS) return { optOut: true, phrase: words.slice(start, start + n).join(' '), language: phrase.language }
    }
  }
  return { optOut: false }
}
