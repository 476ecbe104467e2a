/**
 * Processing one send job. It waits (without burning an attempt) while the session is not connected
 * (here, or on the node that owns it: the WhatsApp call then runs there, session-rpc.ts), an earlier message of the same conversation is still unsent (conversation-order.ts) or the
 * organization has no pacing slot, then records that a send began, sends (a bulk or agent message a
 * safety rule now stops ends SKIPPED instead, domain/safety/send-guard), records SENT with the WhatsApp
 * id, and on the last failed attempt records FAILED with the error. In quiet hours a bulk or agent
 * message (or a person's to a customer silent for 24 h) waits for the morning (domain/safety/send-clock). A message whose earlier send began
 * but was never recorded (a crash in between) is first looked up in WhatsApp (send-recovery.ts).
 * While the sending governor has paused the organization (domain/safety/governor.ts), bulk and agent
 * messages wait the same way; a person's reply does not.
 */
import type { Job } from 'bullmq'
import { db } from '../../db'
import { logger } from '../../logger'
import { untilReachable } from '../../infrastructure-errors'
import { delayJob, outlastingOutages, UnrecoverableError } from '../../queues/job-control'
import { metrics, type OutgoingKind } from '../../observability/metrics'
import { acquireSendSlot, releaseSendSlot } from '../../queues/send-pacing'
import type { SendJobData } from '../../queues/send-queue'
import { countSendWait } from '../../queues/send-waits'
import { isEngineError } from '../../whatsapp/engine/errors'
import type { OutgoingMediaRef } from '../../whatsapp/outgoing-media'
import type { SendPlace, WhatsAppSessionManager } from '../../whatsapp/session-manager'
import { captionOf } from '../../text/media-placeholder'
import { isOwnerDown } from '../../whatsapp/session-rpc'
import { resolveClientIdentity } from '../clients/identity-resolution'
import { evaluateGovernor, governorHoldMs, isGovernorPaused } from '../safety/governor'
import { quietHoursHold } from '../safety/send-clock'
import { isQuietAt } from '~/shared/quiet-hours'
import { isGuardedSend, skipReasonAtSend } from '../safety/send-guard'
import { getWhatsAppSettings } from '../settings/settings-service'
import { findMessageAhead, orderWaitMs } from './conversation-order'
import { fireAndForget, publishConversation, publishMessage } from './message-events'
import { recordAck } from './ack-recorder'
import { markAttemptFailed, markSendAttempt, markSent, markSkipped } from './message-status'
import { recoverUnrecordedSend, type RecoveredSend } from './send-recovery'

/** How long a message waits before checking again whether WhatsApp is connected. */
export const NOT_CONNECTED_RETRY_MS = 5000

/** How long a message waits before asking WhatsApp again whether an unrecorded send reached it. */
export const RECOVERY_RETRY_MS = 5000

export interface SendProcessorOptions {
  sessionManager: Pick<WhatsAppSessionManager, 'isConnected' | 'sendToChat' | 'findRecentOutgoing'> &
    Partial<Pick<WhatsAppSessionManager, 'resolveIdentity' | 'sendPlace'>>
  /** The clock for quiet hours (tests set "now" in the organization's zone); Date.now by default. */
  now?: () => Date
}

/**
 * The WhatsApp chat of a client: its WhatsApp id, or one made from its phone, or its LID chat (a
 * hidden-number client is written to in the LID chat it wrote from).
 */
export function chatIdOf(client: { whatsappId: string | null; phone: string | null; lid?: string | null }): string | null {
  if (client.whatsappId) return client.whatsappId
  if (client.phone) return `${client.phone.replace(/\D/g, '')}@c.us`
  return client.lid ?? null
}

/**
 * The send processor. PostgreSQL or Redis unreachable (before the send, or in the failure bookkeeping)
 * is not the message's failure: the job waits with the capped outage backoff and keeps its attempts.
 */
export function createSendProcessor(options: SendProcessorOptions) {
  const processSend = createSendAttempt(options)
  return function processSendJob(job: Job<SendJobData>, token?: string) {
    return outlastingOutages(job, token, () => processSend(job, token), {
      context: { organizationId: job.data.organizationId, messageId: job.data.messageId },
      waiting: 'database or Redis unreachable; send waits',
      // A WhatsApp error is the message's own, whatever its words (a browser's "Connection closed" too).
      ownError: isEngineError,
    })
  }
}

