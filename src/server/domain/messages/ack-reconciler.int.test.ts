/**
 * Acks after a takeover (issue 10, point 4): process A sends and dies without a shutdown, the customer
 * reads the message while nobody listens, process B takes over and asks WhatsApp (the simulator) for
 * the acks: the message becomes READ. Old and unknown messages are left alone; the work is bounded.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { db } from '../../db'
import { createClient, createConversation, createOrganization } from '../../testing/factories'
import { waitFor } from '../../testing/wait-for'
import type { WaMessageAck } from '../../whatsapp/engine/types'
import { createSimulatorEngineFactory } from '../../whatsapp/engines/simulator'
import * as phone from '../../whatsapp/engines/simulator/simulator-control'
import { createWhatsAppClientConfig } from '../../whatsapp/phone'
import { WhatsAppSessionManager } from '../../whatsapp/session-manager'
import { reconcileAcks } from './ack-reconciler'

const managers: WhatsAppSessionManager[] = []

/** Acks that would take a minute: none arrives during the test unless the phone side says so. */
function manager(withReconcile: boolean) {
  const m = new WhatsAppSessionManager({
    engineFactory: createSimulatorEngineFactory({ startupMs: 0, ackDelaysMs: [60_000, 60_000, 60_000] }),
    leaseTtlMs: 1000,
    tickMs: 100,
    client: { stableConnectionMs: 60_000 },
  })
  if (withReconcile) m.setReconcileHandler(async (organizationId, getAcks) => void (await reconcileAcks(organizationId, getAcks)))
  managers.push(m)
  return m
}

function crash(m: WhatsAppSessionManager) {
  const internals = m as unknown as { stopped: boolean; ticker: NodeJS.Timeout | null }
  internals.stopped = true
  if (internals.ticker) clearInterval(internals.ticker)
  internals.ticker = null
}

const clientIdOf = (organizationId: string) => createWhatsAppClientConfig(organizationId, 'integration').clientId
const session = (organizationId: string) => db.whatsAppSession.findUnique({ where: { organizationId } })

async function connectAndScan(m: WhatsAppSessionManager, organizationId: string) {
  await m.connect(organizationId)
  const pending = await waitFor(async () => {
    const row = await session(organizationId)
    return row?.status === 'QR_CODE_PENDING' && row.qrCode ? row : null
  })
  await phone.scanQr(clientIdOf(organizationId), { qr: pending.qrCode!, phone: '+996 555 000 333' })
  await waitFor(() => m.isConnected(organizationId))
}

async function outgoing(organizationId: string, conversationId: string, whatsappMessageId: string, sentAt = new Date()) {
  return db.message.create({
    data: {
      organizationId,
      conversationId,
      content: 'Сейчас проверю цену',
      direction: 'OUTGOING',
      sender: 'HUMAN',
      status: 'SENT',
      whatsappMessageId,
      sentAt,
      createdAt: sentAt,
    },
    select: { id: true },
  })
}

const statusOf = async (id: string) => (await db.message.findUniqueOrThrow({ where: { id }, select: { status: true } })).status

afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.disconnectAll()))
})

describe('ack reconciliation after a takeover', () => {
  it('A sends and dies, the customer reads it while nobody listens, B takes over → READ', async () => {
    const org = await createOrganization()
    const customer = await createClient(org.id)
    const conversation = await createConversation(org.id, customer.id, [])
    const a = manager(false)
    await connectAndScan(a, org.id)
    const sent = await a.sendToChat(org.id, '996700111222@c.us', 'Сейчас проверю цену')
    const message = await outgoing(org.id, conversation.id, sent.id)
    // Older than 24 h: left as it is, even though WhatsApp knows it was read.
    const old = await a.sendToChat(org.id, '996700111222@c.us', 'вчерашнее')
    const oldMessage = await outgoing(org.id, conversation.id, old.id, new Date(Date.now() - 25 * 3600_000))
    // WhatsApp never heard of this one: stays SENT.
    const unknown = await outgoing(org.id, conversation.id, `true_996700111222@c.us_3EB0${Date.now()}`)
    crash(a)
    await phone.markRead(clientIdOf(org.id), sent.id)
    await phone.markRead(clientIdOf(org.id), old.id)
    // A's engine still heard the receipt, but nobody recorded it (A has no ack handler, as if dead).
    expect(await statusOf(message.id)).toBe('SENT')

    const b = manager(true)
    await b.start()
    await waitFor(() => b.isConnected(org.id), 10_000)
    await waitFor(async () => (await statusOf(message.id)) === 'READ', 5000)
    const read = await db.message.findUniqueOrThrow({ where: { id: message.id }, select: { readAt: true } })
    expect(read.readAt).not.toBeNull()
    expect(await statusOf(oldMessage.id)).toBe('SENT')
    expect(await statusOf(unknown.id)).toBe('SENT')
  })

  it('asks in batches, at most `limit` messages, newest first, and never moves a status back', async () => {
    const org = await createOrganization()
    const customer = await createClient(org.id)
    const conversation = await createConversation(org.id, customer.id, [])
    const ids: string[] = []
    for (let i = 0; i < 7; i++) {
      const id = `true_996700111222@c.us_BATCH${i}_${Date.now()}`
      await outgoing(org.id, conversation.id, id, new Date(Date.now() - (7 - i) * 1000))
      ids.push(id)
    }
    const delivered = await outgoing(org.id, conversation.id, `true_996700111222@c.us_DELIVERED_${Date.now()}`)
    await db.message.update({ where: { id: delivered.id }, data: { status: 'DELIVERED' } })
    const deliveredWaId = (await db.message.findUniqueOrThrow({ where: { id: delivered.id }, select: { whatsappMessageId: true } })).whatsappMessageId!
    const batches: string[][] = []
    const lookup = async (asked: string[]): Promise<WaMessageAck[]> => {
      batches.push(asked)
      // DELIVERED answered with SERVER (older news): must not go back; the others are read.
      return asked.map((id) => ({ id, ack: id === deliveredWaId ? 'SERVER' : 'READ' }))
    }
    const result = await reconcileAcks(org.id, lookup, { limit: 5, batchSize: 2 })
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1])
    expect(batches.flat()).toContain(deliveredWaId)
    expect(result).toEqual({ checked: 5, answered: 5, moved: 4 })
    expect(await statusOf(delivered.id)).toBe('DELIVERED')
    // The limit took the DELIVERED one and the four newest: the three oldest were beyond it.
    const oldest = await db.message.findMany({ where: { whatsappMessageId: { in: ids.slice(0, 4) } }, select: { status: true }, orderBy: { createdAt: 'asc' } })
    expect(oldest.map((m) => m.status)).toEqual(['SENT', 'SENT', 'SENT', 'READ'])
  })
})
