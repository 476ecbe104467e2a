/**
 * Exactly once across a crash (issue 10: "0 duplicated" for kill -9 and failover). A process dies after
 * WhatsApp took a reply and before the send was recorded (`markSent`): the job comes back and must not
 * send it again. The dying run is the real send processor whose session manager sends and then never
 * returns (nothing after the engine send runs, as in a process killed there); the job is then run again
 * by a healthy processor, as BullMQ does with a stalled job. On the simulator (its sent log in Redis is
 * what WhatsApp has) and on the real WebjsEngine over the library-shaped fake client.
 */
import type { Job } from 'bullmq'
import { afterEach, describe, expect, it } from 'vitest'
import { db } from '../../db'
import { DelayedError } from 'bullmq'
import type { SendJobData } from '../../queues/send-queue'
import { createClient, createConversation, createOrganization } from '../../testing/factories'
import { setSettings } from '../../testing/pipeline-harness'
import { waitFor } from '../../testing/wait-for'
import type { EngineFactory } from '../../whatsapp/engine/types'
import { createSimulatorEngineFactory } from '../../whatsapp/engines/simulator'
import * as phone from '../../whatsapp/engines/simulator/simulator-control'
import { createWebjsEngineFactory } from '../../whatsapp/engines/webjs'
import { FakeWebjsClientFactory } from '../../whatsapp/engines/webjs/testing/fake-webjs-client'
import { createWhatsAppClientConfig } from '../../whatsapp/phone'
import { WhatsAppSessionManager } from '../../whatsapp/session-manager'
import { createSendProcessor, type SendProcessorOptions } from './send-processor'

type Manager = SendProcessorOptions['sessionManager']

const managers: WhatsAppSessionManager[] = []
const clientIdOf = (organizationId: string) => createWhatsAppClientConfig(organizationId, 'integration').clientId

afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.disconnectAll()))
})

function manager(engineFactory: EngineFactory) {
  const m = new WhatsAppSessionManager({ engineFactory, leaseTtlMs: 3000, tickMs: 200, client: { stableConnectionMs: 60_000 } })
  managers.push(m)
  return m
}

/** An organization with one customer, a conversation and one accepted (PENDING) reply. */
async function pendingReply(content: string) {
  const org = await createOrganization()
  await setSettings(org.id, { rateLimiting: { messagesPerMinute: 20, concurrency: 5 } })
  const customer = await createClient(org.id)
  const conversation = await createConversation(org.id, customer.id, [])
  const reply = await db.message.create({
    data: { organizationId: org.id, conversationId: conversation.id, content, direction: 'OUTGOING', sender: 'HUMAN', status: 'PENDING' },
    select: { id: true },
  })
  return { organizationId: org.id, chatId: customer.whatsappId!, messageId: reply.id }
}

/** The job as the worker hands it over; a re-delay (DelayedError) is recorded and the run repeated after it, as BullMQ would. */
function sendJob(organizationId: string, messageId: string) {
  const delays: number[] = []
  const job = {
    id: messageId,
    queueName: 'send',
    data: { organizationId, messageId },
    attemptsMade: 0,
    opts: { attempts: 3 },
    moveToDelayed: async (timestamp: number) => void delays.push(timestamp - Date.now()),
  } as unknown as Job<SendJobData>
  return { job, delays }
}

async function runToCompletion(sessionManager: Manager, organizationId: string, messageId: string, maxRuns = 10) {
  const processor = createSendProcessor({ sessionManager })
  const { job, delays } = sendJob(organizationId, messageId)
  for (let run = 0; run < maxRuns; run++) {
    try {
      return { result: (await processor(job)) as Record<string, unknown>, delays }
    } catch (error) {
      if (!(error instanceof DelayedError)) throw error
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, delays[delays.length - 1]!)))
    }
  }
  throw new Error(`the job was still delayed after ${maxRuns} runs`)
}

