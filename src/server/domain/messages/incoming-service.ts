/**
 * The incoming pipeline. A customer's message is first made durable (IncomingInbox in PostgreSQL,
 * idempotent on the WhatsApp id), then queued with a human-like delay. Processing creates client,
 * conversation and message in one transaction (a crash leaves nothing half-made, and the same WhatsApp
 * message never becomes two rows); what the message tells about the client (language, cultural
 * context) is stored with it. Then the rate-limited contact lookup, and the agent hook may reply.
 */
import { cleanMessageText, removeUnstorable } from '~/shared/message-text'
import { getAgentResponder } from '../../agents/agent-hook'
import { db, type Prisma } from '../../db'
import { detectCulturalContext, detectLanguage, detectOptOut, extractBestName } from '../../text'
import { isInfrastructureError } from '../../infrastructure-errors'
import { logger, orgLogger, type Logger } from '../../logger'
import { processSingleton } from '../../process-singleton'
import { metrics } from '../../observability/metrics'
import { delayFor, delaysEnabled } from '../../queues/delays'
import { enqueueIncoming } from '../../queues/incoming-queue'
import { rateLimitedLookup } from '../../queues/lookup-limiter'
import { SpoolFullError } from '../../spool/file-spool'
import { getIncomingSpool, noteSpoolStatus } from '../../spool/incoming-spool'
import type { WaContact, WaIncomingMessage } from '../../whatsapp/engine/types'
import { extractPhoneFromWhatsAppId } from '../../whatsapp/phone'
import { findOrCreateClient } from '../clients/find-or-create-client'
import { resolveClientIdentity, type IdentityResolver } from '../clients/identity-resolution'
import { distributeOnCustomerMessage } from '../conversations/assignment'
import { announceReopened, reopenOnCustomerMessage } from '../conversations/conversation-status'
import { findOrCreateConversation, touchConversation } from '../conversations/find-or-create-conversation'
import { recordCustomerMessage } from '../conversations/read-state'
import { recordOptOut } from '../safety/opt-out'
import { fireAndForget, publishConversation, publishMessage } from './message-events'
import { createPendingMessage } from './message-status'
import { humanAnsweredRecently } from './human-activity'
import { isPhoneReplyPayload, PHONE_REPLY_SETTLE_MS, processPhoneReply, type InboxPayload } from './phone-reply-service'
import { acceptOutgoing } from './send-service'

export interface AcceptResult {
  inboxId: string | null
  duplicate: boolean
  queued: boolean
  /** PostgreSQL did not take it: where it waits instead. */
  kept?: 'spooled' | 'buffered' | 'refused'
}

/**
 * Messages neither PostgreSQL nor the local spool took (the spool full or unwritable): the last resort,
 * in memory, retried by the relay. Bounded; past the bound a message is refused loudly (it stays in the
 * WhatsApp chat on the phone, and a history import brings it in).
 */
export const incomingBuffer = processSingleton('incoming-buffer', (): Array<{ organizationId: string; message: WaIncomingMessage }> => [])
export const INCOMING_BUFFER_LIMIT = 1000

/**
 * An incoming message as PostgreSQL can store it (the inbox payload is jsonb, which refuses NUL): the
 * text cleaned (shared/message-text.ts), every other string freed of NUL and lone surrogates. The one
 * door for both engines' messages, and for replies typed on the phone.
 */
export function storableIncoming<T extends WaIncomingMessage>(message: T): T {
  const cleaned: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(message)) {
    cleaned[key] = typeof value !== 'string' ? value : key === 'body' ? cleanMessageText(value) : removeUnstorable(value)
  }
  return cleaned as T
}

