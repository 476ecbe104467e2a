/**
 * The send worker: one message per job. It waits (without burning an attempt) while the session is
 * not connected here or the organization has no pacing slot, then sends, records SENT with the
 * WhatsApp id, and on the last failed attempt records FAILED with the error.
 */
import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq'
import { db } from '../db'
import { isEngineError } from '../whatsapp/engine/errors'
import { logger } from '../logger'
import { getWhatsAppSettings } from '../domain/settings/settings-service'
import { applyEarlyAck } from '../domain/messages/ack-recorder'
import { fireAndForget, publishMessage } from '../domain/messages/message-events'
import type { WhatsAppSessionManager } from '../whatsapp/session-manager'
import { bullConnection, bullPrefix, SEND_QUEUE } from './connection'
import { acquireSendSlot, releaseSendSlot } from './send-pacing'
import type { SendJobData } from './send-queue'

/** How long a message waits before checking again whether WhatsApp is connected. */
export const NOT_CONNECTED_RETRY_MS = 5000

export interface SendWorkerOptions {
  sessionManager: WhatsAppSessionManager
  /** Jobs processed at once across all organizations (per-organization limits are the pacing gate's). */
  concurrency?: number
}

export function chatIdOf(client: { whatsappId: string | null; phone: string | null }): string | null {
  if (client.whatsappId) return client.whatsappId
  return client.phone ? `${client.phone.replace(/\D/g, '')}@c.us` : null
}

async function wait(job: Job, token: string | undefined, ms: number): Promise<never> {
  await job.moveToDelayed(Date.now() + ms, token)
  throw new DelayedError()
}

export function createSendProcessor(options: SendWorkerOptions) {
  return async function processSend(job: Job<SendJobData>, token?: string) {
    const { messageId, organizationId } = job.data
    const log = logger.child({ organizationId, messageId, component: 'send-worker' })
    const message = await db.message.findFirst({
      where: { id: messageId, organizationId, direction: 'OUTGOING' },
      select: { id: true, status: true, content: true, conversation: { select: { client: { select: { whatsappId: true, phone: true } } } } },
    })
    if (!message || message.status !== 'PENDING') return { skipped: true }
    const chatId = chatIdOf(message.conversation.client)
    if (!chatId) throw new UnrecoverableError('client has no WhatsApp id or phone')

    if (!options.sessionManager.isConnected(organizationId)) return wait(job, token, NOT_CONNECTED_RETRY_MS)

    const settings = await getWhatsAppSettings(organizationId)
    const slot = await acquireSendSlot(organizationId, settings, messageId)
    if (!slot.granted) return wait(job, token, slot.waitMs)

    try {
      const sent = await options.sessionManager.sendToChat(organizationId, chatId, message.content)
      await db.message.update({
        where: { id: messageId },
        data: { status: 'SENT', whatsappMessageId: sent.id, sentAt: new Date(sent.timestamp * 1000), attempts: { increment: 1 }, error: null },
        select: { id: true },
      })
      await applyEarlyAck(organizationId, sent.id)
      log.info({ attempt: job.attemptsMade + 1 }, 'message sent')
      fireAndForget(publishMessage('message.updated', messageId))
      return { whatsappMessageId: sent.id }
    } catch (error) {
      if (isEngineError(error) && error.code === 'NOT_CONNECTED') return wait(job, token, NOT_CONNECTED_RETRY_MS)
      const attempt = job.attemptsMade + 1
      const final = attempt >= (job.opts.attempts ?? 1) || (isEngineError(error) && !error.retryable)
      const reason = isEngineError(error) ? `${error.code}: ${error.message}` : String((error as Error)?.message ?? error)
      await db.message.update({
        where: { id: messageId },
        data: { attempts: { increment: 1 }, error: reason.slice(0, 500), ...(final ? { status: 'FAILED' } : {}) },
        select: { id: true },
      })
      log.warn({ attempt, final, reason }, 'send failed')
      if (final) {
        fireAndForget(publishMessage('message.updated', messageId))
        throw new UnrecoverableError(reason)
      }
      throw error
    } finally {
      await releaseSendSlot(organizationId).catch(() => undefined)
    }
  }
}

export function startSendWorker(options: SendWorkerOptions): Worker<SendJobData> {
  const worker = new Worker<SendJobData>(SEND_QUEUE, createSendProcessor(options), {
    connection: bullConnection(),
    prefix: bullPrefix(),
    concurrency: options.concurrency ?? 10,
  })
  worker.on('error', (err) => logger.warn({ err: err.message, queue: SEND_QUEUE }, 'worker error'))
  return worker
}