function createSendAttempt(options: SendProcessorOptions) {
  return async function processSend(job: Job<SendJobData>, token?: string) {
    const { messageId, organizationId } = job.data
    const log = logger.child({ organizationId, messageId, component: 'send-worker' })
    const message = await db.message.findFirst({
      where: { id: messageId, organizationId, direction: 'OUTGOING' },
      select: {
        id: true,
        status: true,
        whatsappMessageId: true,
        content: true,
        conversationId: true,
        priority: true,
        createdAt: true,
        batchId: true,
        sender: true,
        contentHash: true,
        sendAttemptAt: true,
        quietUntil: true,
        mediaKind: true,
        mediaFileName: true,
        mediaFile: { select: { storageKey: true, contentType: true } },
        conversation: { select: { client: { select: { id: true, whatsappId: true, phone: true, lid: true } } } },
      },
    })
    // PENDING with a WhatsApp id: WhatsApp Web already took it (ack 0) and the server's ack is awaited.
    if (!message || message.status !== 'PENDING' || message.whatsappMessageId) return { skipped: true }
    const chatId = chatIdOf(message.conversation.client)
    if (!chatId) throw new UnrecoverableError('client has no WhatsApp id or phone')
    // A photo or document goes with its caption (the text after the placeholder); only its store key travels.
    const media = outgoingMediaOf(message)
    const text = media ? captionOf(message.content) : message.content

    // A bulk or agent message whose customer opted out after it was queued (or a repeat) ends SKIPPED, unsent.
    const skip = await skipReasonAtSend({ ...message, organizationId })
    if (skip) {
      await markSkipped(messageId, skip)
      log.info({ reason: skip }, 'message skipped by a safety rule')
      return { skipped: true, reason: skip }
    }

    const settings = await getWhatsAppSettings(organizationId)

    // --- quiet hours hold (domain/safety/send-clock.ts): waits for the morning, no attempt spent ---
    const quietWaitMs = await holdForQuietHours({ ...message, organizationId }, settings, options.now?.() ?? new Date(), log)
    if (quietWaitMs) return delayJob(job, token, quietWaitMs)
    // --- end quiet hours hold ---

    // Connected here or on the node that owns the session (the send is then run there): never re-delayed for running elsewhere.
    const place = await sendPlaceOf(options.sessionManager, organizationId)
    if (!place.ready) {
      await countSendWait(place.reason, organizationId)
      return delayJob(job, token, NOT_CONNECTED_RETRY_MS)
    }

    // --- governor (issue 12 point 1): while WhatsApp's answers look risky, bulk and agent sends wait (no attempt spent) ---
    if (isGuardedSend(message)) {
      const holdMs = await governorHoldMs(organizationId, settings.governor)
      if (holdMs > 0) {
        log.debug({ holdMs }, 'bulk and agent sends are paused by the governor; waiting')
        return delayJob(job, token, holdMs)
      }
    }
    // Only the head of the conversation's queue takes a pacing slot (conversation-order.ts): order per conversation.
    // A person's reply passes bulk and agent messages the governor or quiet hours hold (human replies keep flowing).
    const passGuarded =
      !isGuardedSend(message) && (isQuietAt(options.now?.() ?? new Date(), settings.timeZone, settings.quietHours) || (await isGovernorPaused(organizationId)))
    const ahead = await findMessageAhead({ ...message, organizationId }, { passGuarded })
    if (ahead) {
      log.debug({ ahead }, 'waiting for an earlier message of the conversation')
      return delayJob(job, token, orderWaitMs(settings.rateLimiting.messagesPerMinute))
    }

    // A send began and was never recorded (the process died in between, or the engine call failed): WhatsApp may have it.
    if (message.sendAttemptAt) {
      const { sendAttemptAt } = message
      const lookup = (chat: string, since: number) => options.sessionManager.findRecentOutgoing(organizationId, chat, since)
      const recovery = await recoverUnrecordedSend(organizationId, { ...message, content: text, sendAttemptAt }, chatId, lookup)
      if (recovery.kind === 'found') return recordRecovered(organizationId, messageId, recovery.sent, log)
      if (recovery.kind === 'unknown') {
        log.warn({ reason: recovery.reason }, 'cannot tell whether an unrecorded send reached WhatsApp; asking again later')
        return delayJob(job, token, RECOVERY_RETRY_MS)
      }
    }

    const slot = await acquireSendSlot(organizationId, settings, messageId)
    metrics().pacingWait.observe(slot.granted ? 0 : slot.waitMs / 1000)
    if (!slot.granted) return delayJob(job, token, slot.waitMs)
    let handedOverAt: number | null = null

    let sending = false
    try {
      // Written before the engine call: a crash from here on leaves a trace the next run asks WhatsApp about.
      if (!(await markSendAttempt(messageId))) return { skipped: true }
      sending = true
      const sent = await options.sessionManager.sendToChat(organizationId, chatId, text, media)
      handedOverAt = Date.now()
      metrics().outgoingMessages.inc({ organization: organizationId, kind: outgoingKind(message) })
      // WhatsApp has it: recording that must outlast a database outage, or a retry would send it twice.
      await untilReachable(() => markSent(organizationId, messageId, sent))
      log.info({ attempt: job.attemptsMade + 1 }, 'message sent')
      // After a send, WhatsApp knows the chat's other identity (LID ↔ phone): link it, merging a duplicate.
      const resolver = options.sessionManager.resolveIdentity?.bind(options.sessionManager)
      if (resolver) {
        const linked = await resolveClientIdentity(organizationId, message.conversation.client.id, chatId, resolver)
        for (const conversationId of linked?.conversationIds ?? []) fireAndForget(publishConversation(organizationId, conversationId))
      }
      return { whatsappMessageId: sent.id }
    } catch (error) {
      // Recording the attempt failed (database unreachable): nothing was sent; the wrapper waits out the outage.
      if (!sending) throw error
      if (isEngineError(error) && error.code === 'NOT_CONNECTED') {
        await countSendWait(isOwnerDown(error) ? 'owner-down' : 'not-connected', organizationId)
        return delayJob(job, token, NOT_CONNECTED_RETRY_MS)
      }
      // A bulk or agent message to a number without WhatsApp is left out (counted as excluded), not a failure to retry.
      if (isEngineError(error) && error.code === 'INVALID_RECIPIENT' && isGuardedSend(message)) {
        await markSkipped(messageId, 'NOT_ON_WHATSAPP')
        log.info({ reason: 'NOT_ON_WHATSAPP' }, 'message skipped: the number is not on WhatsApp')
        fireAndForget(evaluateGovernor(organizationId))
        return { skipped: true, reason: 'NOT_ON_WHATSAPP' }
      }
      const attempt = job.attemptsMade + 1
      const final = attempt >= (job.opts.attempts ?? 1) || (isEngineError(error) && !error.retryable)
      const reason = isEngineError(error) ? `${error.code}: ${error.message}` : String((error as Error)?.message ?? error)
      await markAttemptFailed(messageId, reason, final)
      log.warn({ attempt, final, reason }, 'send failed')
      if (final) metrics().sendOutcomes.inc({ ack: 'FAILED' })
      if (final && isGuardedSend(message)) fireAndForget(evaluateGovernor(organizationId))
      if (final) throw new UnrecoverableError(reason)
      throw error
    } finally {
      const at = handedOverAt
      await releaseSendSlot(organizationId, undefined, slot.slotId && at ? { slotId: slot.slotId, at } : undefined).catch(() => undefined)
    }
  }
}

