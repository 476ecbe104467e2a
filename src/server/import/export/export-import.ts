/**
 * Chat-export upload: preview the parsed messages and a suggested client, then import them into that
 * client's WhatsApp conversation. Messages are keyed by a hash of time, author and text, so uploading
 * the same file again adds nothing.
 */
import { db, MessageDirection } from '../../db'
import { AppError } from '../../errors'
import { normalizeIdentity } from '../../domain/clients/client-identity'
import { refreshClientLanguage } from '../../domain/clients/client-language'
import { findOrCreateClient } from '../../domain/clients/find-or-create-client'
import { findOrCreateConversation, touchConversation } from '../../domain/conversations/find-or-create-conversation'
import { importMessages } from '../importers/message-importer'
import { readImportJob, updateImportJob } from '../history/import-jobs'
import { MAX_UPLOAD_BYTES } from './export-file'
import { exportMediaOfRows } from './export-media'
import { previewInWorker, rowsInWorker } from './export-parse'
import { deleteExportUpload, readExportUpload } from './export-uploads'

/** A chat export to read: one uploaded through the upload route (by id), or small enough to come inline as base64. */
export interface ExportUpload {
  fileName: string
  uploadId?: string
  contentBase64?: string
  timeZone?: string
}

export interface ExportAuthor {
  name: string
  messages: number
  /** A client this author looks like (by phone or by name). */
  matchedClient: MatchedClient | null
}

type MatchedClient = { id: string; name: string | null; phone: string | null }

async function uploadBytes(organizationId: string, upload: ExportUpload): Promise<Uint8Array> {
  if (upload.uploadId) return (await readExportUpload(organizationId, upload.uploadId)).content
  const base64 = upload.contentBase64 ?? ''
  if (base64.length > Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4) throw new AppError('BAD_REQUEST', 'exportTooLarge', { maxMb: MAX_UPLOAD_BYTES / 1024 / 1024 })
  return Buffer.from(base64, 'base64')
}

const timeZoneOf = (upload: ExportUpload) => upload.timeZone ?? 'Asia/Bishkek'

/**
 * The clients these author names look like, in one query: by phone when the name is a number, else
 * by name (case-insensitive). A phone match wins over a name match.
 */
async function matchClients(organizationId: string, names: string[]): Promise<Map<string, MatchedClient>> {
  const phones = new Map<string, string>()
  for (const name of names) {
    const identity = /\d{6,}/.test(name.replace(/\D/g, '')) ? normalizeIdentity({ phone: name }) : null
    if (identity?.phone) phones.set(name, identity.phone)
  }
  const trimmed = [...new Set(names.map((name) => name.trim()).filter(Boolean))]
  if (!trimmed.length && !phones.size) return new Map()
  const candidates = await db.client.findMany({
    where: { organizationId, OR: [{ phone: { in: [...phones.values()] } }, { name: { in: trimmed, mode: 'insensitive' } }] },
    select: { id: true, name: true, phone: true },
    orderBy: { createdAt: 'asc' },
    take: 1000,
  })
  const matches = new Map<string, MatchedClient>()
  for (const name of names) {
    const phone = phones.get(name)
    const lower = name.trim().toLowerCase()
    const match = (phone && candidates.find((c) => c.phone === phone)) || candidates.find((c) => c.name?.toLowerCase() === lower)
    if (match) matches.set(name, match)
  }
  return matches
}

/**
 * What the file holds: counts, the most active authors (each with a matching client where one exists;
 * at most MAX_PREVIEW_AUTHORS, `authorsTotal` says how many there are), a sample. Parsed in a worker
 * thread; the clients are looked up in one query.
 */
export async function previewExport(organizationId: string, upload: ExportUpload) {
  const preview = await previewInWorker(upload.fileName, await uploadBytes(organizationId, upload), timeZoneOf(upload))
  const fileHint = upload.fileName
    .replace(/\.(txt|zip)$/i, '')
    .replace(/^WhatsApp Chat (with|с) /i, '')
    .trim()
  const matches = await matchClients(organizationId, [...preview.authors.map((a) => a.name), ...(fileHint ? [fileHint] : [])])
  const authors: ExportAuthor[] = preview.authors.map((author) => ({ ...author, matchedClient: matches.get(author.name) ?? null }))
  const suggested = authors.find((a) => a.matchedClient)?.matchedClient ?? (fileHint ? (matches.get(fileHint) ?? null) : null)
  return { ...preview, authors, suggestedClient: suggested }
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
  let clientId = input.clientId ?? null
  if (clientId) {
    const exists = await db.client.findFirst({ where: { id: clientId, organizationId }, select: { id: true } })
    if (!exists) throw new AppError('NOT_FOUND', 'clientNotFound')
  } else if (!input.newClient) {
    throw new AppError('BAD_REQUEST', 'exportClientRequired')
  }
  const bytes = await uploadBytes(organizationId, input)
  const parsed = await rowsInWorker(input.fileName, bytes, timeZoneOf(input), input.businessAuthor)
  if (!clientId && input.newClient) {
    const client = await findOrCreateClient(organizationId, {
      phone: input.newClient.phone,
      name: input.newClient.name ?? null,
      preferredLanguage: parsed.clientLanguage,
      detectedStatus: parsed.clientStatus,
      metadata: { importedFrom: 'whatsapp-export' },
    })
    if (!client) throw new AppError('BAD_REQUEST', 'phoneInvalid', { phone: input.newClient.phone.slice(0, 32) })
    clientId = client.id
  }
  if (!clientId) throw new AppError('BAD_REQUEST', 'exportClientRequired')
  const job = await db.importJob.create({
    data: { organizationId, createdById, kind: 'EXPORT', status: 'RUNNING', startedAt: new Date(), options: { fileName: input.fileName.slice(0, 200) } },
    select: { id: true },
  })
  const conversation = await findOrCreateConversation(organizationId, clientId)
  // issue 14: the files the chat names, from the .zip, stored before the messages that show them.
  const media = await exportMediaOfRows(organizationId, bytes, parsed.rows)
  const rows = parsed.rows.map((row, index) => ({
    whatsappMessageId: row.whatsappMessageId,
    content: row.content,
    direction: row.outgoing ? MessageDirection.OUTGOING : MessageDirection.INCOMING,
    createdAt: row.createdAt,
    hasMedia: row.hasMedia,
    deletedAt: row.deleted ? row.createdAt : null,
    ...(media.has(index) ? { media: media.get(index) } : {}),
  }))
  const result = await importMessages(organizationId, conversation.id, rows)
  // The client's language from their recent messages, imported ones included (a manual choice stays).
  if (result.inserted) await refreshClientLanguage(organizationId, clientId)
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
  if (input.uploadId) await deleteExportUpload(organizationId, input.uploadId)
  return { job: (await readImportJob(organizationId, job.id))!, conversationId: conversation.id, clientId }
}
