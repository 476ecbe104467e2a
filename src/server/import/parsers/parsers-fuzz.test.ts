import { describe, expect, it } from 'vitest'
import { cleanMessageText } from '~/shared/message-text'
import { detectCulturalContext } from '../../text/cultural-context-detector'
import { DETECTABLE_LANGUAGES, detectLanguage, detectLanguageWithConfidence } from '../../text/language-detector'
import { extractBestName } from '../../text/name-extractor'
import { detectClientStatus } from '../../text/status-detector'
import { trimInvisible } from './export-markers'
import { pick, randomInt, randomUnicode, seededRandom, type Random } from './testing/random-text'
import { parseWhatsAppExport, type ParsedExportMessage } from './whatsapp-export-parser'

const ITERATIONS = 3000
const STATUSES = ['NEW_LEAD', 'CONTACTED', 'INTERESTED', 'NEGOTIATION', 'CUSTOMER', 'REPEAT_CUSTOMER', 'INACTIVE', 'LOST']

function expectSaneMessages(messages: ParsedExportMessage[]): void {
  expect(Array.isArray(messages)).toBe(true)
  for (const message of messages) {
    expect(message.timestamp).toBeInstanceOf(Date)
    expect(Number.isNaN(message.timestamp.getTime())).toBe(false)
    expect(message.author === null || (typeof message.author === 'string' && message.author.length > 0)).toBe(true)
    expect(message.body === null || typeof message.body === 'string').toBe(true)
    expect(typeof message.isSystem).toBe('boolean')
    expect(typeof message.hasMedia).toBe('boolean')
    if (message.isSystem) expect(message.author).toBeNull()
    if (message.hasMedia) expect(message.isSystem).toBe(false)
  }
}

const AUTHORS = ['Айгуль', 'Dana Smith', '+996 555 123 456', '\u202a+7 701 000 00 00\u202c', 'Бакыт 🌸', 'عمر', 'Магазин KG', '李']
const BODIES = [
  'Салам, канча турат?',
  'Сколько стоит доставка?',
  'Time: 5pm',
  '<Media omitted>',
  '\u200eimage omitted',
  'IMG-20240101-WA0001.jpg (file attached)',
  'This message was deleted',
  '👍',
  '',
]

/** A random export line in one of the layouts, with a possibly impossible date. */
function randomExportLine(random: Random): string {
  const day = randomInt(random, 0, 35)
  const month = randomInt(random, 0, 14)
  const year = pick(random, [String(randomInt(random, 0, 99)).padStart(2, '0'), String(randomInt(random, 1990, 2040))])
  const hour = randomInt(random, 0, 25)
  const minute = String(randomInt(random, 0, 61)).padStart(2, '0')
  const meridiem = pick(random, ['', ' AM', ' PM', '\u202fPM', ' a.m.', ' ПП', ' дп'])
  const body = random() < 0.3 ? randomUnicode(random, 30) : pick(random, BODIES)
  const author = random() < 0.2 ? randomUnicode(random, 12) : pick(random, AUTHORS)
  switch (randomInt(random, 0, 3)) {
    case 0:
      return `${day}.${month}.${year}, ${hour}:${minute} - ${author}: ${body}`
    case 1:
      return `${month}/${day}/${year}, ${hour}:${minute}${meridiem} - ${author}: ${body}`
    case 2:
      return `[${day}.${month}.${year}, ${hour}:${minute}:${minute}${meridiem}] ${author}: ${body}`
    default:
      return random() < 0.5 ? `${day}/${month}/${year}, ${hour}:${minute} - ${body}` : randomUnicode(random, 40)
  }
}

