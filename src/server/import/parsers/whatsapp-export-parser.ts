/**
 * A whole WhatsApp "Export chat" text file to messages: decides the file's date order once (day-first
 * or month-first), joins continuation lines to the message above, recognizes system notices and media
 * placeholders, and turns wall-clock times into instants in the phone's time zone. Never throws.
 */
import { cleanMessageText } from '~/shared/message-text'
import { EDITED_MARKER, matchMediaPlaceholder, trimInvisible, type MediaKind } from './export-markers'
import { interpretDate, matchExportHeader, splitAuthorAndBody, to24Hour, type DateOrder, type ExportLineHeader } from './message-parser'
import { DEFAULT_EXPORT_TIME_ZONE, wallClockToInstant, type WallClock } from './wall-clock-time'

/** One message of an export, in file order. */
export interface ParsedExportMessage {
  timestamp: Date
  /** The sender as written in the file (saved name or phone number); null for system lines. */
  author: string | null
  /** The text, continuation lines joined by '\n'; null when the message is only a media placeholder. */
  body: string | null
  /** True for lines with no author: encryption notice, group events. */
  isSystem: boolean
  /** The author deleted it for everyone: `body` is the notice as written ("This message was deleted"). */
  isDeleted: boolean
  /** True for media placeholders in any language ("<Media omitted>", "image omitted", "<attached: …>"). */
  hasMedia: boolean
  /** What the placeholder says the media was, when it says; null without media. */
  mediaKind: MediaKind | null
  /** The file's name when the placeholder gives it (`<attached: …>`, `… (file attached)`): an entry of the export's .zip. */
  mediaFileName?: string
}

/** How to read an export. */
export interface ParseExportOptions {
  /** IANA zone the phone was in (default Asia/Bishkek). With 'UTC', Date UTC fields = the file's wall clock. */
  timeZone?: string
  /** Force the date order instead of inferring it from the file. */
  dateOrder?: DateOrder
}

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/

function wallClockOf(header: ExportLineHeader, order: DateOrder): WallClock | null {
  const date = interpretDate(header.dateFields, order)
  const hour = to24Hour(header.hour, header.meridiem)
  if (!date || hour === null) return null
  return { ...date, hour, minute: header.minute, second: header.second }
}

function sortKey(clock: WallClock): number {
  return ((((clock.year * 13 + clock.month) * 32 + clock.day) * 24 + clock.hour) * 60 + clock.minute) * 60 + clock.second
}

/** Valid readings minus backwards steps in time: how well an order explains the file. */
function orderFit(headers: readonly ExportLineHeader[], order: DateOrder): number {
  let valid = 0
  let backwards = 0
  let previous = -Infinity
  for (const header of headers) {
    const clock = wallClockOf(header, order)
    if (!clock) continue
    valid++
    const key = sortKey(clock)
    if (key < previous) backwards++
    previous = key
  }
  return valid * 2 - backwards
}

/**
 * The date order of a file, from all its headers: a 4-digit first field means year first; a first field
 * above 12 anywhere means day-first, a second field above 12 month-first. Otherwise the order that reads
 * more lines in time order wins, and on a tie the habit of the layout (dots: day-first; slashes with
 * AM/PM: month-first, the US default).
 */
export function inferDateOrder(headers: readonly ExportLineHeader[]): DateOrder {
  if (headers.length === 0) return 'dmy'
  const yearFirst = headers.filter((header) => header.dateFields[0].length === 4).length
  if (yearFirst * 2 > headers.length) return 'ymd'
  const firstAbove12 = headers.some((header) => Number(header.dateFields[0]) > 12)
  const secondAbove12 = headers.some((header) => Number(header.dateFields[1]) > 12)
  if (firstAbove12 && !secondAbove12) return 'dmy'
  if (secondAbove12 && !firstAbove12) return 'mdy'
  const dmy = orderFit(headers, 'dmy')
  const mdy = orderFit(headers, 'mdy')
  if (dmy !== mdy) return dmy > mdy ? 'dmy' : 'mdy'
  const slashes = headers.filter((header) => header.dateSeparator === '/').length
  const twelveHour = headers.filter((header) => header.meridiem !== null).length
  return slashes * 2 > headers.length && twelveHour * 2 > headers.length ? 'mdy' : 'dmy'
}

interface Draft {
  timestamp: Date
  author: string | null
  firstLine: string
  isSystem: boolean
  isDeleted: boolean
  more: string[]
}

function finish(draft: Draft): ParsedExportMessage {
  const { timestamp, author, isSystem, isDeleted } = draft
  if (isSystem || isDeleted) {
    const body = [draft.firstLine, ...draft.more].join('\n').trimEnd()
    return { timestamp, author: isSystem ? null : author, body, isSystem, isDeleted, hasMedia: false, mediaKind: null }
  }
  const media = matchMediaPlaceholder(draft.firstLine)
  const lines = media ? [media.caption, ...draft.more] : [draft.firstLine, ...draft.more]
  const text = trimInvisible(lines.join('\n').replace(EDITED_MARKER, ''))
  const body = text.length > 0 ? text : media ? null : ''
  return {
    timestamp,
    author,
    body,
    isSystem: false,
    isDeleted: false,
    hasMedia: media !== null,
    mediaKind: media?.kind ?? null,
    ...(media?.fileName ? { mediaFileName: media.fileName } : {}),
  }
}

/**
 * Parses the text of a WhatsApp chat export (Android or iOS layout, any of the locales our clients
 * use) into messages in file order. Lines before the first message and unparseable junk are skipped;
 * a line that is not a message start continues the message above it.
 */
export function parseWhatsAppExport(text: string, options: ParseExportOptions = {}): ParsedExportMessage[] {
  if (typeof text !== 'string' || text.length === 0) return []
  const timeZone = typeof options.timeZone === 'string' && options.timeZone ? options.timeZone : DEFAULT_EXPORT_TIME_ZONE
  // NUL and lone surrogates (which PostgreSQL refuses) go from names and texts alike: shared/message-text.ts.
  const lines = cleanMessageText(text)
    .replace(/^\ufeff/, '')
    .split(LINE_BREAK)
  const headers = lines.map((line) => matchExportHeader(line))
  const order = options.dateOrder ?? inferDateOrder(headers.filter((header) => header !== null))

  const messages: ParsedExportMessage[] = []
  let draft: Draft | null = null
  for (const [index, line] of lines.entries()) {
    const header = headers[index]
    const clock = header ? wallClockOf(header, order) : null
    const timestamp = clock ? wallClockToInstant(clock, timeZone) : null
    if (header && timestamp) {
      if (draft) messages.push(finish(draft))
      const content = splitAuthorAndBody(header.rest)
      draft = { timestamp, author: content.author, firstLine: content.body, isSystem: content.isSystem, isDeleted: content.isDeleted, more: [] }
    } else if (draft) {
      draft.more.push(line)
    }
  }
  if (draft) messages.push(finish(draft))
  return messages
}
