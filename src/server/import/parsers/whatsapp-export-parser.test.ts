import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { inferDateOrder, parseWhatsAppExport, type ParsedExportMessage } from './whatsapp-export-parser'
import { matchExportHeader, type ExportLineHeader } from './message-parser'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..')
const fixturesDir = path.resolve(repoRoot, '../shared/fixtures/whatsapp-exports')

/** A message as the fixtures' expected.json write it: wall-clock time, no zone. */
function asExpected(message: ParsedExportMessage) {
  const { timestamp, author, body, isSystem, hasMedia } = message
  return { timestamp: timestamp.toISOString().slice(0, 19), author, body, isSystem, hasMedia }
}

function parseUtc(text: string) {
  return parseWhatsAppExport(text, { timeZone: 'UTC' }).map(asExpected)
}

function stamps(text: string) {
  return parseUtc(text).map((message) => message.timestamp)
}

describe('parseWhatsAppExport: shared fixtures', () => {
  const names = readdirSync(fixturesDir)
    .filter((file) => file.endsWith('.txt'))
    .map((file) => file.slice(0, -4))

  it('finds the fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(3)
  })

  it.each(names)('%s matches its expected.json exactly', (name) => {
    const text = readFileSync(path.join(fixturesDir, `${name}.txt`), 'utf8')
    const expected: unknown = JSON.parse(readFileSync(path.join(fixturesDir, `${name}.expected.json`), 'utf8'))
    expect(parseUtc(text)).toEqual(expected)
  })
})

describe('parseWhatsAppExport: clocks and dates', () => {
  it.each([
    ['Android US, 12-hour', '12/31/23, 9:05 PM - Dana: hi', '2023-12-31T21:05:00'],
    ['narrow no-break space before PM', '12/31/23, 9:05\u202fPM - Dana: hi', '2023-12-31T21:05:00'],
    ['no-break space before AM', '12/31/23, 9:05\u00a0AM - Dana: hi', '2023-12-31T09:05:00'],
    ['lower-case a.m.', '31/12/2023, 9:05 a.m. - Dana: hi', '2023-12-31T09:05:00'],
    ['p.m. with a space (es)', '31/12/2023, 9:05 p. m. - Dana: hi', '2023-12-31T21:05:00'],
    ['Russian ПП', '31.12.2023, 9:05 ПП - Эрмек: салам', '2023-12-31T21:05:00'],
    ['Russian ДП', '31.12.2023, 9:05 ДП - Эрмек: салам', '2023-12-31T09:05:00'],
    ['12 AM is midnight', '12/31/23, 12:30 AM - Dana: hi', '2023-12-31T00:30:00'],
    ['12 PM is noon', '12/31/23, 12:30 PM - Dana: hi', '2023-12-31T12:30:00'],
    ['Android 24-hour, 2-digit year', '31.12.23, 21:05 - Эрмек: салам', '2023-12-31T21:05:00'],
    ['Android 24-hour, no comma', '31.12.2023 21:05 - Эрмек: салам', '2023-12-31T21:05:00'],
    ['en dash', '31/12/2023, 21:05 – Dana: hi', '2023-12-31T21:05:00'],
    ['year first', '2023-12-31, 21:05 - Dana: hi', '2023-12-31T21:05:00'],
    ['iOS 24-hour with seconds', '[31.12.23, 21:05:33] Dana: hi', '2023-12-31T21:05:33'],
    ['iOS 12-hour', '[12/31/23, 9:05:33 PM] Dana: hi', '2023-12-31T21:05:33'],
    ['iOS line behind a left-to-right mark', '\u200e[31.12.23, 21:05:33] Dana: \u200eimage omitted', '2023-12-31T21:05:33'],
  ])('%s', (_layout, line, timestamp) => {
    expect(stamps(line)).toEqual([timestamp])
  })

  it('reads a file as day-first when any first field is above 12, even late in the file', () => {
    const text = ['05/01/24, 10:00 - A: one', '06/01/24, 10:00 - B: two', '13/01/24, 10:00 - A: three'].join('\n')
    expect(stamps(text)).toEqual(['2024-01-05T10:00:00', '2024-01-06T10:00:00', '2024-01-13T10:00:00'])
  })

  it('reads a file as month-first when any second field is above 12', () => {
    const text = ['1/5/24, 10:00 AM - A: one', '1/6/24, 10:00 AM - B: two', '1/13/24, 10:00 AM - A: three'].join('\n')
    expect(stamps(text)).toEqual(['2024-01-05T10:00:00', '2024-01-06T10:00:00', '2024-01-13T10:00:00'])
  })

  it('prefers the order that keeps an ambiguous file in time order', () => {
    // Day-first: 3 Jan, 4 Jan, 1 Feb (in order). Month-first: 1 Mar, 1 Apr, 2 Jan (backwards).
    const text = ['03/01/24, 10:00 AM - A: one', '04/01/24, 10:00 AM - B: two', '01/02/24, 10:00 AM - A: three'].join('\n')
    expect(stamps(text)).toEqual(['2024-01-03T10:00:00', '2024-01-04T10:00:00', '2024-02-01T10:00:00'])
  })

  it('falls back to month-first for US-style slashes with AM/PM, day-first for dots', () => {
    expect(stamps('01/02/24, 10:00 AM - A: hi')).toEqual(['2024-01-02T10:00:00'])
    expect(stamps('01.02.24, 10:00 - A: hi')).toEqual(['2024-02-01T10:00:00'])
  })

  it('keeps one order for the whole file: a line that does not fit it continues the message above', () => {
    const text = ['31.12.2023, 10:00 - A: one', '12.13.2023, 10:00 - B: not a date in this file'].join('\n')
    expect(parseUtc(text)).toEqual([
      {
        timestamp: '2023-12-31T10:00:00',
        author: 'A',
        body: 'one\n12.13.2023, 10:00 - B: not a date in this file',
        isSystem: false,
        hasMedia: false,
      },
    ])
  })

  it('accepts a forced date order', () => {
    const parsed = parseWhatsAppExport('01.02.24, 10:00 - A: hi', { timeZone: 'UTC', dateOrder: 'mdy' })
    expect(parsed[0]?.timestamp.toISOString()).toBe('2024-01-02T10:00:00.000Z')
  })
})

