/**
 * Issue 9, points 3 and 4, as scenarios: the real WebjsEngine over the library-shaped fake client,
 * under the real WhatsAppClient, session manager and pipeline (PostgreSQL + Redis). The fake emits what
 * whatsapp-web.js 1.34.7 does, incl. `message_create` for our own send before sendMessage resolves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../../db'
import { createTenant, type Tenant } from '../../../testing/factories'
import { startHarness, type Harness } from '../../../testing/pipeline-harness'
import { waitFor } from '../../../testing/wait-for'
import { createWebjsEngineFactory } from '.'
import { FakeWebjsClientFactory, type FakeWebjsClient } from './testing/fake-webjs-client'

let harness: Harness
let shop: Tenant
let fake: FakeWebjsClient
const factory = new FakeWebjsClientFactory((client) => client.setSession('restored'))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const org = () => shop.organization.id

beforeAll(async () => {
  harness = await startHarness({
    engineFactory: createWebjsEngineFactory({ chromiumPath: '/nonexistent/chromium', authMode: 'local', clientFactory: factory.create }),
  })
  shop = await createTenant()
  await harness.manager.connect(org())
  await waitFor(() => harness.manager.isConnected(org()))
  fake = factory.last
})

afterAll(async () => {
  await harness.stop()
})

describe('webjs (library-shaped fake) → pipeline: the phone side', () => {
  it('a reply typed on the phone is stored once as a HUMAN reply from the PHONE', async () => {
    const typed = fake.emitFromPhone({ to: '996700400001@c.us', body: 'Ответ с телефона' })
    const row = await waitFor(() => db.message.findFirst({ where: { organizationId: org(), whatsappMessageId: typed.id._serialized } }))
    expect(row).toMatchObject({ direction: 'OUTGOING', sender: 'HUMAN', origin: 'PHONE', status: 'SENT', content: 'Ответ с телефона' })
    // The library announces it again (e.g. after a reconnect): one row still.
    fake.emit('message_create', typed)
    await sleep(300)
    expect(await db.message.count({ where: { organizationId: org(), whatsappMessageId: typed.id._serialized } })).toBe(1)
  })

  it('our own send, announced by message_create before sendMessage resolves, is stored once (the CRM row)', async () => {
    const sent = await shop.asOperator().whatsapp.send({ to: '+996 700 400 002', content: 'Из CRM' })
    const row = await waitFor(async () => {
      const found = await db.message.findUnique({ where: { id: sent.messageId } })
      return found?.whatsappMessageId ? found : null
    }, 15_000)
    expect(fake.sent.map((s) => s.message.id._serialized)).toContain(row.whatsappMessageId)
    await sleep(300)
    expect(
      await db.message.findMany({ where: { organizationId: org(), whatsappMessageId: row.whatsappMessageId }, select: { id: true, origin: true } }),
    ).toEqual([{ id: sent.messageId, origin: 'CRM' }])
  })

  it('message_revoke_everyone marks the stored message deleted, keeping its text', async () => {
    const msg = fake.emitIncoming({ from: '996700400003@c.us', body: 'Удалю потом' })
    const row = await waitFor(() => db.message.findFirst({ where: { organizationId: org(), whatsappMessageId: msg.id._serialized } }))
    fake.emitRevoke(msg)
    const deleted = await waitFor(async () => {
      const found = await db.message.findUnique({ where: { id: row.id } })
      return found?.deletedAt ? found : null
    })
    expect(deleted.content).toBe('Удалю потом')
  })

  it('message_edit updates the text and keeps the previous one', async () => {
    const msg = fake.emitIncoming({ from: '996700400004@c.us', body: 'Размер M' })
    const row = await waitFor(() => db.message.findFirst({ where: { organizationId: org(), whatsappMessageId: msg.id._serialized } }))
    fake.emitEdit(msg, 'Размер L')
    const edited = await waitFor(async () => {
      const found = await db.message.findUnique({ where: { id: row.id } })
      return found?.editedAt ? found : null
    })
    expect(edited.content).toBe('Размер L')
    expect(edited.editHistory).toEqual([expect.objectContaining({ content: 'Размер M' })])
  })

  it('malformed payloads are logged and dropped: nothing stored, no client made, the session stays up', async () => {
    const clientsBefore = await db.client.count({ where: { organizationId: org() } })
    const messagesBefore = await db.message.count({ where: { organizationId: org() } })
    fake.emit('message_create', null)
    fake.emit('message_create', { id: null, fromMe: true, body: 'x' })
    fake.emit('message_create', fake.message({ fromMe: true, chat: 'status@broadcast', body: 'статус' }))
    fake.emit('message_create', fake.message({ fromMe: true, chat: '120363000000000000@g.us', body: 'в группу' }))
    fake.emit('message_revoke_everyone', undefined, undefined)
    fake.emit('message_revoke_everyone', fake.message({ chat: '996700400005@c.us', body: '' }), undefined)
    fake.emit('message_edit', { id: {} }, 'new', 'old')
    fake.emit('message_edit', fake.message({ chat: '996700400005@c.us', body: 'x' }), 42, 'x')
    await sleep(500)
    expect(await db.client.count({ where: { organizationId: org() } })).toBe(clientsBefore)
    expect(await db.message.count({ where: { organizationId: org() } })).toBe(messagesBefore)
    expect(harness.manager.isConnected(org())).toBe(true)
  })
})
