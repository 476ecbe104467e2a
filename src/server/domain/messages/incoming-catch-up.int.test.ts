/**
 * Customers' messages nobody stored (issue 15: the messages lost when a node died): WhatsApp hands a message
 * to one WhatsApp Web session; a process killed between receiving it and writing the inbox row took it along.
 * A session restored or taken over reads the recent chats back and stores what is missing, once and in order;
 * a new pairing (QR) does not pull in the chats' past.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { db } from '../../db'
import { createOrganization } from '../../testing/factories'
import { waitFor } from '../../testing/wait-for'
import type { WaIncomingMessage } from '../../whatsapp/engine/types'
import { createSimulatorEngineFactory } from '../../whatsapp/engines/simulator'
import * as phone from '../../whatsapp/engines/simulator/simulator-control'
import { takePending } from '../../whatsapp/engines/simulator/simulator-state'
import { createWhatsAppClientConfig } from '../../whatsapp/phone'
import { WhatsAppSessionManager } from '../../whatsapp/session-manager'
import type { WhatsAppClient } from '../../whatsapp/whatsapp-client'
import { catchUpIncoming } from './incoming-catch-up'
import { acceptIncoming } from './incoming-service'

const managers: WhatsAppSessionManager[] = []

/** A session manager that accepts customers' messages; with `catchUp`, it also reads back what nobody stored. */
function manager(options: { catchUp: boolean; accept?: (organizationId: string, message: WaIncomingMessage) => Promise<unknown> }) {
  const m = new WhatsAppSessionManager({
    engineFactory: createSimulatorEngineFactory({ startupMs: 0 }),
    leaseTtlMs: 1000,
    tickMs: 100,
    client: { stableConnectionMs: 60_000 },
  })
  const accept = options.accept ?? acceptIncoming
  m.setIncomingHandler(async (organizationId, message) => void (await accept(organizationId, message)))
  if (options.catchUp) m.setCatchUpHandler(async (organizationId, findRecent) => void (await catchUpIncoming(organizationId, findRecent, acceptIncoming)))
  managers.push(m)
  return m
}

/** The process dies: no shutdown hook, nothing written, its lease left to expire, its WhatsApp Web gone. */
async function crash(m: WhatsAppSessionManager) {
  const internals = m as unknown as { stopped: boolean; ticker: NodeJS.Timeout | null; clients: Map<string, WhatsAppClient> }
  internals.stopped = true
  if (internals.ticker) clearInterval(internals.ticker)
  internals.ticker = null
  for (const client of internals.clients.values()) {
    client.removeAllListeners()
    await client.destroy()
  }
  internals.clients.clear()
}

const clientIdOf = (organizationId: string) => createWhatsAppClientConfig(organizationId, 'integration').clientId
const session = (organizationId: string) => db.whatsAppSession.findUnique({ where: { organizationId } })
const inboxOf = (organizationId: string) =>
  db.incomingInbox.findMany({ where: { organizationId }, orderBy: { receivedAt: 'asc' }, select: { whatsappMessageId: true } })

async function connectAndScan(m: WhatsAppSessionManager, organizationId: string) {
  await m.connect(organizationId)
  const pending = await waitFor(async () => {
    const row = await session(organizationId)
    return row?.status === 'QR_CODE_PENDING' && row.qrCode ? row : null
  })
  await phone.scanQr(clientIdOf(organizationId), { qr: pending.qrCode!, phone: '+996 555 000 444' })
  await waitFor(() => m.isConnected(organizationId))
}

afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.disconnectAll()))
})