/** The durable inbox row of a message (idempotent on the WhatsApp id); throws when PostgreSQL does. */
function writeInbox(organizationId: string, message: WaIncomingMessage) {
  return db.incomingInbox.upsert({
    where: { organizationId_whatsappMessageId: { organizationId, whatsappMessageId: message.id } },
    update: {},
    create: { organizationId, whatsappMessageId: message.id, payload: message as unknown as Prisma.InputJsonValue },
    select: { id: true, processedAt: true, queuedAt: true },
  })
}

/** Keeps a message PostgreSQL did not take: in the fsynced local spool, or (spool full) in bounded memory. */
async function keepForLater(organizationId: string, message: WaIncomingMessage, cause: unknown): Promise<'spooled' | 'buffered' | 'refused'> {
  const log = orgLogger(organizationId, { whatsappMessageId: message.id })
  try {
    noteSpoolStatus(await getIncomingSpool().append({ organizationId, message, spooledAt: new Date().toISOString() }))
    log.warn({ err: (cause as Error).message }, 'inbox write failed; message kept in the local spool')
    return 'spooled'
  } catch (error) {
    if (error instanceof SpoolFullError) noteSpoolStatus({ bytes: error.bytes, maxBytes: error.maxBytes, nearFull: true, full: true })
    if (incomingBuffer.length >= INCOMING_BUFFER_LIMIT) {
      log.error(
        { err: (error as Error).message },
        'incoming message REFUSED: database down, local spool and memory buffer full (it stays in the WhatsApp chat)',
      )
      return 'refused'
    }
    log.error({ err: (error as Error).message }, 'inbox write and local spool failed; message buffered in memory')
    incomingBuffer.push({ organizationId, message })
    return 'buffered'
  }
}

/**
 * Writes the message to the inbox and queues it. Never throws: when PostgreSQL is down it goes to the
 * local spool (drained by the outbox relay), and as a last resort to a bounded memory buffer.
 */
export async function acceptIncoming(organizationId: string, received: WaIncomingMessage, delayMs?: number): Promise<AcceptResult> {
  const message = storableIncoming(received)
  let inbox: { id: string; processedAt: Date | null; queuedAt: Date | null }
  try {
    inbox = await writeInbox(organizationId, message)
  } catch (err) {
    const kept = await keepForLater(organizationId, message, err)
    return { inboxId: null, duplicate: false, queued: false, kept }
  }
  if (inbox.processedAt || inbox.queuedAt) return { inboxId: inbox.id, duplicate: true, queued: Boolean(inbox.queuedAt) }
  const queued = await enqueueIncoming({ organizationId, inboxId: inbox.id }, delayMs)
  if (queued) await db.incomingInbox.update({ where: { id: inbox.id }, data: { queuedAt: new Date() }, select: { id: true } }).catch(() => undefined)
  return { inboxId: inbox.id, duplicate: false, queued }
}

/**
 * Moves what the local spool holds into the inbox (idempotent by WhatsApp id), then empties it; the
 * relay queues the new rows. PostgreSQL still down: everything stays for the next pass. A record the
 * database refuses for another reason is set aside in `<spool>.rejected`, never dropped silently.
 */
export async function drainIncomingSpool(): Promise<number> {
  const spool = getIncomingSpool()
  const drained = await spool.drain(async (records, skipped) => {
    if (skipped) logger.warn({ skipped }, 'incoming spool: torn or damaged lines skipped (a write cut by a crash)')
    for (const record of records) {
      try {
        await writeInbox(record.organizationId, storableIncoming(record.message))
      } catch (error) {
        if (isInfrastructureError(error)) throw error
        orgLogger(record.organizationId, { whatsappMessageId: record.message.id }).error(
          { err: (error as Error).message },
          'spooled message refused by the database; set aside in the .rejected file',
        )
        await spool.reject(record, (error as Error).message)
      }
    }
  })
  if (drained) {
    noteSpoolStatus(await spool.status())
    logger.info({ drained }, 'incoming spool drained into the inbox')
  }
  return drained
}

