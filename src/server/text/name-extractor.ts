/**
 * The best name for a client: the name saved in the phone's contacts, else a self-introduction in
 * their messages ("меня зовут Айгуль", "менин атым Бакыт", "my name is Dana"), else their WhatsApp
 * profile (push) name. Phone numbers, emoji, placeholders ("~", ".") and junk are never names.
 */

// The variation selectors stand outside the class: inside one they read as combined with the previous character.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|\ufe0e|\ufe0f/g
const PICTOGRAPHS = /[\p{Extended_Pictographic}\p{So}\p{Sk}\p{Cs}\p{Co}\u20e3]/gu
const PHONE_RUN = /\+?\d[\d\s().-]{4,}\d/g
const PLACEHOLDERS = new Set([
  'unknown',
  'no name',
  'noname',
  'без имени',
  'неизвестный',
  'неизвестно',
  'неизвестен',
  'аноним',
  'anonymous',
  'user',
  'whatsapp user',
  'whatsapp',
  'null',
  'undefined',
  'name',
  'имя',
  'аты',
  'me',
  'я',
  'мен',
  'client',
  'клиент',
  'customer',
  'test',
  'тест',
  'nan',
  'none',
  'n/a',
  'na',
])

/** Words that follow "я", "this is", "мен"… without being names. */
const NOT_NAMES = new Set(
  `хочу хотела хотел интересует из с и а в на у по от для клиент клиентка ваш ваша ваши тут здесь сама сам пишу звоню
   писала звонила вчера сегодня завтра уже тоже не только просто снова опять рада рад очень так это то
   мой моя мое моё мои наш наша ваше твой твоя его ее её их вот там тот та нужно надо могу можно спросить узнать по поводу заказ заказала заказывала покупала брала
   эже байке агай апа ата аке ага брат сестра девушка мужчина дорогая дорогой мама папа
   жазып жазам сурайын сурап азыр эми да дагы бул ошол мага сиз биз мен кечээ бугун эртен
   here from interested looking good fine ok okay sorry new the a an going not just also calling writing
   back again sure glad happy in on at with your client customer wondering trying asking texting still
   done ready hungry busy late home there available`
    .split(/\s+/)
    .filter(Boolean),
)

const LOWER_PARTICLES = new Set(['уулу', 'кызы', 'uulu', 'kyzy', 'оглы', 'кызы', 'ugli', "o'g'li", 'qizi'])
const SURNAME_ENDING = /(?:ов|ова|ев|ева|ин|ина|ын|ына|ский|ская|бекова|беков|уулу|кызы|uulu|kyzy|ov|ova|ev|eva|in|ina)$/i
const KYRGYZ_CASE_ENDING = /(?:те|та|де|да|дан|ден|тан|тен|нан|нен|дон|тон|ка|ке|га|ге|го|ко|дун|дын|нын|нин|тын|тин)$/i

const NAME_WORD = "[\\p{L}][\\p{L}\\p{M}'’-]*"

