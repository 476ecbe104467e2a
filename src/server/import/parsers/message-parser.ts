/**
 * One line of a WhatsApp chat export: its header (date, time) and what follows (author and text, or a
 * system notice). Android writes `31.12.2023, 21:05 - Name: text` or `12/31/23, 9:05 PM - Name: text`;
 * iOS writes `[31.12.23, 21:05:33] Name: text`. Which date field is the day is decided per file
 * (whatsapp-export-parser.ts); here a header only keeps its fields as written.
 */
import { INVISIBLE_MARKS, isDeletedNotice, isSystemBody, trimInvisible } from './export-markers'

export type ExportLayout = 'android' | 'ios'
export type DateOrder = 'dmy' | 'mdy' | 'ymd'
export type Meridiem = 'am' | 'pm'

/** The header of a message line, with the date fields as written (their order is decided per file). */
export interface ExportLineHeader {
  layout: ExportLayout
  /** The three numeric date fields as written: `31.12.23` → ['31', '12', '23']. */
  dateFields: readonly [string, string, string]
  /** The character between date fields: '.', '/' or '-'. */
  dateSeparator: string
  hour: number
  minute: number
  second: number
  /** AM/PM (also a.m./p.m., ДП/ПП) when the clock is 12-hour; null for 24-hour. */
  meridiem: Meridiem | null
  /** Everything after the header, as written: `Name: text` or a system notice. */
  rest: string
}

const MARKS = '[\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufeff]*'
const SPACE = '[ \\t\\u00a0\\u202f\\u2007\\u2009]'
const DATE = `(\\d{1,4})([./-])${SPACE}?(\\d{1,2})[./-]${SPACE}?(\\d{1,4})\\.?`
const TIME = `(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?`
const MERIDIEM = `(a\\.?${SPACE}?m\\.?|p\\.?${SPACE}?m\\.?|дп|пп)`
const CLOCK = `${DATE},?${SPACE}*${MARKS}${TIME}(?:${SPACE}*${MARKS}${MERIDIEM})?`

const ANDROID_HEADER = new RegExp(`^${MARKS}${CLOCK}${SPACE}*${MARKS}[-–—]${SPACE}?(.*)$`, 'iu')
const IOS_HEADER = new RegExp(`^${MARKS}\\[${MARKS}${CLOCK}${MARKS}\\]${SPACE}?(.*)$`, 'iu')

function meridiemOf(text: string | undefined): Meridiem | null {
  if (!text) return null
  const first = text.toLowerCase()[0]
  if (first === 'a' || text.toLowerCase() === 'дп') return 'am'
  if (first === 'p' || text.toLowerCase() === 'пп') return 'pm'
  return null
}

/** Parses the header of an export line, or null when the line is not a message start. */
export function matchExportHeader(line: string): ExportLineHeader | null {
  if (typeof line !== 'string' || line.length < 10) return null
  const android = ANDROID_HEADER.exec(line)
  const match = android ?? IOS_HEADER.exec(line)
  if (!match) return null
  const [, a = '', separator = '', b = '', c = '', hour = '', minute = '', second, meridiem, rest = ''] = match
  return {
    layout: android ? 'android' : 'ios',
    dateFields: [a, b, c],
    dateSeparator: separator,
    hour: Number(hour),
    minute: Number(minute),
    second: second ? Number(second) : 0,
    meridiem: meridiemOf(meridiem),
    rest,
  }
}

/** A 2-digit year in an export: WhatsApp did not exist before 2009, so `23` is 2023 (70…99: 1900s). */
export function expandYear(field: string): number | null {
  if (field.length === 4) return Number(field)
  if (field.length === 1 || field.length === 2) {
    const year = Number(field)
    return year < 70 ? 2000 + year : 1900 + year
  }
  return null
}

/** Reads date fields in a given order; null when they do not form a plausible date. */
export function interpretDate(fields: readonly [string, string, string], order: DateOrder): { year: number; month: number; day: number } | null {
  const [a, b, c] = fields
  const parts = order === 'ymd' ? { year: a, month: b, day: c } : order === 'dmy' ? { year: c, month: b, day: a } : { year: c, month: a, day: b }
  if (parts.day.length > 2 || parts.month.length > 2) return null
  const year = expandYear(parts.year)
  const month = Number(parts.month)
  const day = Number(parts.day)
  if (year === null || month < 1 || month > 12 || day < 1 || day > 31) return null
  return { year, month, day }
}

/** A 12-hour clock reading on the 24-hour clock (12 AM → 0, 12 PM → 12); null when out of range. */
export function to24Hour(hour: number, meridiem: Meridiem | null): number | null {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) return null
  if (!meridiem || hour > 12) return hour
  if (meridiem === 'am') return hour === 12 ? 0 : hour
  return hour === 12 || hour === 0 ? 12 : hour + 12
}

/** What follows a header: an author and a body, or a system notice. */
export interface LineContent {
  /** The sender as written (a saved name or a phone number); null for system lines. */
  author: string | null
  /** The text after the author (or the whole notice), as written. */
  body: string
  isSystem: boolean
  /** The author deleted this message ("This message was deleted"); `body` is the notice. */
  isDeleted: boolean
}

const QUOTES = /["“”«»„]/
const AUTHOR_SEPARATOR = /:(?: |\u00a0|$)/

/** Whether a string before ": " can be an author, rather than part of a notice. */
function isPlausibleAuthor(candidate: string): boolean {
  const name = candidate.replace(INVISIBLE_MARKS, '').trim()
  return name.length > 0 && name.length <= 80 && !QUOTES.test(name) && !/^https?$/i.test(name) && !/[\n\r]/.test(name)
}

/** Cleans an author: invisible marks (around phone numbers) removed, spaces normalized. */
export function cleanAuthor(candidate: string): string {
  return candidate
    .replace(INVISIBLE_MARKS, '')
    .replace(/[\u00a0\u202f\u2007\u2009]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Splits what follows a header into author and body. A line with no plausible `Author: ` is a system
 * notice; so is an authored line whose body is a notice (iOS prefixes notices with the chat name).
 * A deleted message keeps its author: "Shop: This message was deleted" is Shop's message, deleted.
 */
export function splitAuthorAndBody(rest: string): LineContent {
  const separator = AUTHOR_SEPARATOR.exec(rest)
  const candidate = separator ? rest.slice(0, separator.index) : ''
  if (!separator || !isPlausibleAuthor(candidate) || isSystemBody(rest, false)) {
    return { author: null, body: trimInvisible(rest), isSystem: true, isDeleted: false }
  }
  const body = rest.slice(separator.index + separator[0].length)
  if (isDeletedNotice(body)) return { author: cleanAuthor(candidate), body: trimInvisible(body), isSystem: false, isDeleted: true }
  if (isSystemBody(body, /^[\u200e\u200f]/.test(body))) return { author: null, body: trimInvisible(body), isSystem: true, isDeleted: false }
  return { author: cleanAuthor(candidate), body, isSystem: false, isDeleted: false }
}
