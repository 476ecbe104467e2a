/**
 * The incoming pipeline. A customer's message is first made durable (IncomingInbox in PostgreSQL,
 * idempotent on the WhatsApp id), then queued with a human-like delay. Processing creates client,
 * conversation and message in one transaction (a crash leaves nothing half-made, and the same WhatsApp
 * message never becomes two rows), then does the rate-limited contact lookup and runs the handler.
 */
import { db, type Prisma } from '../../db'
import { orgLogger } from '../../logger'
import { extractBestName, detectLanguage, detectCulturalContext } from '../../import/parsers'
import { importClient } from '../../import/importers/client-importer'
import { importConversation, touchConversation } from '../../import/importers/conversation-importer'
import { checkDuplicate } from '../../import/validators/duplicate-detector'
import { delayFor } from '../../queues/delays'
import { enqueueIncoming } from '../../queues/incoming-queue'
import { rateLimitedLookup } from '../../queues/lookup-limiter'
import type { WaContact, WaIncomingMessage } from '../../whatsapp/engine/types'
import { extractPhoneFromWhatsAppId } from '../../whatsapp/phone'
import { WhatsAppMessageHandler } from './message-handler'
import { fireAndForget, publishConversation, publishMessage } from './message-events'
import { acceptOutgoing } from './send-service'

export interface AcceptResult {
  inboxId: string | null
  duplicate: boolean
  queued: boolean
}

/** Messages that arrived while both PostgreSQL and Redis were down: retried by the relay. */
const globalForBuffer = globalThis as unknown as { __soulIncomingBuffer?: Array<{ organizationId: string; message: WaIncomingMessage }> }
export const incomingBuffer = (globalForBuffer.__soulIncomingBuffer ??= [])

/** Writes the message to the inbox and queues it. Never throws: the last resort is an in-memory buffer. */
export async function acceptIncoming(organizationId: string, message: WaIncomingMessage): Promise<AcceptResult> {
  let inbox: { id: string; processedAt: Date | null; queuedAt: Date | null }
  try {
    inbox = await db.incomingInbox.upsert({
      where: { organizationId_whatsappMessageId: { organizationId, whatsappMessageId: message.id } },
      update: {},
      create: { organizationId, whatsappMessageId: message.id, payload: message as unknown as Prisma.InputJsonValue },
      select: { id: true, processedAt: true, queuedAt: true },
    })
  } catch (err) {
    orgLogger(organizationId).error({ err: (err as Error).message, whatsappMessageId: message.id }, 'inbox write failed; message buffered in memory')
    incomingBuffer.push({ organizationId, message })
    return { inboxId: null, duplicate: false, queued: false }
  }
  if (inbox.processedAt || inbox.queuedAt) return { inboxId: inbox.id, duplicate: true, queued: Boolean(inbox.queuedAt) }
  const queued = await enqueueIncoming({ organizationId, inboxId: inbox.id })
  if (queued) await db.incomingInbox.update({ where: { id: inbox.id }, data: { queuedAt: new Date() }, select: { id: true } }).catch(() => undefined)
  return { inboxId: inbox.id, duplicate: false, queued }
}

export interface IncomingDeps {
  /** Contact details from WhatsApp (the engine), when the session runs here. */
  lookupContact?: (organizationId: string, chatId: string) => Promise<WaContact | null>
  /** Runs inside the transaction just before it commits (instrumentation; tests simulate a crash here). */
  beforeCommit?: () => Promise<void>
}

export type ProcessResult =
  | { status: 'missing' | 'duplicate' | 'ignored' }
  | { status: 'processed'; clientId: string; conversationId: string; messageId: string; clientCreated: boolean; replyMessageId: string | null }

