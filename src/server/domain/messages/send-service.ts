/**
 * Accepting outgoing messages: the row exists from the moment a message is accepted (PENDING), then
 * the send queue takes it. Quotas are checked here; pacing happens in the send worker. When Redis is
 * down the message is still accepted and stored, and the outbox relay queues it once Redis is back.
 */
import { db } from '../../db'
import type { MessageSender } from '../../db/generated/enums'
import { AppError } from '../../errors'
import { logger } from '../../logger'
import { assertQuota, consumeQuota, type QuotaDecision } from '../../queues/quota'
import { enqueueSend, requeueSend } from '../../queues/send-queue'
import { getEnv } from '../../env'
import { mayRetry } from '~/shared/message-status'
import { cleanMessageText, MESSAGE_MAX_LENGTH } from '~/shared/message-text'
import { mediaPlaceholder } from '../../text/media-placeholder'
import { findOrCreateClient } from '../clients/find-or-create-client'
import { outgoingMediaColumns } from '../media/outgoing-media'
import { findOrCreateConversation, touchConversation } from '../conversations/find-or-create-conversation'
import { recordReply } from '../conversations/read-state'
import { guardedQuotaSettings } from '../safety/send-clock'
import { assertAgentMayWrite, isGuardedSend, sendLaneOf } from '../safety/send-guard'
import { getWhatsAppSettings } from '../settings/settings-service'
import { fireAndForget, publishConversation, publishMessage } from './message-events'
import { createPendingMessage, markRetried } from './message-status'

export interface OutgoingRequest {
  organizationId: string
  content: string
  /** Where to send: an existing conversation, a client, or a phone number. */
  conversationId?: string
  clientId?: string
  to?: string
  sender: Extract<MessageSender, 'HUMAN' | 'AI'>
  /** The user's id (HUMAN) or the agent type (AI). */
  senderId: string | null
  /** 1 normal, 5 agents, 10 urgent. */
  priority?: number
  delayMs?: number
  batchId?: string
  /** Bulk messages: the fingerprint of the final text (domain/safety/content-hash). */
  contentHash?: string
  /** A photo or document uploaded first (domain/media/outgoing-media.ts); `content` is then its caption. */
  media?: { id: string; fileName?: string }
}

export interface AcceptedMessage {
  id: string
  conversationId: string
  queued: boolean
  quota: QuotaDecision | null
}

/** Refuses sending for a banned number: nothing would ever go out. */
export async function assertCanSend(organizationId: string): Promise<void> {
  const session = await db.whatsAppSession.findUnique({ where: { organizationId }, select: { errorCode: true } })
  if (session?.errorCode === 'BANNED') throw new AppError('PRECONDITION_FAILED', 'whatsappBanned')
}

/** The conversation to send into, creating client and conversation for a new number. */
export async function resolveConversation(request: Pick<OutgoingRequest, 'organizationId' | 'conversationId' | 'clientId' | 'to'>): Promise<string> {
  const { organizationId } = request
  if (request.conversationId) {
    const conversation = await db.conversation.findFirst({
      where: { id: request.conversationId, organizationId, channel: 'WHATSAPP' },
      select: { id: true },
    })
    if (!conversation) throw new AppError('NOT_FOUND', 'conversationNotFound')
    return conversation.id
  }
  if (request.clientId) {
    const client = await db.client.findFirst({ where: { id: request.clientId, organizationId }, select: { id: true } })
    if (!client) throw new AppError('NOT_FOUND', 'clientNotFound')
    return (await findOrCreateConversation(organizationId, client.id)).id
  }
  if (request.to) {
    const client = await findOrCreateClient(organizationId, { phone: request.to })
    if (!client) throw new AppError('BAD_REQUEST', 'phoneInvalid', { phone: request.to.slice(0, 32) })
    return (await findOrCreateConversation(organizationId, client.id)).id
  }
  throw new AppError('BAD_REQUEST', 'recipientRequired')
}

/** Creates the PENDING row and hands it to the queue (or to the relay when Redis is down). */
export async function createAndQueue(
  request: OutgoingRequest,
  conversationId: string,
  media: Awaited<ReturnType<typeof outgoingMediaColumns>> | null = null,
): Promise<{ id: string; queued: boolean }> {
  const now = new Date()
  const message = await createPendingMessage({
    ...media,
    organizationId: request.organizationId,
    conversationId,
    content: request.content,
    direction: 'OUTGOING',
    sender: request.sender,
    senderId: request.senderId,
    priority: request.priority ?? 1,
    batchId: request.batchId ?? null,
    contentHash: request.contentHash ?? null,
  })
  await touchConversation(conversationId, now)
  // A reply (not a bulk broadcast) ends the customer's wait; a person's reply also reads the conversation.
  if (!request.batchId) await recordReply(conversationId, now, { byPerson: request.sender === 'HUMAN', readerId: request.senderId ?? null })
  const queued = await enqueueSend(
    { messageId: message.id, organizationId: request.organizationId },
    { priority: request.priority, delayMs: request.delayMs, lane: sendLaneOf({ sender: request.sender, batchId: request.batchId ?? null }) },
  )
  if (queued) await db.message.update({ where: { id: message.id }, data: { queuedAt: new Date() }, select: { id: true } })
  fireAndForget(publishMessage('message.created', message.id))
  fireAndForget(publishConversation(request.organizationId, conversationId))
  return { id: message.id, queued }
}

