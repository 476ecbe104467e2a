/**
 * History import over the simulator's separate import session, and chat-export uploads, against
 * PostgreSQL and Redis.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../db'
import { createTenant, type Tenant } from '../testing/factories'
import { clientIdOf, connectPhone, startHarness, type Harness } from '../testing/pipeline-harness'
import { waitFor } from '../testing/wait-for'
import * as phone from '../whatsapp/engines/simulator/simulator-control'
import type { SimChat } from '../whatsapp/engines/simulator/simulator-history'
import { createWhatsAppClientConfig } from '../whatsapp/phone'

let harness: Harness

const importClientId = (organizationId: string) => createWhatsAppClientConfig(organizationId, 'import').clientId

function history(now = Math.floor(Date.now() / 1000) - 3 * 86_400): SimChat[] {
  const msg = (chatId: string, i: number, fromMe: boolean, body: string) => ({
    id: `${fromMe}_${chatId}_T${i}`,
    from: fromMe ? 'me@c.us' : chatId,
    to: fromMe ? chatId : 'me@c.us',
    body,
    timestamp: now + i * 60,
    fromMe,
    isStatus: false,
    isGroup: false,
    hasMedia: false,
    type: 'text' as const,
  })
  return [
    {
      id: '996555010101@c.us',
      name: 'Жылдыз',
      isGroup: false,
      messages: [
        msg('996555010101@c.us', 1, false, 'Саламатсызбы, баасы канча?'),
        msg('996555010101@c.us', 2, true, 'Саламатсызбы! 1500 сом'),
        msg('996555010101@c.us', 3, false, 'Рахмат, заказ берем'),
      ],
    },
    {
      id: '996555020202@c.us',
      isGroup: false,
      messages: [msg('996555020202@c.us', 1, false, 'Здравствуйте, меня зовут Олег. Сколько стоит доставка?'), msg('996555020202@c.us', 2, true, '200 сом')],
    },
    {
      id: '996555030303@c.us',
      name: 'Mike',
      isGroup: false,
      messages: [
        msg('996555030303@c.us', 1, false, 'Hi, is the blue one available?'),
        msg('996555030303@c.us', 2, true, 'Yes!'),
        msg('996555030303@c.us', 3, false, 'Great, I will order it'),
        msg('996555030303@c.us', 4, false, 'Paid by card'),
      ],
    },
    { id: '120363000001@g.us', name: 'Group', isGroup: true, messages: [msg('120363000001@g.us', 1, false, 'всем привет')] },
  ]
}

async function runImport(tenant: Tenant, options: Record<string, boolean> = {}) {
  const started = await tenant.asAdmin().import.start(options)
  const waiting = await waitFor(async () => {
    const job = await db.importJob.findUniqueOrThrow({ where: { id: started.id } })
    return job.status === 'WAITING_FOR_SCAN' || job.status === 'RUNNING' || job.status === 'COMPLETED' ? job : null
  })
  if (waiting.status === 'WAITING_FOR_SCAN') await phone.scanQr(importClientId(tenant.organization.id), { qr: waiting.qrCode! })
  return waitFor(async () => {
    const job = await db.importJob.findUniqueOrThrow({ where: { id: started.id } })
    return ['COMPLETED', 'FAILED', 'CANCELLED'].includes(job.status) ? job : null
  }, 15_000)
}

beforeAll(async () => {
  harness = await startHarness()
})

afterAll(async () => {
  await harness.stop()
})

describe('history import', () => {
  it('imports three chats with the right clients, conversations, messages and counters; again → nothing new', async () => {
    const tenant = await createTenant()
    await phone.setHistory(importClientId(tenant.organization.id), history())
    const job = await runImport(tenant)
    expect(job.status).toBe('COMPLETED')
    expect(job).toMatchObject({
      chatsTotal: 3,
      chatsProcessed: 3,
      clientsCreated: 3,
      conversationsCreated: 3,
      messagesImported: 9,
      duplicatesSkipped: 0,
      errorsCount: 0,
    })
    expect(job.notes).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'GROUPS_SKIPPED', count: 1 })]))
    // Fewer messages came back than asked (500): one note per chat, with how many were read.
    const short = (job.notes as Array<{ code: string; chat?: string; count?: number }>).filter((n) => n.code === 'FEWER_MESSAGES_LOADED')
    expect(short.map((n) => [n.chat, n.count]).sort()).toEqual([
      ['996555020202@c.us', 2],
      ['Mike', 4],
      ['Жылдыз', 3],
    ])

    const clients = await db.client.findMany({
      where: { organizationId: tenant.organization.id, phone: { in: ['+996555010101', '+996555020202', '+996555030303'] } },
      orderBy: { phone: 'asc' },
    })
    expect(clients.map((c) => [c.name, c.preferredLanguage])).toEqual([
      ['Жылдыз', 'ky'],
      ['Олег', 'ru'],
      ['Mike', 'en'],
    ])
    expect(clients[2]!.status).toBe('CUSTOMER')
    const mike = await db.message.findMany({ where: { conversation: { clientId: clients[2]!.id } }, orderBy: { createdAt: 'asc' } })
    expect(mike.map((m) => m.direction)).toEqual(['INCOMING', 'OUTGOING', 'INCOMING', 'INCOMING'])
    expect(mike.every((m) => m.whatsappMessageId?.includes('_T'))).toBe(true)

    const again = await runImport(tenant)
    expect(again).toMatchObject({ status: 'COMPLETED', clientsCreated: 0, conversationsCreated: 0, messagesImported: 0, duplicatesSkipped: 9 })
    expect(await db.message.count({ where: { organizationId: tenant.organization.id, whatsappMessageId: { contains: '_T' } } })).toBe(9)
  })

  it('a dry run shows what would be imported and writes nothing', async () => {
    const tenant = await createTenant()
    await phone.setHistory(importClientId(tenant.organization.id), history())
    const clientsBefore = await db.client.count({ where: { organizationId: tenant.organization.id } })
    const job = await runImport(tenant, { dryRun: true })
    expect(job).toMatchObject({ status: 'COMPLETED', dryRun: true, clientsCreated: 3, messagesImported: 9 })
    expect((job.preview as unknown[]).length).toBe(3)
    expect(await db.client.count({ where: { organizationId: tenant.organization.id } })).toBe(clientsBefore)
    expect(await db.message.count({ where: { organizationId: tenant.organization.id, whatsappMessageId: { contains: '_T' } } })).toBe(0)
  })

  it('cancel stops a waiting import and closes its session', async () => {
    const tenant = await createTenant()
    const started = await tenant.asAdmin().import.start({})
    await waitFor(async () => (await db.importJob.findUniqueOrThrow({ where: { id: started.id } })).status === 'WAITING_FOR_SCAN')
    const cancelled = await tenant.asAdmin().import.cancel({ jobId: started.id })
    expect(cancelled.status).toBe('CANCELLED')
    expect((await phone.getPhoneState(importClientId(tenant.organization.id))).qrAvailable).toBe(false)
    await expect(tenant.asOperator().import.start({})).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('runs beside the live session without disturbing it', async () => {
    const tenant = await createTenant()
    await connectPhone(harness.manager, tenant.organization.id)
    await phone.setHistory(importClientId(tenant.organization.id), history())
    const job = await runImport(tenant)
    expect(job.status).toBe('COMPLETED')
    // The live session is still up, with its own stored session, and keeps receiving messages.
    expect(harness.manager.isConnected(tenant.organization.id)).toBe(true)
    const live = await db.whatsAppSession.findUniqueOrThrow({ where: { organizationId: tenant.organization.id } })
    const imp = await db.whatsAppImportSession.findUniqueOrThrow({ where: { organizationId: tenant.organization.id } })
    expect(live.status).toBe('CONNECTED')
    expect(live.sessionDataHash).not.toBe(imp.sessionDataHash)
    await phone.sendAsCustomer(clientIdOf(tenant.organization.id), { from: '+996555040404', body: 'Живой канал работает?' })
    await waitFor(() => db.message.findFirst({ where: { organizationId: tenant.organization.id, content: 'Живой канал работает?' } }))
  })
})

describe('export upload', () => {
  const fixtures = path.resolve(process.cwd(), '../shared/fixtures/whatsapp-exports')

  it('previews, imports into the chosen client’s conversation, and adds nothing on re-upload', async () => {
    const tenant = await createTenant()
    const text = readFileSync(path.join(fixtures, 'android-ru.txt'))
    const upload = { fileName: 'WhatsApp Chat with Айгуль.txt', contentBase64: text.toString('base64'), timeZone: 'UTC' }
    const preview = await tenant.asAdmin().import.previewExport(upload)
    expect(preview.total).toBe(3)
    expect(preview.authors.length).toBeGreaterThanOrEqual(2)
    const business = preview.authors[preview.authors.length - 1]!.name
    const first = await tenant.asAdmin().import.commitExport({ ...upload, clientId: tenant.client.id, businessAuthor: business })
    expect(first.conversationId).toBe(tenant.conversation.id)
    expect(first.job).toMatchObject({ kind: 'EXPORT', status: 'COMPLETED', messagesImported: preview.total, duplicatesSkipped: 0 })
    const outgoing = await db.message.count({
      where: { conversationId: tenant.conversation.id, direction: 'OUTGOING', metadata: { path: ['imported'], equals: true } },
    })
    expect(outgoing).toBe(preview.authors.find((a) => a.name === business)!.messages)

    const second = await tenant.asAdmin().import.commitExport({ ...upload, clientId: tenant.client.id, businessAuthor: business })
    expect(second.job).toMatchObject({ messagesImported: 0, duplicatesSkipped: preview.total })
  })

  it('refuses files that are not WhatsApp exports, with clear errors', async () => {
    const tenant = await createTenant()
    const b64 = (s: string) => Buffer.from(s).toString('base64')
    await expect(tenant.asAdmin().import.previewExport({ fileName: 'notes.txt', contentBase64: b64('just some notes\nnothing here') })).rejects.toMatchObject({
      cause: { messageKey: 'exportNotRecognized' },
    })
    await expect(tenant.asAdmin().import.previewExport({ fileName: 'chat.zip', contentBase64: b64('not a zip') })).rejects.toMatchObject({
      cause: { messageKey: 'exportNotZip' },
    })
    await expect(tenant.asAdmin().import.previewExport({ fileName: 'chat.pdf', contentBase64: b64('x') })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })
})