/** The stored file an outgoing message carries (by its store key), or undefined for a text. */
function outgoingMediaOf(message: {
  mediaKind: string | null
  mediaFileName: string | null
  mediaFile: { storageKey: string; contentType: string } | null
}): OutgoingMediaRef | undefined {
  if (!message.mediaFile) return undefined
  return {
    storageKey: message.mediaFile.storageKey,
    mimetype: message.mediaFile.contentType,
    asDocument: message.mediaKind === 'DOCUMENT',
    ...(message.mediaFileName ? { fileName: message.mediaFileName } : {}),
  }
}

/** Where the send can go (SendPlace); a manager without `sendPlace` (tests' stand-ins) only knows its own clients. */
async function sendPlaceOf(manager: SendProcessorOptions['sessionManager'], organizationId: string): Promise<SendPlace> {
  if (manager.sendPlace) return manager.sendPlace(organizationId)
  return manager.isConnected(organizationId) ? { ready: true, where: 'here' } : { ready: false, reason: 'not-connected' }
}

/**
 * Quiet hours: the wait in ms when the message must wait for the morning (its quietUntil recorded and
 * shown), else 0 (a hold that is over is cleared).
 */
async function holdForQuietHours(
  message: { id: string; organizationId: string; conversationId: string; sender: string; batchId: string | null; quietUntil: Date | null },
  settings: Awaited<ReturnType<typeof getWhatsAppSettings>>,
  now: Date,
  log: typeof logger,
): Promise<number> {
  const until = await quietHoursHold(message, settings, now)
  if (until?.getTime() !== message.quietUntil?.getTime()) {
    await db.message.updateMany({ where: { id: message.id, status: 'PENDING' }, data: { quietUntil: until } })
    fireAndForget(publishMessage('message.updated', message.id))
    if (until) log.info({ quietUntil: until.toISOString() }, 'message waits for the end of quiet hours')
  }
  return until ? Math.max(1, until.getTime() - now.getTime()) : 0
}

/** The unrecorded send WhatsApp has: recorded with its id (and its ack so far), not sent again. */
async function recordRecovered(organizationId: string, messageId: string, sent: RecoveredSend, log: typeof logger) {
  await untilReachable(() => markSent(organizationId, messageId, sent))
  if (sent.ack && sent.ack !== 'PENDING') await recordAck(organizationId, { id: sent.id, ack: sent.ack })
  log.warn({ whatsappMessageId: sent.id }, 'an unrecorded send was found in WhatsApp; recorded, not sent again')
  return { whatsappMessageId: sent.id, recovered: true }
}

/** Bulk (part of a batch), agent (written by AI) or an operator's message: the kind label of the outgoing counter. */
function outgoingKind(message: { batchId: string | null; sender: string }): OutgoingKind {
  if (message.batchId) return 'bulk'
  return message.sender === 'AI' ? 'agent' : 'operator'
}