/**
 * Makes a reply typed on the business phone durable (the same inbox, payload marked fromMe) and queues
 * it after PHONE_REPLY_SETTLE_MS; processIncoming hands it to phone-reply-service. Never throws.
 */
export function acceptPhoneReply(organizationId: string, message: WaIncomingMessage): Promise<AcceptResult> {
  const payload: InboxPayload = { ...message, fromMe: true }
  return acceptIncoming(organizationId, payload, delaysEnabled() ? PHONE_REPLY_SETTLE_MS : 0)
}

export interface IncomingDeps {
  /** Contact details from WhatsApp (the engine), when the session runs here. */
  lookupContact?: (organizationId: string, chatId: string) => Promise<WaContact | null>
  /** Both identities behind a chat (the session manager's resolveIdentity), for hidden numbers (@lid). */
  resolveIdentity?: IdentityResolver
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
  // A reply typed on the business phone rides the same inbox and queue (phone-reply-service.ts).
  if (isPhoneReplyPayload(inbox.payload)) {
    const result = await processPhoneReply(inboxId, organizationId, inbox.payload)
    return result.status === 'processed'
      ? { ...result, clientCreated: false, replyMessageId: null }
      : { status: result.status === 'ignored' ? 'ignored' : 'duplicate' }
  }
  const message = inbox.payload as unknown as WaIncomingMessage
  const log = orgLogger(organizationId, { component: 'incoming', whatsappMessageId: message.id })
  const identity = extractPhoneFromWhatsAppId(message.from)
  if (identity.kind !== 'phone' && identity.kind !== 'lid') {
    await db.incomingInbox.update({ where: { id: inboxId }, data: { processedAt: new Date(), error: 'not a private chat' }, select: { id: true } })
    return { status: 'ignored' }
  }
  const language = detectLanguage(message.body)
  const sentAt = new Date((message.timestamp || Date.now() / 1000) * 1000)

  let reopened: Awaited<ReturnType<typeof reopenOnCustomerMessage>> = null
  const stored = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ processedAt: Date | null }>>`SELECT "processedAt" FROM incoming_inbox WHERE id = ${inboxId} FOR UPDATE`
    if (!locked[0] || locked[0].processedAt) return null
    const client = await findOrCreateClient(
      organizationId,
      {
        phone: identity.phone,
        whatsappId: identity.whatsappId,
        name: extractBestName(null, [message.body], message.notifyName ?? null),
        preferredLanguage: language,
        metadata: learnedFromMessage(message.body, language),
        detectedStatus: 'NEW_LEAD',
      },
      tx,
    )
    if (!client) return null
    const conversation = await findOrCreateConversation(organizationId, client.id, 'WHATSAPP', tx)
    const existing = await tx.message.findUnique({
      where: { organizationId_whatsappMessageId: { organizationId, whatsappMessageId: message.id } },
      select: { id: true },
    })
    let messageId = existing?.id ?? null
    if (!existing) {
      const created = await createPendingMessage(
        {
          organizationId,
          conversationId: conversation.id,
          content: message.body,
          direction: 'INCOMING',
          sender: 'CLIENT',
          whatsappMessageId: message.id,
          language,
          metadata: { type: message.type, hasMedia: message.hasMedia },
          createdAt: sentAt,
        },
        tx,
      )
      messageId = created.id
      await touchConversation(conversation.id, sentAt, tx)
      await recordCustomerMessage(conversation.id, sentAt, tx)
      // issue 13: a resolved or snoozed conversation opens again with the message.
      reopened = await reopenOnCustomerMessage(tx, organizationId, conversation.id)
      // "стоп", "жазбаңыз", "unsubscribe": no more bulk or agent messages to this customer (domain/safety).
      const optOut = detectOptOut(message.body)
      if (optOut.optOut)
        await recordOptOut(tx, organizationId, client.id, { messageId: created.id, phrase: optOut.phrase ?? '', language: optOut.language ?? '' })
    }
    await tx.incomingInbox.update({ where: { id: inboxId }, data: { processedAt: new Date(), error: null }, select: { id: true } })
    await deps.beforeCommit?.()
    return { clientId: client.id, clientCreated: client.created, conversationId: conversation.id, messageId: messageId!, duplicate: Boolean(existing) }
  })
  if (!stored) return { status: 'duplicate' }
  if (stored.duplicate) return { status: 'duplicate' }

  metrics().incomingMessages.inc({ organization: organizationId })
  fireAndForget(publishMessage('message.created', stored.messageId))
  fireAndForget(publishConversation(organizationId, stored.conversationId))
  fireAndForget(announceReopened(organizationId, reopened))
  // issue 13: round-robin gives an unassigned conversation to the next online operator.
  await distributeOnCustomerMessage(organizationId, stored.conversationId).catch((err) => log.warn({ err: (err as Error).message }, 'round-robin failed'))

  // A LID sender may turn out to be a client we know by phone (or the other way round): link or merge.
  if (deps.resolveIdentity) {
    const linked = await resolveClientIdentity(organizationId, stored.clientId, message.from, deps.resolveIdentity)
    if (linked) {
      for (const conversationId of linked.conversationIds) fireAndForget(publishConversation(organizationId, conversationId))
      const conversation = await db.conversation.findFirst({ where: { organizationId, clientId: linked.clientId, channel: 'WHATSAPP' }, select: { id: true } })
      stored.clientId = linked.clientId
      if (conversation) stored.conversationId = conversation.id
    }
  }

  await enrichClient(organizationId, stored.clientId, message, deps).catch((err) => log.warn({ err: (err as Error).message }, 'contact lookup failed'))

  const replyMessageId = await replyFromAgent({ organizationId, ...stored, whatsappMessageId: message.id, body: message.body, language }, log)
  return { status: 'processed', ...stored, replyMessageId }
}

