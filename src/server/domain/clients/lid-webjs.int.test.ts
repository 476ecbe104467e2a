/**
 * Hidden numbers over the real WebjsEngine, WhatsAppClient, session manager and pipeline (PostgreSQL,
 * Redis), with the library-shaped fake client in place of whatsapp-web.js: a customer known by phone
 * writes from their LID with the number hidden (a LID-only client), then WhatsApp reveals the number
 * (getContactLidAndPhone answers the phone) and the two become one client with the whole thread.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../db'
import { createTenant } from '../../testing/factories'
import { startHarness, type Harness } from '../../testing/pipeline-harness'
import { waitFor } from '../../testing/wait-for'
import type { EngineFactory } from '../../whatsapp/engine/types'
import { FakeWebjsClientFactory } from '../../whatsapp/engines/webjs/testing/fake-webjs-client'
import { createWebjsEngine } from '../../whatsapp/engines/webjs/webjs-engine'
import { findOrCreateClient } from './find-or-create-client'
import { findOrCreateConversation } from '../conversations/find-or-create-conversation'

const LID = '140000000000777@lid'
const PHONE_CHAT = '996700600001@c.us'

let harness: Harness
const fakes = new FakeWebjsClientFactory((client) => client.setSession('restored'))

beforeAll(async () => {
  const engineFactory: EngineFactory = (options) =>
    createWebjsEngine({ ...options, chromiumPath: '/nonexistent/chromium', authMode: 'local', clientFactory: fakes.create })
  harness = await startHarness({ engineFactory })
})

afterAll(async () => {
  await harness.stop()
})

describe('hidden numbers over the webjs engine', () => {
  it('a LID-only client is merged into the phone client once getContactLidAndPhone tells the phone', async () => {
    const shop = await createTenant()
    const org = shop.organization.id
    const known = await findOrCreateClient(org, { phone: '+996700600001', name: 'Нурлан' })
    const conversation = await findOrCreateConversation(org, known!.id)
    await db.message.create({
      data: { organizationId: org, conversationId: conversation.id, content: 'из истории', direction: 'INCOMING', sender: 'CLIENT', status: 'READ' },
    })

    await harness.manager.connect(org)
    await waitFor(() => harness.manager.isConnected(org))
    const fake = fakes.last
    fake.addContact({ id: LID, pushname: 'Нурлан' })

    fake.emitIncoming({ from: LID, body: 'Салам, номер скрыт', notifyName: 'Нурлан' })
    const lidClient = await waitFor(() => db.client.findFirst({ where: { organizationId: org, lid: LID } }))
    expect(lidClient).toMatchObject({ phone: null, whatsappId: LID })
    expect(lidClient.id).not.toBe(known!.id)

    // WhatsApp now tells the phone behind the LID (Client.js:3313-3318: pn is set).
    fake.addContact({ id: LID, phone: PHONE_CHAT })
    fake.emitIncoming({ from: LID, body: 'Теперь номер виден' })
    // The merge can come from the first message's identity lookup (it may run after the phone became
    // known) before the second message is stored: wait for both, then check where everything landed.
    await waitFor(
      async () =>
        (await db.client.count({ where: { organizationId: org, OR: [{ lid: LID }, { phone: '+996700600001' }] } })) === 1 &&
        (await db.message.count({ where: { organizationId: org, content: 'Теперь номер виден' } })) === 1,
    )

    const merged = await db.client.findFirstOrThrow({ where: { organizationId: org, lid: LID } })
    expect(merged).toMatchObject({ id: known!.id, phone: '+996700600001', lid: LID })
    const thread = await db.message.findMany({
      where: { organizationId: org, conversation: { clientId: merged.id } },
      select: { content: true, conversationId: true },
    })
    expect(thread.map((m) => m.content).sort()).toEqual(['Салам, номер скрыт', 'Теперь номер виден', 'из истории'].sort())
    expect(new Set(thread.map((m) => m.conversationId))).toEqual(new Set([conversation.id]))
    expect(await db.clientEvent.count({ where: { organizationId: org, clientId: merged.id, type: 'MERGED' } })).toBe(1)

    // Replies go to the chat the client is known by; a LID-only client's chat is its LID.
    await shop.asOperator().whatsapp.send({ clientId: merged.id, content: 'Рахмат!' })
    await waitFor(() => fake.sent.find((s) => s.content === 'Рахмат!'))
  })
})
