/**
 * Chat-export upload: preview the parsed messages and a suggested client, then import them into that
 * client's WhatsApp conversation. Messages are keyed by a hash of time, author and text, so uploading
 * the same file again adds nothing.
 */
import { db, MessageDirection } from '../../db'
import { AppError } from '../../errors'
import { normalizeIdentity } from '../../domain/clients/client-identity'
import { findOrCreateClient } from '../../domain/clients/find-or-create-client'
import { findOrCreateConversation, touchConversation } from '../../domain/conversations/find-or-create-conversation'
import { importMessages } from '../importers/message-importer'
import { detectClientStatus, detectLanguage } from '../../text'
import { parseWhatsAppExport, type ParsedExportMessage } from '../parsers'
import { readImportJob, updateImportJob } from '../history/import-jobs'
import { readExportFile } from './export-file'
import { exportMessageKey } from './export-message-key'
import { mediaPlaceholder } from '../../text/media-placeholder'

export interface ExportUpload {
  fileName: string
  contentBase64: string
  timeZone?: string
}

export interface ExportAuthor {
  name: string
  messages: number
  /** A client this author looks like (by phone or by name). */
  matchedClient: { id: string; name: string | null; phone: string | null } | null
}

function contentOf(message: ParsedExportMessage): string {
  if (message.body && !message.hasMedia) return message.body
  return mediaPlaceholder(message.mediaKind ?? 'unknown', message.body)
}

async function parseUpload(upload: ExportUpload) {
  const text = await readExportFile(upload.fileName, upload.contentBase64)
  const messages = parseWhatsAppExport(text, { timeZone: upload.timeZone ?? 'Asia/Bishkek' }).filter((m) => !m.isSystem && m.author)
  if (!messages.length) throw new AppError('BAD_REQUEST', 'exportNotRecognized')
  return messages
}

async function matchClient(organizationId: string, author: string) {
  const identity = /\d{6,}/.test(author.replace(/\D/g, '')) ? normalizeIdentity({ phone: author }) : null
  if (identity?.phone) {
    const byPhone = await db.client.findFirst({ where: { organizationId, phone: identity.phone }, select: { id: true, name: true, phone: true } })
    if (byPhone) return byPhone
  }
  return db.client.findFirst({ where: { organizationId, name: { equals: author.trim(), mode: 'insensitive' } }, select: { id: true, name: true, phone: true } })
}

/** What the file holds: counts, authors (with a matching client where one exists), a sample. */
export async function previewExport(organizationId: string, upload: ExportUpload) {
  const messages = await parseUpload(upload)
  const counts = new Map<string, number>()
  for (const m of messages) counts.set(m.author!, (counts.get(m.author!) ?? 0) + 1)
  const authors: ExportAuthor[] = []
  for (const [name, count] of [...counts.entries()].sort((a, b) => b[1] - a[1])) {
    authors.push({ name, messages: count, matchedClient: await matchClient(organizationId, name) })
  }
  const fileHint = upload.fileName
    .replace(/\.(txt|zip)$/i, '')
    .replace(/^WhatsApp Chat (with|с) /i, '')
    .trim()
  const suggested = authors.find((a) => a.matchedClient)?.matchedClient ?? (fileHint ? await matchClient(organizationId, fileHint) : null)
  return {
    total: messages.length,
    media: messages.filter((m) => m.hasMedia).length,
    firstAt: messages[0]!.timestamp,
    lastAt: messages[messages.length - 1]!.timestamp,
    authors,
    suggestedClient: suggested,
    sample: messages.slice(0, 30).map((m) => ({ timestamp: m.timestamp, author: m.author, content: contentOf(m), hasMedia: m.hasMedia })),
  }
}

export interface CommitExportInput extends ExportUpload {
  /** The client the chat is with: an existing one, or a new one by phone. */
  clientId?: string
  newClient?: { phone: string; name?: string }
  /** Which author in the file is the business (their messages become OUTGOING). */
  businessAuthor: string | null
}

/** Imports the file into the client's WhatsApp conversation; returns the finished ImportJob. */
export async function commitExport(organizationId: string, createdById: string | null, input: CommitExportInput) {
  const messages = await parseUpload(input)
  let clientId = input.clientId ?? null
  if (clientId) {
    const exists = await db.client.findFirst({ where: { id: clientId, organizationId }, select: { id: true } })
    if (!exists) throw new AppError('NOT_FOUND', 'clientNotFound')
  } else if (input.newClient) {
    const fromClient = messages.filter((m) => m.author !== input.businessAuthor)
    const language = detectLanguage(fromClient.map((m) => m.body ?? '').join('\n'))
    const status = detectClientStatus(
      messages.map((m) => ({ body: m.body ?? '', fromClient: m.author !== input.businessAuthor, timestamp: m.timestamp })),
    ).status
    const client = await findOrCreateClient(organizationId, {
      phone: input.newClient.phone,
      name: input.newClient.name ?? null,
      preferredLanguage: language,
      detectedStatus: status,
      metadata: { importedFrom: 'whatsapp-export' },
    })
    if (!client) throw new AppError('BAD_REQUEST', 'phoneInvalid', { phone: input.newClient.phone.slice(0, 32) })
    clientId = client.id
  } else {
    throw new AppError('BAD_REQUEST', 'exportClientRequired')
  }
  const job = await db.importJob.create({
    data: { organizationId, createdById, kind: 'EXPORT', status: 'RUNNING', startedAt: new Date(), options: { fileName: input.fileName.slice(0, 200) } },
    select: { id: true },
  })
  const conversation = await findOrCreateConversation(organizationId, clientId)
  const rows = messages.map((m) => ({
    whatsappMessageId: exportMessageKey(m.timestamp, m.author, m.body ?? `media:${m.mediaKind}`),
    content: contentOf(m),
    direction: m.author === input.businessAuthor ? MessageDirection.OUTGOING : MessageDirection.INCOMING,
    createdAt: m.timestamp,
    hasMedia: m.hasMedia,
  }))
  const result = await importMessages(organizationId, conversation.id, rows)
  await touchConversation(conversation.id, rows[rows.length - 1]!.createdAt)
  await updateImportJob(organizationId, job.id, {
    status: 'COMPLETED',
    finishedAt: new Date(),
    chatsTotal: 1,
    chatsProcessed: 1,
    messagesProcessed: rows.length,
    messagesImported: result.inserted,
    duplicatesSkipped: result.duplicates,
    conversationsCreated: conversation.created ? 1 : 0,
  })
  return { job: (await readImportJob(organizationId, job.id))!, conversationId: conversation.id, clientId }
}
