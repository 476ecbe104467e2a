/**
 * What the export upload needs from a chat file, computed where the file is parsed (the export worker):
 * a bounded preview (counts, the most active authors, a sample) or the rows to import. Pure: no I/O.
 */
import { detectClientStatus, detectLanguage } from '../../text'
import type { ClientStatus } from '~/shared/enums'
import { mediaPlaceholder } from '../../text/media-placeholder'
import { parseWhatsAppExport, type ParsedExportMessage } from '../parsers'
import { exportMessageKey } from './export-message-key'

/**
 * A preview lists at most this many authors (the most active first); the rest are counted, and the
 * UI says "and N more". A chat export is one conversation: two authors, a few in a group. A file with
 * 271k authors is not one, and listing them would cost one client lookup each and a huge response.
 */
export const MAX_PREVIEW_AUTHORS = 50
const SAMPLE_SIZE = 30

export interface ExportPreviewData {
  total: number
  media: number
  firstAt: Date
  lastAt: Date
  /** The most active authors, at most MAX_PREVIEW_AUTHORS. */
  authors: Array<{ name: string; messages: number }>
  /** How many distinct authors the file has in all. */
  authorsTotal: number
  sample: Array<{ timestamp: Date; author: string | null; content: string; hasMedia: boolean }>
}

export interface ExportRow {
  whatsappMessageId: string
  content: string
  outgoing: boolean
  createdAt: Date
  hasMedia: boolean
  /** The media file the line names (an entry of the .zip, attached when the zip has it) and what the line says it is. */
  mediaFileName?: string
  mediaKind?: ParsedExportMessage['mediaKind']
  /** Deleted for everyone by its author: content is the notice, stored with deletedAt. */
  deleted: boolean
}

export interface ExportRowsData {
  rows: ExportRow[]
  /** The client's language and status as their messages suggest (used when the import creates the client). */
  clientLanguage: string
  clientStatus: ClientStatus
}

export function contentOf(message: ParsedExportMessage): string {
  if (message.body && !message.hasMedia) return message.body
  return mediaPlaceholder(message.mediaKind ?? 'unknown', message.body)
}

/** The messages people wrote (system notices dropped); an empty list means the file is not an export. */
export function parseExportMessages(text: string, timeZone: string): ParsedExportMessage[] {
  return parseWhatsAppExport(text, { timeZone }).filter((m) => !m.isSystem && m.author)
}

export function summarizeExport(messages: ParsedExportMessage[]): ExportPreviewData {
  const counts = new Map<string, number>()
  let media = 0
  for (const m of messages) {
    counts.set(m.author!, (counts.get(m.author!) ?? 0) + 1)
    if (m.hasMedia) media += 1
  }
  const authors = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_PREVIEW_AUTHORS)
    .map(([name, count]) => ({ name, messages: count }))
  return {
    total: messages.length,
    media,
    firstAt: messages[0]!.timestamp,
    lastAt: messages[messages.length - 1]!.timestamp,
    authors,
    authorsTotal: counts.size,
    sample: messages.slice(0, SAMPLE_SIZE).map((m) => ({ timestamp: m.timestamp, author: m.author, content: contentOf(m), hasMedia: m.hasMedia })),
  }
}

export function exportRows(messages: ParsedExportMessage[], businessAuthor: string | null): ExportRowsData {
  const rows = messages.map((m) => ({
    whatsappMessageId: exportMessageKey(m.timestamp, m.author, m.body ?? `media:${m.mediaKind}`),
    content: contentOf(m),
    outgoing: m.author === businessAuthor,
    createdAt: m.timestamp,
    hasMedia: m.hasMedia,
    ...(m.mediaFileName ? { mediaFileName: m.mediaFileName, mediaKind: m.mediaKind } : {}),
    deleted: m.isDeleted,
  }))
  // A deletion notice is WhatsApp's wording, not what the client wrote: no say in language or status.
  const written = messages.filter((m) => !m.isDeleted)
  const fromClient = written.filter((m) => m.author !== businessAuthor)
  return {
    rows,
    clientLanguage: detectLanguage(fromClient.map((m) => m.body ?? '').join('\n')),
    clientStatus: detectClientStatus(written.map((m) => ({ body: m.body ?? '', fromClient: m.author !== businessAuthor, timestamp: m.timestamp }))).status,
  }
}