describe('fuzz: parseWhatsAppExport', { timeout: 30_000 }, () => {
  it('never throws on random Unicode and returns sane messages', () => {
    const random = seededRandom(20240314)
    for (let i = 0; i < ITERATIONS; i++) {
      const text = randomUnicode(random, 200)
      expectSaneMessages(parseWhatsAppExport(text, { timeZone: pick(random, ['UTC', 'Asia/Bishkek', 'Bad/Zone', '']) }))
    }
  })

  it('never throws on random mixes of export lines, junk and invisible characters', () => {
    const random = seededRandom(42)
    for (let i = 0; i < ITERATIONS; i++) {
      const lines = Array.from({ length: randomInt(random, 1, 12) }, () => {
        const line = randomExportLine(random)
        return random() < 0.2 ? `${pick(random, ['\u200e', '\ufeff', '\u202a', '\u00a0'])}${line}` : line
      })
      expectSaneMessages(parseWhatsAppExport(lines.join(pick(random, ['\n', '\r\n', '\r'])), { timeZone: 'UTC' }))
    }
  })

  it('round-trips generated exports: every message back, with its time, author and text', () => {
    const random = seededRandom(7)
    for (let i = 0; i < 500; i++) {
      const dayFirst = random() < 0.5
      const expected: Array<{ iso: string; author: string; body: string }> = []
      const lines: string[] = []
      for (let n = randomInt(random, 1, 8); n > 0; n--) {
        const date = new Date(
          Date.UTC(randomInt(random, 2010, 2030), randomInt(random, 0, 11), randomInt(random, 1, 28), randomInt(random, 0, 23), randomInt(random, 0, 59)),
        )
        const [y, mo, d, h, mi] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()]
        const author = pick(
          random,
          AUTHORS.filter((name) => !name.includes('\u202a')),
        )
        // Continuation lines never start with a digit or "[", so they cannot look like a header.
        const bodyLines = Array.from({ length: randomInt(random, 1, 3) }, () => `x ${randomUnicode(random, 20).replace(/[\n\r\u2028\u2029]/g, ' ')}`.trim())
        const clock = `${h}:${String(mi).padStart(2, '0')}`
        const header = dayFirst ? `${d}.${mo}.${y}, ${clock} - ` : `[${mo}/${d}/${String(y).slice(2)}, ${clock}:00]\u0020`
        lines.push(`${header}${author}: ${bodyLines.join('\n')}`)
        expected.push({ iso: date.toISOString(), author: author.replace(/\s+/g, ' '), body: bodyLines.join('\n') })
      }
      const parsed = parseWhatsAppExport(lines.join('\n'), { timeZone: 'UTC', dateOrder: dayFirst ? 'dmy' : 'mdy' })
      expect(parsed.map((message) => ({ iso: message.timestamp.toISOString(), author: message.author, body: message.body }))).toEqual(
        // Bodies lose only whitespace and direction marks at their two ends, and what PostgreSQL cannot store (NUL, lone surrogates).
        expected.map(({ iso, author, body }) => ({ iso, author, body: trimInvisible(cleanMessageText(body)) })),
      )
    }
  })
})

describe('fuzz: detectLanguage', { timeout: 30_000 }, () => {
  it('answers an allowed code with a sane confidence for random Unicode', () => {
    const random = seededRandom(99)
    for (let i = 0; i < ITERATIONS; i++) {
      const text = randomUnicode(random, 120)
      const result = detectLanguageWithConfidence(text)
      expect(DETECTABLE_LANGUAGES).toContain(result.language)
      expect(DETECTABLE_LANGUAGES).toContain(detectLanguage(text))
      expect(result.confidence).toBeGreaterThanOrEqual(0)
      expect(result.confidence).toBeLessThanOrEqual(1)
      for (const share of Object.values(result.scores)) expect(Number.isFinite(share)).toBe(true)
    }
  })
})

describe('fuzz: the other detectors', { timeout: 30_000 }, () => {
  it('never throw and keep their shapes on random Unicode', () => {
    const random = seededRandom(5)
    for (let i = 0; i < 1000; i++) {
      const text = randomUnicode(random, 80)
      const name = extractBestName(random() < 0.5 ? text : null, [text, randomUnicode(random, 40)], randomUnicode(random, 10))
      expect(name === null || (typeof name === 'string' && name.length >= 2)).toBe(true)
      const context = detectCulturalContext(text, pick(random, ['ru', 'ky', 'en', 'und', '', 'xx']))
      expect(['formal', 'informal', 'neutral']).toContain(context.formality)
      const status = detectClientStatus([
        { body: text, fromClient: true },
        { body: randomUnicode(random, 40), fromClient: false },
      ])
      expect(STATUSES).toContain(status.status)
      expect(status.confidence).toBeGreaterThanOrEqual(0)
      expect(status.confidence).toBeLessThanOrEqual(1)
    }
  })
})