describe('parseWhatsAppExport: time zones', () => {
  const line = '14.03.2024, 20:01 - Эрмек: салам'

  it('reads wall-clock time in Asia/Bishkek (UTC+6) by default', () => {
    expect(parseWhatsAppExport(line)[0]?.timestamp.toISOString()).toBe('2024-03-14T14:01:00.000Z')
  })

  it('reads it in the zone given', () => {
    expect(parseWhatsAppExport(line, { timeZone: 'Europe/Moscow' })[0]?.timestamp.toISOString()).toBe('2024-03-14T17:01:00.000Z')
    expect(parseWhatsAppExport(line, { timeZone: 'America/New_York' })[0]?.timestamp.toISOString()).toBe('2024-03-15T00:01:00.000Z')
  })

  it('falls back to Asia/Bishkek for an unknown zone instead of throwing', () => {
    expect(parseWhatsAppExport(line, { timeZone: 'Mars/Olympus' })[0]?.timestamp.toISOString()).toBe('2024-03-14T14:01:00.000Z')
  })
})

describe('parseWhatsAppExport: message structure', () => {
  it('joins continuation lines, keeping blank lines inside but not after the message', () => {
    const text = ['31.12.23, 21:05 - Aigul: Line one', '', 'line three', '31.12.23, 21:06 - Bek: ok', '', ''].join('\n')
    expect(parseUtc(text).map((message) => message.body)).toEqual(['Line one\n\nline three', 'ok'])
  })

  it('handles Windows line endings and a BOM', () => {
    const text = '\ufeff31.12.23, 21:05 - Aigul: one\r\ntwo\r\n31.12.23, 21:06 - Bek: three\r\n'
    expect(parseUtc(text).map(({ author, body }) => [author, body])).toEqual([
      ['Aigul', 'one\ntwo'],
      ['Bek', 'three'],
    ])
  })

  it('splits the author at the first colon only', () => {
    expect(parseUtc('31.12.23, 21:05 - Aigul: Время: 17:00, адрес: Ахунбаева 1')[0]).toMatchObject({
      author: 'Aigul',
      body: 'Время: 17:00, адрес: Ахунбаева 1',
    })
  })

  it('cleans invisible marks around phone-number authors but keeps the text as written', () => {
    const [message] = parseUtc('31.12.23, 21:05 - \u202a+996 555 123 456\u202c: цена\u00a0500 сом')
    expect(message).toMatchObject({ author: '+996 555 123 456', body: 'цена\u00a0500 сом' })
  })

  it('keeps an empty message', () => {
    expect(parseUtc('31.12.23, 21:05 - Aigul:')[0]).toMatchObject({ author: 'Aigul', body: '' })
  })

  it('drops the edited marker', () => {
    expect(parseUtc('12/31/23, 9:05 PM - Dana: see you at 6 <This message was edited>')[0]?.body).toBe('see you at 6')
  })

  it('skips lines before the first message', () => {
    expect(parseUtc('Chat with Dana\n12/31/23, 9:05 PM - Dana: hi').map((message) => message.body)).toEqual(['hi'])
  })
})