/**
 * What a customer's message tells about them, merged into the client's metadata (the client's
 * preferredLanguage is filled from the same language when still unknown).
 */
function learnedFromMessage(body: string, language: string): Record<string, unknown> {
  return { culturalContext: detectCulturalContext(body, language), source: 'whatsapp', lastLanguage: language }
}

interface StoredMessage {
  organizationId: string
  clientId: string
  conversationId: string
  messageId: string
  whatsappMessageId: string
  body: string
  language: string
}

/**
 * Asks the agent hook (if one is registered) for a reply and queues it as AI, priority 5, after a
 * human-like delay. Returns the reply's message id; an agent or queue failure means no reply.
 */
async function replyFromAgent(message: StoredMessage, log: Logger): Promise<string | null> {
  const responder = getAgentResponder()
  if (!responder) return null
  // A person (in the CRM or on the phone) is talking with this customer: the agent stays out of it.
  if (await humanAnsweredRecently(message.organizationId, message.conversationId)) {
    log.info({ messageId: message.messageId }, 'agent skipped: a person answered this customer recently')
    return null
  }
  const recent = await db.message.findMany({
    where: { organizationId: message.organizationId, conversationId: message.conversationId },
    orderBy: { createdAt: 'desc' },
    take: 10,
    select: { direction: true, content: true, createdAt: true },
  })
  let reply: Awaited<ReturnType<typeof responder>>
  try {
    reply = await responder({ ...message, recentMessages: recent.reverse() })
  } catch (err) {
    log.error({ err, messageId: message.messageId }, 'agent failed; no reply')
    return null
  }
  if (!reply) return null
  const accepted = await acceptOutgoing({
    organizationId: message.organizationId,
    conversationId: message.conversationId,
    content: reply.content,
    sender: 'AI',
    senderId: reply.agentType,
    priority: 5,
    delayMs: delayFor('reply'),
  }).catch((err) => {
    log.warn({ err: (err as Error).message }, 'agent reply not accepted')
    return null
  })
  return accepted?.id ?? null
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
