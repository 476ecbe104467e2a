/**
 * Wires the messaging pipeline to a session manager: incoming messages into the inbox and queue, acks
 * into message statuses, and the two workers (with the domain's processors) plus the outbox relay.
 * Returns a stop function for the ordered shutdown (workers close with a deadline, then the queues).
 * A composition root: the one place that hands domain code to the queues and the session manager.
 */
import type { Worker } from 'bullmq'
import { recordAck } from './domain/messages/ack-recorder'
import { reconcileAcks } from './domain/messages/ack-reconciler'
import { catchUpIncoming } from './domain/messages/incoming-catch-up'
import { acceptIncoming, acceptPhoneReply, processIncoming } from './domain/messages/incoming-service'
import { recordEdit, recordRevoke } from './domain/messages/message-changes'
import { startOutboxRelay } from './domain/messages/outbox-relay'
import { relayAfterRedisReset } from './domain/messages/relay-after-reset'
import { createSendProcessor } from './domain/messages/send-processor'
import { closeIncomingQueue } from './queues/incoming-queue'
import { closeMediaQueue, startMediaWorker } from './queues/media-queue'
import { createMediaProcessor } from './domain/media/media-download'
import { watchRedisReset } from './queues/redis-reset-watch'
import { startIncomingWorker } from './queues/incoming-worker'
import { closeSendQueue } from './queues/send-queue'
import { closeSnoozeQueue, startSnoozeWorker } from './queues/snooze-queue'
import { sweepSnoozes, wakeSnoozed } from './domain/conversations/conversation-status'
import { logger } from './logger'
import { startSendWorker } from './queues/send-worker'
import type { WhatsAppSessionManager } from './whatsapp/session-manager'

export interface PipelineOptions {
  sessionManager: WhatsAppSessionManager
  sendConcurrency?: number
  /** The incoming worker's concurrency; INCOMING_CONCURRENCY (default 2) when not given. */
  incomingConcurrency?: number
  relayIntervalMs?: number
  /** The send worker's clock for quiet hours (tests); Date.now by default. */
  now?: () => Date
}

export interface Pipeline {
  sendWorker: Worker
  incomingWorker: Worker
  mediaWorker: Worker
  stopWorkers: () => Promise<void>
  closeQueues: () => Promise<void>
}

export function startPipeline(options: PipelineOptions): Pipeline {
  const { sessionManager } = options
  sessionManager.setIncomingHandler(async (organizationId, message) => {
    await acceptIncoming(organizationId, message)
  })
  sessionManager.setAckHandler(async (organizationId, ack) => {
    await recordAck(organizationId, ack)
  })
  // Acks that arrived while no process listened (a takeover, a restart): asked again when a session is ready.
  sessionManager.setReconcileHandler(async (organizationId, getAcks) => {
    await reconcileAcks(organizationId, getAcks)
  })
  // Customers' messages a dead process received but never stored: read back when a session is restored.
  sessionManager.setCatchUpHandler(async (organizationId, findRecent) => {
    await catchUpIncoming(organizationId, findRecent, acceptIncoming)
  })
  sessionManager.setMessageChangeHandlers({
    fromMe: async (organizationId, message) => {
      await acceptPhoneReply(organizationId, message)
    },
    revoked: async (organizationId, revoke) => {
      await recordRevoke(organizationId, revoke)
    },
    edited: async (organizationId, edit) => {
      await recordEdit(organizationId, edit)
    },
  })
  const sendWorker = startSendWorker({ processor: createSendProcessor({ sessionManager, now: options.now }), concurrency: options.sendConcurrency })
  const incomingDeps = {
    lookupContact: async (organizationId: string, chatId: string) => sessionManager.getContact(organizationId, chatId),
    resolveIdentity: async (organizationId: string, chatId: string) => sessionManager.resolveIdentity(organizationId, chatId),
  }
  const incomingWorker = startIncomingWorker((inboxId) => processIncoming(inboxId, incomingDeps), options.incomingConcurrency)
  // issue 14: received files are downloaded through the organization's session and stored (domain/media).
  const mediaWorker = startMediaWorker(
    createMediaProcessor({ download: (organizationId, whatsappMessageId) => sessionManager.downloadMedia(organizationId, whatsappMessageId) }),
  )
  const stopRelay = startOutboxRelay(options.relayIntervalMs)
  // issue 13: snoozes end by their delayed job; the sweep at start catches up after downtime (and a
  // Redis that lost its jobs), and once a minute wakes any overdue one a job missed.
  const snoozeWorker = startSnoozeWorker(wakeSnoozed)
  const sweep = (schedule: boolean) =>
    void sweepSnoozes(new Date(), { schedule }).catch((err) => logger.warn({ err: (err as Error).message }, 'snooze sweep failed'))
  sweep(true)
  const sweepTimer = setInterval(() => sweep(false), 60_000)
  sweepTimer.unref()
  // Redis back empty (restart without persistence): every job it held is gone; PostgreSQL re-queues them now.
  const stopResetWatch = watchRedisReset(relayAfterRedisReset)
  return {
    sendWorker,
    incomingWorker,
    mediaWorker,
    async stopWorkers() {
      stopRelay()
      stopResetWatch()
      clearInterval(sweepTimer)
      await Promise.allSettled([sendWorker.close(), incomingWorker.close(), snoozeWorker.close(), mediaWorker.close()])
    },
    async closeQueues() {
      await Promise.allSettled([closeSendQueue(), closeIncomingQueue(), closeSnoozeQueue(), closeMediaQueue()])
    },
  }
}