/**
 * The text to send: cleaned (shared/message-text.ts: NUL and lone surrogates, which PostgreSQL refuses,
 * removed; line endings LF) and trimmed, refused when empty or too long. Called before anything is
 * created or counted, whoever sends (tRPC, agents, the agent hook, bulk).
 */
export function outgoingText(content: string): string {
  const text = cleanMessageText(content).trim()
  if (!text) throw new AppError('BAD_REQUEST', 'emptyMessage')
  if (text.length > MESSAGE_MAX_LENGTH) throw new AppError('BAD_REQUEST', 'messageTooLong', { max: MESSAGE_MAX_LENGTH })
  return text
}

/** The caption of a file: cleaned and trimmed like a text, but it may be empty. */
export function outgoingCaption(content: string): string {
  const text = cleanMessageText(content).trim()
  if (text.length > MESSAGE_MAX_LENGTH) throw new AppError('BAD_REQUEST', 'messageTooLong', { max: MESSAGE_MAX_LENGTH })
  return text
}

/** Accepts one message: checks the text, the ban, the recipient and the minute/hour/day quotas. */
export async function acceptOutgoing(request: OutgoingRequest): Promise<AcceptedMessage> {
  const caption = request.media ? outgoingCaption(request.content) : null
  let content = caption === null ? outgoingText(request.content) : ''
  await assertCanSend(request.organizationId)
  // The file must be this organization's (NOT_FOUND otherwise) before anything is created or counted.
  const media = request.media ? await outgoingMediaColumns(request.organizationId, request.media.id, request.media.fileName) : null
  if (media) content = mediaPlaceholder(media.mediaKind.toLowerCase(), caption)
  const conversationId = await resolveConversation(request)
  // An agent does not write to a customer who opted out; a person may.
  if (request.sender === 'AI') await assertAgentMayWrite(request.organizationId, conversationId)
  const configured = await getWhatsAppSettings(request.organizationId)
  // An agent's message counts against the warm-up cap too; a person's reply only against the configured limits.
  const settings = request.sender === 'AI' ? await guardedQuotaSettings(request.organizationId, configured) : configured
  let quota: QuotaDecision | null = null
  try {
    quota = await consumeQuota(request.organizationId, settings, 1)
  } catch (err) {
    // Redis is down: accept and store (nothing is lost); pacing still applies when it is sent.
    logger.warn({ organizationId: request.organizationId, err: (err as Error).message }, 'quota not checked: redis unavailable')
  }
  if (quota) assertQuota(quota)
  const created = await createAndQueue({ ...request, content }, conversationId, media)
  logger.info(
    {
      organizationId: request.organizationId,
      messageId: created.id,
      sender: request.sender,
      senderId: request.senderId,
      priority: request.priority ?? 1,
      queued: created.queued,
      ...(media ? { mediaKind: media.mediaKind, mediaId: media.mediaFileId } : {}),
    },
    'outgoing message accepted',
  )
  return { ...created, conversationId, quota }
}

/** Puts a FAILED message, or one PENDING for longer than MESSAGE_PENDING_RETRY_AFTER_MS (stranded), back in the queue (the retry button). */
export async function retryMessage(organizationId: string, messageId: string): Promise<{ id: string; queued: boolean }> {
  await assertCanSend(organizationId)
  const message = await db.message.findFirst({
    where: { id: messageId, organizationId, direction: 'OUTGOING' },
    select: { id: true, status: true, priority: true, createdAt: true, whatsappMessageId: true, sender: true, batchId: true },
  })
  if (!message) throw new AppError('NOT_FOUND', 'messageNotFound')
  // A PENDING message may be retried once it has waited long (an outage may have stranded it), unless
  // WhatsApp already took it (a WhatsApp id, ack 0 awaited): sending it again would duplicate it.
  const stuck = message.status === 'PENDING' && !message.whatsappMessageId
  if (!(message.status === 'FAILED' || stuck) || !mayRetry(message, Date.now(), getEnv().MESSAGE_PENDING_RETRY_AFTER_MS)) {
    throw new AppError('BAD_REQUEST', 'retryOnlyFailed')
  }
  if (message.status === 'FAILED') {
    // A PENDING message was counted when it was accepted; a FAILED one is sent anew.
    const configured = await getWhatsAppSettings(organizationId)
    const settings = isGuardedSend(message) ? await guardedQuotaSettings(organizationId, configured) : configured
    const quota = await consumeQuota(organizationId, settings, 1).catch(() => null)
    if (quota) assertQuota(quota)
  }
  if (!(await markRetried(messageId, message.status === 'FAILED' ? 'FAILED' : 'PENDING'))) throw new AppError('BAD_REQUEST', 'retryOnlyFailed')
  // A kept failed or finished job under this id would make a plain add a no-op: requeueSend retries or replaces it.
  const outcome = await requeueSend({ messageId, organizationId }, { priority: message.priority, lane: sendLaneOf(message) })
  const queued = outcome !== 'unavailable'
  if (queued) await db.message.update({ where: { id: messageId }, data: { queuedAt: new Date() }, select: { id: true } })
  logger.info({ organizationId, messageId, from: message.status, outcome }, 'message retried by an operator')
  fireAndForget(publishMessage('message.updated', messageId))
  return { id: messageId, queued }
}