/** Processes one inbox row; safe to run twice (the second run is a no-op). */
export async function processIncoming(inboxId: string, deps: IncomingDeps = {}): Promise<ProcessResult> {
  const inbox = await db.incomingInbox.findUnique({ where: { id: inboxId }, select: { organizationId: true, payload: true, processedAt: true } })
  if (!inbox) return { status: 'missing' }
  if (inbox.processedAt) return { status: 'duplicate' }
  const { organizationId } = inbox
  const message = inbox.payload as unknown as WaIncomingMessage
  const log = orgLogger(organizationId, { component: 'incoming', whatsappMessageId: message.id })
  const identity = extractPhoneFromWhatsAppId(message.from)
  if (identity.kind !== 'phone' && identity.kind !== 'lid') {
    await db.incomingInbox.update({ where: { id: inboxId }, data: { processedAt: new Date(), error: 'not a private chat' }, select: { id: true } })
    return { status: 'ignored' }
  }
  const language = detectLanguage(message.body)
  const sentAt = new Date((message.timestamp || Date.now() / 1000) * 1000)

  const stored = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ processedAt: Date | null }>>`SELECT "processedAt" FROM incoming_inbox WHERE id = ${inboxId} FOR UPDATE`
    if (!locked[0] || locked[0].processedAt) return null
    const client = await importClient(
      organizationId,
      {
        phone: identity.phone,
        whatsappId: identity.whatsappId,
        name: extractBestName(null, [message.body], message.notifyName ?? null),
        preferredLanguage: language,
        metadata: { culturalContext: detectCulturalContext(message.body, language), source: 'whatsapp' },
        detectedStatus: 'NEW_LEAD',
      },
      tx,
    )
    if (!client) return null
    const conversation = await importConversation(organizationId, client.id, 'WHATSAPP', tx)
    const duplicate = await checkDuplicate(organizationId, { whatsappMessageId: message.id }, tx)
    const existing = duplicate.messageId ? { id: duplicate.messageId } : null
    let messageId = existing?.id ?? null
    if (!existing) {
      const created = await tx.message.create({
        data: {
          organizationId,
          conversationId: conversation.id,
          content: message.body,
          direction: 'INCOMING',
          sender: 'CLIENT',
          status: 'PENDING',
          whatsappMessageId: message.id,
          language,
          metadata: { type: message.type, hasMedia: message.hasMedia } as Prisma.InputJsonValue,
          createdAt: sentAt,
        },
        select: { id: true },
      })
      messageId = created.id
      await touchConversation(conversation.id, sentAt, tx)
    }
    await tx.incomingInbox.update({ where: { id: inboxId }, data: { processedAt: new Date(), error: null }, select: { id: true } })
    await deps.beforeCommit?.()
    return { clientId: client.id, clientCreated: client.created, conversationId: conversation.id, messageId: messageId!, duplicate: Boolean(existing) }
  })
  if (!stored) return { status: 'duplicate' }
  if (stored.duplicate) return { status: 'duplicate' }

  fireAndForget(publishMessage('message.created', stored.messageId))
  fireAndForget(publishConversation(organizationId, stored.conversationId))

  await enrichClient(organizationId, stored.clientId, message, deps).catch((err) => log.warn({ err: (err as Error).message }, 'contact lookup failed'))

  const handler = new WhatsAppMessageHandler(log)
  const result = await handler.handleIncomingMessage({ organizationId, ...stored, whatsappMessageId: message.id, body: message.body, language })
  let replyMessageId: string | null = null
  if (result.reply) {
    const accepted = await acceptOutgoing({
      organizationId,
      conversationId: stored.conversationId,
      content: result.reply.content,
      sender: 'AI',
      senderId: result.reply.agentType,
      priority: 5,
      delayMs: delayFor('reply'),
    }).catch((err) => {
      log.warn({ err: (err as Error).message }, 'agent reply not accepted')
      return null
    })
    replyMessageId = accepted?.id ?? null
  }
  return { status: 'processed', ...stored, replyMessageId }
}

/** Fills a client's name and avatar from WhatsApp, under the lookup limit; skipped when over it. */
async function enrichClient(organizationId: string, clientId: string, message: WaIncomingMessage, deps: IncomingDeps) {
  if (!deps.lookupContact) return
  const client = await db.client.findUnique({ where: { id: clientId }, select: { name: true, avatarUrl: true } })
  if (!client || (client.name && client.avatarUrl)) return
  const contact = await rateLimitedLookup(organizationId, () => deps.lookupContact!(organizationId, message.from))
  if (!contact) return
  const name = client.name ?? extractBestName(contact.name ?? null, [message.body], contact.pushName ?? message.notifyName ?? null)
  const data: Prisma.ClientUpdateInput = {}
  if (!client.name && name) data.name = name
  if (!client.avatarUrl && contact.avatarUrl) data.avatarUrl = contact.avatarUrl
  if (Object.keys(data).length) await db.client.update({ where: { id: clientId }, data, select: { id: true } })
}