describe('parseWhatsAppExport: deleted messages keep their author', () => {
  it.each([
    ['Android en, theirs', '12/31/23, 9:05 PM - Shop: This message was deleted', 'Shop', 'This message was deleted'],
    ['Android en, mine', '12/31/23, 9:05 PM - Aigul: You deleted this message', 'Aigul', 'You deleted this message'],
    ['Android ru, theirs', '31.12.2023, 21:05 - Магазин: Данное сообщение удалено', 'Магазин', 'Данное сообщение удалено'],
    ['Android ru, mine', '31.12.2023, 21:05 - Эрмек: Вы удалили данное сообщение', 'Эрмек', 'Вы удалили данное сообщение'],
    ['Android ru, older wording', '31.12.2023, 21:05 - Эрмек: Вы удалили это сообщение', 'Эрмек', 'Вы удалили это сообщение'],
    ['iOS en, theirs', '[31/12/2023, 21:05:33] Shop: \u200eThis message was deleted.', 'Shop', 'This message was deleted.'],
    ['iOS en, mine', '[12/31/23, 9:05:33 PM] Aigul: \u200eYou deleted this message.', 'Aigul', 'You deleted this message.'],
    ['iOS ru, theirs', '[31.12.2023, 21:05:33] Магазин: \u200eЭто сообщение удалено.', 'Магазин', 'Это сообщение удалено.'],
    ['iOS ru, mine', '[31.12.2023, 21:05:33] \u200e+996 555 123 456: \u200eВы удалили это сообщение.', '+996 555 123 456', 'Вы удалили это сообщение.'],
  ])('%s', (_layout, line, author, body) => {
    const [message] = parseWhatsAppExport(line, { timeZone: 'UTC' })
    expect(message).toMatchObject({ author, body, isSystem: false, isDeleted: true, hasMedia: false, mediaKind: null })
  })

  it('keeps ordinary messages and system lines apart from deletions', () => {
    const parsed = parseWhatsAppExport(
      [
        '31.12.23, 21:05 - Сообщения и звонки защищены сквозным шифрованием.',
        '31.12.23, 21:06 - Aigul: I deleted this message by mistake, sorry',
        '31.12.23, 21:07 - Aigul: This message was deleted',
        '31.12.23, 21:08 - This message was deleted',
      ].join('\n'),
      { timeZone: 'UTC' },
    )
    expect(parsed.map(({ author, isSystem, isDeleted }) => ({ author, isSystem, isDeleted }))).toEqual([
      { author: null, isSystem: true, isDeleted: false },
      { author: 'Aigul', isSystem: false, isDeleted: false },
      { author: 'Aigul', isSystem: false, isDeleted: true },
      { author: null, isSystem: true, isDeleted: false },
    ])
  })
})

describe('parseWhatsAppExport: system lines', () => {
  it.each([
    '31.12.23, 21:05 - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.',
    '31.12.23, 21:05 - Сообщения и звонки защищены сквозным шифрованием.',
    '31.12.23, 21:05 - Aigul created group "Shop team"',
    '31.12.23, 21:05 - Aigul added Bek',
    '31.12.23, 21:05 - Эрмек добавил(а) Айгуль',
    '31.12.23, 21:05 - Вы создали группу «Магазин»',
    '31.12.23, 21:05 - Aigul changed the subject from "Shop: old" to "Shop: new"',
    '[31.12.23, 21:05:33] Shop team: \u200eMessages and calls are end-to-end encrypted.',
    '[31.12.23, 21:05:33] Shop team: \u200eAigul added Bek',
    '[31.12.23, 21:05:33] Shop team: \u200eYou created group “Shop team”',
  ])('%s', (line) => {
    const [message] = parseUtc(line)
    expect(message).toMatchObject({ author: null, isSystem: true, hasMedia: false })
    expect(message?.body?.length).toBeGreaterThan(0)
  })

  it('does not mistake ordinary messages that mention such words', () => {
    for (const line of ['31.12.23, 21:05 - Aigul: I added sugar', '[31.12.23, 21:05:33] Bek: my friend created group chats']) {
      expect(parseUtc(line)[0]).toMatchObject({ isSystem: false })
    }
  })
})

