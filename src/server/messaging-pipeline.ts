/**
 * Wires the messaging pipeline to a session manager: incoming messages into the inbox and queue, acks
 * into message statuses, and the two workers plus the outbox relay. Returns a stop function for the
 * ordered shutdown (workers close with a deadline, then the queues).
 */
import type { Worker } from 'bullmq'
import { recordAck } from '../domain/messages/ack-recorder'
import { acceptIncoming } from '../domain/messages/incoming-service'
import type { WhatsAppSessionManager } from '../whatsapp/session-manager'
import { closeIncomingQueue } from './incoming-queue'
import { startIncomingWorker } from './incoming-worker'
import { startOutboxRelay } from './outbox-relay'
import { closeSendQueue } from './send-queue'
import { startSendWorker } from './send-worker'

export interface PipelineOptions {
  sessionManager: WhatsAppSessionManager
  sendConcurrency?: number
  incomingConcurrency?: number
  relayIntervalMs?: number
}

export interface Pipeline {
  sendWorker: Worker
  incomingWorker: Worker
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
  const sendWorker = startSendWorker({ sessionManager, concurrency: options.sendConcurrency })
  const incomingWorker = startIncomingWorker(
    { lookupContact: async (organizationId, chatId) => sessionManager.getContact(organizationId, chatId) },
    options.incomingConcurrency ?? 2,
  )
  const stopRelay = startOutboxRelay(options.relayIntervalMs)
  return {
    sendWorker,
    incomingWorker,
    async stopWorkers() {
      stopRelay()
      await Promise.allSettled([sendWorker.close(), incomingWorker.close()])
    },
    async closeQueues() {
      await Promise.allSettled([closeSendQueue(), closeIncomingQueue()])
    },
  }
}