/** The run that dies: it sends (or not: 'before send') and then never gets further. Resolves once it died. */
async function dieDuringSend(m: WhatsAppSessionManager, organizationId: string, messageId: string, where: 'after send' | 'before send') {
  let died!: () => void
  const dead = new Promise<void>((resolve) => (died = resolve))
  const dying: Manager = {
    isConnected: (org) => m.isConnected(org),
    findRecentOutgoing: (org, chat, since) => m.findRecentOutgoing(org, chat, since),
    sendToChat: async (org, chat, text) => {
      if (where === 'after send') await m.sendToChat(org, chat, text)
      died()
      return new Promise<never>(() => undefined)
    },
  }
  // Waits for its pacing slot like any run; never finishes once it died.
  void runToCompletion(dying, organizationId, messageId)
  await dead
}

const row = (id: string) =>
  db.message.findUniqueOrThrow({ where: { id }, select: { status: true, whatsappMessageId: true, sendAttemptAt: true, attempts: true } })

describe('a send job run again after a crash between WhatsApp and the record (simulator)', () => {
  async function connected() {
    const m = manager(createSimulatorEngineFactory({ startupMs: 0, ackDelaysMs: [60_000, 60_000, 60_000] }))
    return m
  }

  async function connect(m: WhatsAppSessionManager, organizationId: string) {
    await m.connect(organizationId)
    const qr = await waitFor(async () => {
      const s = await db.whatsAppSession.findUnique({ where: { organizationId }, select: { qrCode: true, status: true } })
      return s?.status === 'QR_CODE_PENDING' ? s.qrCode : null
    })
    await phone.scanQr(clientIdOf(organizationId), { qr: qr ?? undefined })
    await waitFor(() => m.isConnected(organizationId))
  }

  const sentTo = async (organizationId: string, chatId: string) => (await phone.getPhoneState(clientIdOf(organizationId))).outbox.filter((e) => e.to === chatId)

  it('WhatsApp took it: the re-run records it SENT with WhatsApp’s id and sends nothing', async () => {
    const reply = await pendingReply('Сейчас проверю цену')
    const m = await connected()
    await connect(m, reply.organizationId)

    await dieDuringSend(m, reply.organizationId, reply.messageId, 'after send')
    const before = await row(reply.messageId)
    expect(before).toMatchObject({ status: 'PENDING', whatsappMessageId: null })
    expect(before.sendAttemptAt).not.toBeNull()

    const { result } = await runToCompletion(m, reply.organizationId, reply.messageId)
    const sent = await sentTo(reply.organizationId, reply.chatId)
    expect(sent.map((e) => e.body)).toEqual(['Сейчас проверю цену'])
    expect(result).toEqual({ whatsappMessageId: sent[0]!.id, recovered: true })
    expect(await row(reply.messageId)).toMatchObject({ status: 'SENT', whatsappMessageId: sent[0]!.id })
  })

  it('WhatsApp never got it (died before the engine send): the re-run sends it, once', async () => {
    const reply = await pendingReply('Цена 1 200 сом')
    const m = await connected()
    await connect(m, reply.organizationId)

    await dieDuringSend(m, reply.organizationId, reply.messageId, 'before send')
    expect((await row(reply.messageId)).sendAttemptAt).not.toBeNull()

    const { result } = await runToCompletion(m, reply.organizationId, reply.messageId)
    const sent = await sentTo(reply.organizationId, reply.chatId)
    expect(sent.map((e) => e.body)).toEqual(['Цена 1 200 сом'])
    expect(result).toEqual({ whatsappMessageId: sent[0]!.id })
    expect(await row(reply.messageId)).toMatchObject({ status: 'SENT', whatsappMessageId: sent[0]!.id })
  })

  it('an earlier identical reply in the chat is not taken for the lost one', async () => {
    const reply = await pendingReply('Ок')
    const m = await connected()
    await connect(m, reply.organizationId)
    const first = await runToCompletion(m, reply.organizationId, reply.messageId)
    const conversationId = (await db.message.findUniqueOrThrow({ where: { id: reply.messageId } })).conversationId
    const again = await db.message.create({
      data: { organizationId: reply.organizationId, conversationId, content: 'Ок', direction: 'OUTGOING', sender: 'HUMAN', status: 'PENDING' },
      select: { id: true },
    })

    await dieDuringSend(m, reply.organizationId, again.id, 'before send')
    const second = await runToCompletion(m, reply.organizationId, again.id)
    const sent = await sentTo(reply.organizationId, reply.chatId)
    expect(sent).toHaveLength(2)
    expect(new Set([first.result.whatsappMessageId, second.result.whatsappMessageId])).toEqual(new Set(sent.map((e) => e.id)))
    expect(second.result.recovered).toBeUndefined()
  })

  it('WhatsApp cannot tell (the lookup fails): nothing is sent and no attempt is spent; it asks again', async () => {
    const reply = await pendingReply('Доставка завтра')
    const m = await connected()
    await connect(m, reply.organizationId)
    await dieDuringSend(m, reply.organizationId, reply.messageId, 'after send')

    let lookups = 0
    const flaky: Manager = {
      isConnected: (org) => m.isConnected(org),
      sendToChat: (org, chat, text) => m.sendToChat(org, chat, text),
      findRecentOutgoing: (org, chat, since) => {
        lookups += 1
        return lookups === 1 ? Promise.reject(new Error('Evaluation failed: page crashed')) : m.findRecentOutgoing(org, chat, since)
      },
    }
    const { result, delays } = await runToCompletion(flaky, reply.organizationId, reply.messageId)
    expect(lookups).toBe(2)
    expect(delays).toHaveLength(1)
    const sent = await sentTo(reply.organizationId, reply.chatId)
    expect(sent).toHaveLength(1)
    expect(result).toEqual({ whatsappMessageId: sent[0]!.id, recovered: true })
    expect(await row(reply.messageId)).toMatchObject({ status: 'SENT', attempts: 1 })
  })
})