describe('parseWhatsAppExport: media placeholders', () => {
  it.each([
    ['<Media omitted>'],
    ['<Без медиафайлов>'],
    ['<Медиа отсутствуют>'],
    ['\u200eimage omitted'],
    ['video omitted'],
    ['sticker omitted'],
    ['GIF omitted'],
    ['изображение отсутствует'],
    ['Invoice.pdf • 2 pages document omitted'],
    ['\u200e<attached: 00000012-PHOTO-2023-12-31-21-05-33.jpg>'],
    ['<прикреплено: 00000013-AUDIO-2023-12-31-21-05-40.opus>'],
    ['IMG-20231231-WA0001.jpg (file attached)'],
    ['PTT-20231231-WA0002.opus (файл прикреплён)'],
  ])('%s', (placeholder) => {
    expect(parseUtc(`31.12.23, 21:05 - Aigul: ${placeholder}`)[0]).toMatchObject({ author: 'Aigul', body: null, hasMedia: true })
  })

  it('keeps a caption after the attachment, on the same or the next line', () => {
    const text = ['31.12.23, 21:05 - Aigul: IMG-20231231-WA0001.jpg (file attached)', 'Вот это платье'].join('\n')
    expect(parseUtc(text)[0]).toMatchObject({ body: 'Вот это платье', hasMedia: true })
    expect(parseUtc('[31.12.23, 21:05:33] Aigul: <attached: 00000012-PHOTO-2023.jpg> this one')[0]).toMatchObject({
      body: 'this one',
      hasMedia: true,
    })
  })

  it('names the kind of media when the placeholder says it', () => {
    const kinds = [
      '31.12.23, 21:05 - A: \u200eimage omitted',
      '31.12.23, 21:05 - A: <attached: 00000013-AUDIO-2023.opus>',
      '31.12.23, 21:05 - A: VID-20231231-WA0003.mp4 (file attached)',
      '31.12.23, 21:05 - A: <Media omitted>',
      '31.12.23, 21:05 - A: plain text',
    ].map((line) => parseWhatsAppExport(line)[0]?.mediaKind)
    expect(kinds).toEqual(['image', 'audio', 'video', 'unknown', null])
  })

  it('does not treat talk about media as media', () => {
    expect(parseUtc('31.12.23, 21:05 - A: the image omitted from the catalog was nicer')[0]?.hasMedia).toBe(false)
  })
})

describe('parseWhatsAppExport: bad input', () => {
  it.each([
    ['empty', ''],
    ['prose', 'hello\nworld'],
    ['numbers', '1234567890'],
    ['a date alone', '31.12.23'],
    ['an impossible date', '31.02.23, 21:05 - A: hi'],
    ['an impossible time', '31.12.23, 25:05 - A: hi'],
  ])('%s → []', (_why, text) => {
    expect(parseWhatsAppExport(text)).toEqual([])
  })

  it('returns [] for values that are not strings', () => {
    expect(parseWhatsAppExport(null as unknown as string)).toEqual([])
    expect(parseWhatsAppExport({} as unknown as string)).toEqual([])
  })
})

describe('inferDateOrder', () => {
  const headers = (...lines: string[]) => lines.map((line) => matchExportHeader(line)).filter((h): h is ExportLineHeader => h !== null)

  it('is day-first for an empty file', () => {
    expect(inferDateOrder([])).toBe('dmy')
  })

  it('is year-first for ISO-like dates', () => {
    expect(inferDateOrder(headers('2024-01-05, 10:00 - A: x'))).toBe('ymd')
  })
})

describe('text PostgreSQL cannot store', () => {
  it('drops NUL and lone surrogates from authors and texts, keeps emoji and Cyrillic', () => {
    const text = '12.03.2024, 14:05 - Айгүл\u0000: Сал\u0000ам 👋\uD83D\r\nвторая строка\r\n12.03.2024, 14:06 - Бакыт: ок\uDE00'
    const messages = parseWhatsAppExport(text, { timeZone: 'Asia/Bishkek' })
    expect(messages.map((m) => [m.author, m.body])).toEqual([
      ['Айгүл', 'Салам 👋\nвторая строка'],
      ['Бакыт', 'ок'],
    ])
  })
})