/** Self-introductions. `strict`: the name must be capitalized (the phrase alone is a weak hint). */
const INTRODUCTIONS: ReadonlyArray<{ pattern: RegExp; strict: boolean }> = [
  { pattern: /(?:меня зовут|зовут меня|мо[её] имя|моё имя -|мое имя -)\s*[-—–:]?\s*/iu, strict: false },
  { pattern: /(?:менин атым|менің атым|менин атым -|атым|мени атым)\s*[-—–:]?\s*/iu, strict: false },
  { pattern: /(?:исмим|mening ismim|ismim)\s*[-—–:]?\s*/iu, strict: false },
  { pattern: /(?:my name is|my name's|name is|call me)\s*[-—–:]?\s*/iu, strict: false },
  { pattern: /(?:^|[.!?,]\s*)(?:я|это|с вами|мен)\s*[-—–]\s*/iu, strict: true },
  { pattern: /(?:^|[.!?,]\s*)(?:это|мен|я)\s+/iu, strict: true },
  { pattern: /(?:^|[.!?,]\s*)(?:this is|it's|it is|i'm|i’m|i am|im)\s+/iu, strict: true },
]

/** What may follow a name in a loose introduction ("это X", "I'm X"): an end, a comma, "from"… */
const INTRODUCTION_END = /^(?:$|[,.!;:)—–-]|(?:из|с|от|from|here|тут|здесь|деген|болом)(?=\s|$))/iu

const FIRST_WORD = new RegExp(`^\\s*(${NAME_WORD})`, 'u')
const NEXT_WORD = new RegExp(`^\\s+(${NAME_WORD})`, 'u')

function isLower(word: string): boolean {
  return word === word.toLowerCase() && word !== word.toUpperCase()
}

function capitalize(word: string): string {
  if (LOWER_PARTICLES.has(word.toLowerCase())) return word.toLowerCase()
  return word
    .split(/(?<=[-'’])/)
    .map((part) => part.charAt(0).toLocaleUpperCase() + part.slice(1).toLocaleLowerCase())
    .join('')
}

/** Title-cases a name typed all lower- or all upper-case; a name with its own mixed case stays as is. */
export function formatPersonName(name: string): string {
  const words = name.split(' ')
  const lettersOnly = name.replace(/[^\p{L}]/gu, '')
  const uniform = lettersOnly === lettersOnly.toLowerCase() || lettersOnly === lettersOnly.toUpperCase()
  if (!uniform) return words.map((word) => (isLower(word.charAt(0)) && !LOWER_PARTICLES.has(word.toLowerCase()) ? capitalize(word) : word)).join(' ')
  return words.map(capitalize).join(' ')
}

/**
 * Cleans a candidate name (contact or push name): strips invisible marks, emoji, phone numbers and
 * the "~" WhatsApp puts before unsaved names. Null when nothing name-like is left.
 */
export function cleanNameCandidate(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null
  let name = raw.normalize('NFC').replace(INVISIBLE, '').replace(PICTOGRAPHS, ' ').replace(PHONE_RUN, ' ')
  name = name.replace(/[\s\u00a0\u202f]+/g, ' ').trim()
  name = name.replace(/^[~.\-_*•·,;:!?"'«»“”()[\]{}<>/\\|#@&+=%^$]+|[~\-_*•·,;:!?"'«»“”()[\]{}<>/\\|#@&+=%^$]+$/gu, '').trim()
  if (name.length < 2 || name.length > 60) return null
  if (/https?:|www\.|@\S+\.\w/i.test(name)) return null
  if (PLACEHOLDERS.has(name.toLowerCase())) return null
  const letters = name.replace(/[^\p{L}]/gu, '').length
  const visible = name.replace(/\s/g, '').length
  if (letters < 2 || letters / visible < 0.6) return null
  if (name.split(' ').length > 5) return null
  return formatPersonName(name)
}

function nameAfter(text: string, strict: boolean): string | null {
  const firstMatch = FIRST_WORD.exec(text)
  const first = firstMatch?.[1]
  if (!firstMatch || !first || NOT_NAMES.has(first.toLowerCase()) || first.length < 2) return null
  if (strict && isLower(first.charAt(0))) return null
  if (strict && KYRGYZ_CASE_ENDING.test(first) && first.length > 4) return null
  const afterFirst = text.slice(firstMatch[0].length)
  const secondMatch = NEXT_WORD.exec(afterFirst)
  const second = secondMatch?.[1]
  const secondIsName =
    second !== undefined &&
    !NOT_NAMES.has(second.toLowerCase()) &&
    (isLower(first.charAt(0)) ? SURNAME_ENDING.test(second) : !isLower(second.charAt(0)) || LOWER_PARTICLES.has(second.toLowerCase()))
  const after = secondIsName && secondMatch ? afterFirst.slice(secondMatch[0].length) : afterFirst
  // "Это Айгерим, …" introduces; "Это Ош базар?" or "Это Дордой?" asks about a place.
  if (strict && !INTRODUCTION_END.test(after.trimStart())) return null
  return cleanNameCandidate(secondIsName ? `${first} ${second}` : first)
}

/** The name a client introduces themselves with, from their messages; null when they don't. */
export function findSelfIntroduction(messages: readonly string[] | string): string | null {
  const list = typeof messages === 'string' ? [messages] : Array.isArray(messages) ? messages : []
  for (const message of list) {
    if (typeof message !== 'string' || !message) continue
    const text = message.length > 2000 ? message.slice(0, 2000) : message
    for (const { pattern, strict } of INTRODUCTIONS) {
      const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)
      for (const match of text.matchAll(global)) {
        const name = nameAfter(text.slice((match.index ?? 0) + match[0].length), strict)
        if (name) return name
      }
    }
  }
  return null
}

/**
 * The best name for a client: a real saved contact name, else a self-introduction in the messages,
 * else the WhatsApp push name; null when none of them is a name. Names typed in one case are
 * title-cased ("айгуль" → "Айгуль"); Cyrillic is kept.
 */
export function extractBestName(contactName: string | null | undefined, messages: string[] | string, pushName?: string | null): string | null {
  return cleanNameCandidate(contactName) ?? findSelfIntroduction(messages) ?? cleanNameCandidate(pushName)
}