describe('a send job run again after a crash between WhatsApp and the record (webjs, library-shaped fake)', () => {
  it('WhatsApp Web has it in the chat: the re-run records it with its id and sends nothing', async () => {
    const factory = new FakeWebjsClientFactory((client) => client.setSession('restored'))
    const m = manager(createWebjsEngineFactory({ chromiumPath: '/nonexistent/chromium', authMode: 'local', clientFactory: factory.create }))
    const reply = await pendingReply('Сейчас проверю цену')
    await m.connect(reply.organizationId)
    await waitFor(() => m.isConnected(reply.organizationId))
    const fake = factory.last

    await dieDuringSend(m, reply.organizationId, reply.messageId, 'after send')
    expect(fake.sent).toHaveLength(1)
    const taken = fake.sent[0]!.message
    // WhatsApp's server took it while nobody listened (ack 1, no event reached the dead process).
    fake.setAckSilently(taken, 1)

    const { result } = await runToCompletion(m, reply.organizationId, reply.messageId)
    expect(fake.sent).toHaveLength(1)
    expect(result).toEqual({ whatsappMessageId: taken.id._serialized, recovered: true })
    expect(await row(reply.messageId)).toMatchObject({ status: 'SENT', whatsappMessageId: taken.id._serialized })
  })

  it('the chat has no such message: the re-run sends it, once', async () => {
    const factory = new FakeWebjsClientFactory((client) => client.setSession('restored'))
    const m = manager(createWebjsEngineFactory({ chromiumPath: '/nonexistent/chromium', authMode: 'local', clientFactory: factory.create }))
    const reply = await pendingReply('Цена 1 200 сом')
    await m.connect(reply.organizationId)
    await waitFor(() => m.isConnected(reply.organizationId))
    const fake = factory.last

    await dieDuringSend(m, reply.organizationId, reply.messageId, 'before send')
    expect(fake.sent).toHaveLength(0)

    const { result } = await runToCompletion(m, reply.organizationId, reply.messageId)
    expect(fake.sent).toHaveLength(1)
    // whatsapp-web.js returns a just-sent message with ack 0: PENDING with its id until the server's ack.
    expect(result).toEqual({ whatsappMessageId: fake.sent[0]!.message.id._serialized })
    expect(await row(reply.messageId)).toMatchObject({ status: 'PENDING', whatsappMessageId: fake.sent[0]!.message.id._serialized })
  })
})