describe('incoming catch-up', () => {
  it('A receives two messages and dies before storing the second; B takes over and stores it, once, in order', async () => {
    const org = await createOrganization()
    const clientId = clientIdOf(org.id)
    const received: string[] = []
    // A stores the first message, then "dies" with the second in its hands: received, never stored.
    const a = manager({
      catchUp: false,
      accept: async (organizationId, message) => {
        received.push(message.id)
        if (message.body === 'Здравствуйте') await acceptIncoming(organizationId, message)
      },
    })
    await connectAndScan(a, org.id)
    const first = await phone.sendAsCustomer(clientId, { from: '+996 700 111 222', body: 'Здравствуйте' })
    const lost = await phone.sendAsCustomer(clientId, { from: '+996 700 111 222', body: 'Сколько стоит доставка?' })
    await waitFor(() => received.length === 2)
    await waitFor(async () => (await inboxOf(org.id)).length === 1)
    await crash(a)

    const b = manager({ catchUp: true })
    await b.start()
    await waitFor(() => b.isConnected(org.id), 10_000)
    await waitFor(async () => (await inboxOf(org.id)).length === 2, 5000)
    expect((await inboxOf(org.id)).map((row) => row.whatsappMessageId)).toEqual([first.id, lost.id])

    // Another restore reads the same chats again: nothing is stored twice.
    const c = manager({ catchUp: true })
    await crash(b)
    await c.start()
    await waitFor(() => c.isConnected(org.id), 10_000)
    const after = await phone.sendAsCustomer(clientId, { from: '+996 700 111 222', body: 'Жду ответа' })
    await waitFor(async () => (await inboxOf(org.id)).length === 3, 5000)
    expect((await inboxOf(org.id)).map((row) => row.whatsappMessageId)).toEqual([first.id, lost.id, after.id])
  })

  it('without the catch-up the same message stays lost (what the catch-up fixes)', async () => {
    const org = await createOrganization()
    const clientId = clientIdOf(org.id)
    const a = manager({ catchUp: false })
    await connectAndScan(a, org.id)
    await a.disconnect(org.id)
    // WhatsApp delivered it to a process that died before storing it: taken from WhatsApp's queue, in no inbox.
    const lost = await phone.sendAsCustomer(clientId, { from: '+996 700 111 333', body: 'Есть 42 размер?' })
    expect((await takePending(clientId))?.id).toBe(lost.id)

    const b = manager({ catchUp: false })
    await b.connect(org.id)
    await waitFor(() => b.isConnected(org.id), 10_000)
    const later = await phone.sendAsCustomer(clientId, { from: '+996 700 111 333', body: 'Алло?' })
    await waitFor(async () => (await inboxOf(org.id)).some((row) => row.whatsappMessageId === later.id), 5000)
    expect((await inboxOf(org.id)).map((row) => row.whatsappMessageId)).toEqual([later.id])
  })

  it('a new pairing (QR) does not read the chats back', async () => {
    const org = await createOrganization()
    const clientId = clientIdOf(org.id)
    // A message WhatsApp has in the chats from before this device was linked (taken by nobody of ours).
    const before = await phone.sendAsCustomer(clientId, { from: '+996 700 111 444', body: 'Было до подключения' })
    expect((await takePending(clientId))?.id).toBe(before.id)

    const a = manager({ catchUp: true })
    await connectAndScan(a, org.id)
    const live = await phone.sendAsCustomer(clientId, { from: '+996 700 111 444', body: 'А теперь?' })
    await waitFor(async () => (await inboxOf(org.id)).some((row) => row.whatsappMessageId === live.id), 5000)
    expect((await inboxOf(org.id)).map((row) => row.whatsappMessageId)).toEqual([live.id])
  })

  it('reads back only the window, accepts only what neither the inbox nor the messages hold, oldest first', async () => {
    const org = await createOrganization()
    const now = Date.parse('2026-12-01T12:00:00Z')
    const message = (id: string, secondsAgo: number): WaIncomingMessage => ({
      id,
      from: '996700111555@c.us',
      to: '996555000444@c.us',
      body: id,
      timestamp: Math.floor(now / 1000) - secondsAgo,
      type: 'text',
      hasMedia: false,
    })
    const inInbox = message(`false_996700111555@c.us_INBOX${now}`, 30)
    await acceptIncoming(org.id, inInbox)
    const missingLate = message(`false_996700111555@c.us_LATE${now}`, 10)
    const missingEarly = message(`false_996700111555@c.us_EARLY${now}`, 20)
    let asked: { since: number; limit: number } | null = null
    const accepted: string[] = []
    const result = await catchUpIncoming(
      org.id,
      async (since, limit) => {
        asked = { since, limit }
        return [inInbox, missingLate, missingEarly]
      },
      async (_organizationId, m) => {
        accepted.push(m.id)
        return { duplicate: m.id === missingLate.id }
      },
      { windowMs: 60_000, limit: 7, now: () => now },
    )
    expect(asked).toEqual({ since: Math.floor(now / 1000) - 60, limit: 7 })
    expect(accepted).toEqual([missingEarly.id, missingLate.id])
    // The late one was stored meanwhile by the live path (acceptIncoming said duplicate): accepted, not recovered.
    expect(result).toEqual({ read: 3, accepted: 2, recovered: 1 })
  })
})
