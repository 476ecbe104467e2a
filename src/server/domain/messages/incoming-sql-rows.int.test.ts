/**
 * The incoming hot path writes and reads its rows as SQL, sent straight on Prisma's pg pool for the
 * common case (issue 15: Prisma's runtime cost ~30 % of the CPU): the inbox row, the client lookup, the
 * message. What they write and return must be what Prisma itself reads back, column for column, through
 * either runner and in any session time zone, so a column added to the schema or a default changed
 * shows up here. And a known customer's message in an open conversation really takes the pool path.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { db, getDb, poolOf } from '../../db'
import { autoCommit, inPgTransaction, sql, viaPrisma } from '../../db-sql'
import { findSettledClient, clientRowSelect } from '../clients/find-or-create-client'
import { messageSelect } from '../conversations/conversation-queries'
import { createTenant, type Tenant } from '../../testing/factories'
import type { WaIncomingMessage } from '../../whatsapp/engine/types'
import { acceptIncoming } from './incoming-service'
import { insertIncomingMessage } from './message-status'

let shop: Tenant

beforeAll(async () => {
  shop = await createTenant()
})

afterAll(async () => {
  await db.message.deleteMany({ where: { organizationId: shop.organization.id } })
  await db.incomingInbox.deleteMany({ where: { organizationId: shop.organization.id } })
})

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`.toUpperCase()

describe('the message row', () => {
  const variants = {
    text: {},
    photo: { mediaKind: 'IMAGE', mediaStatus: 'PENDING', mediaFileName: 'фото.jpg', mediaMimeType: 'image/jpeg', mediaSize: 48_213 },
    location: { mediaKind: 'LOCATION', location: { latitude: 42.8746, longitude: 74.5698, name: 'Ала-Тоо' } },
    contact: { mediaKind: 'CONTACT', contact: [{ name: 'Айгуль', phones: ['+996 555 123 456'] }] },
  } as const

  const runners = { pool: () => autoCommit(), prisma: () => viaPrisma(db) }
  for (const [name, media] of Object.entries(variants)) {
    for (const [runnerName, runner] of Object.entries(runners))
      it(`${name}, through the ${runnerName}: what the insert returns is what Prisma reads back`, async () => {
        if (runnerName === 'pool') expect(poolOf()).not.toBeNull()
        const createdAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000)
        const view = await insertIncomingMessage(
          {
            organizationId: shop.organization.id,
            conversationId: shop.conversation.id,
            content: `Салам! ${name}`,
            whatsappMessageId: `false_996555000111@c.us_${unique()}`,
            language: 'ky',
            metadata: { type: name, hasMedia: name === 'photo', languageConfidence: 0.9 },
            createdAt,
            ...media,
          },
          runner(),
        )
        expect(view).not.toBeNull()
        const stored = await db.message.findUniqueOrThrow({ where: { id: view!.id }, select: { ...messageSelect, metadata: true, organizationId: true } })
        const { metadata, organizationId, ...shown } = stored
        expect(view).toEqual(shown)
        expect(organizationId).toBe(shop.organization.id)
        expect(metadata).toEqual({ type: name, hasMedia: name === 'photo', languageConfidence: 0.9 })
        expect(stored.createdAt.getTime()).toBe(createdAt.getTime())
      })
  }

  it('the same WhatsApp id again inserts nothing and returns null', async () => {
    const whatsappMessageId = `false_996555000111@c.us_${unique()}`
    const row = {
      organizationId: shop.organization.id,
      conversationId: shop.conversation.id,
      content: 'Сколько стоит?',
      whatsappMessageId,
      language: 'ru',
      metadata: {},
      createdAt: new Date(),
    }
    expect(await insertIncomingMessage(row, autoCommit())).not.toBeNull()
    expect(await insertIncomingMessage({ ...row, content: 'другой текст' }, autoCommit())).toBeNull()
    expect(await db.message.count({ where: { organizationId: shop.organization.id, whatsappMessageId } })).toBe(1)
  })

  it('holds in a session whose time zone is not UTC', async () => {
    const createdAt = new Date('2026-07-01T03:04:05.000Z')
    const written = await inPgTransaction(async (run) => {
      await run.rows(sql`SET LOCAL TIME ZONE 'Asia/Bishkek'`)
      return insertIncomingMessage(
        {
          organizationId: shop.organization.id,
          conversationId: shop.conversation.id,
          content: 'Кечиресиз',
          whatsappMessageId: `false_996555000111@c.us_${unique()}`,
          language: 'ky',
          metadata: {},
          createdAt,
        },
        run,
      )
    })
    const view = written?.result
    const stored = await db.message.findUniqueOrThrow({ where: { id: view!.id }, select: { createdAt: true } })
    expect(stored.createdAt.toISOString()).toBe('2026-07-01T03:04:05.000Z')
  })
})

describe('the inbox row', () => {
  it('is written once per WhatsApp id, with its payload, received and queued now', async () => {
    const message: WaIncomingMessage = {
      id: `false_996555000222@c.us_${unique()}`,
      from: '996555000222@c.us',
      to: '996555000001@c.us',
      body: 'Здравствуйте! Есть доставка в Ош?',
      timestamp: Math.floor(Date.now() / 1000),
      hasMedia: false,
      type: 'text',
      notifyName: 'Айбек',
    }
    const before = Date.now()
    const first = await acceptIncoming(shop.organization.id, message)
    const after = Date.now()
    expect(first.inboxId).toMatch(/^c[0-9a-z]{24}$/)
    const again = await acceptIncoming(shop.organization.id, message)
    expect(again).toMatchObject({ inboxId: first.inboxId, duplicate: true })
    const row = await db.incomingInbox.findUniqueOrThrow({ where: { id: first.inboxId! } })
    expect(row).toMatchObject({ organizationId: shop.organization.id, whatsappMessageId: message.id, processedAt: null, attempts: 0, error: null })
    expect(row.payload).toEqual(message)
    for (const at of [row.receivedAt, row.queuedAt!]) {
      expect(at.getTime()).toBeGreaterThanOrEqual(before - 1)
      expect(at.getTime()).toBeLessThanOrEqual(after + 1)
    }
  })
})

describe('the transaction', () => {
  it('a known customer writing in their open conversation is stored without a Prisma transaction', async () => {
    const { processIncoming } = await import('./incoming-service')
    const customer = `99655${Date.now().toString().slice(-7)}`
    const write = async (body: string) => {
      const message: WaIncomingMessage = {
        id: `false_${customer}@c.us_${unique()}`,
        from: `${customer}@c.us`,
        to: '996555000001@c.us',
        body,
        timestamp: Math.floor(Date.now() / 1000),
        hasMedia: false,
        type: 'text',
      }
      const accepted = await acceptIncoming(shop.organization.id, message)
      return processIncoming(accepted.inboxId!)
    }
    const transactions = vi.spyOn(getDb(), '$transaction')
    try {
      // A new customer: client and conversation are created, in a Prisma transaction.
      const first = await write('Салам! Баасы канча?')
      expect(first).toMatchObject({ status: 'processed', clientCreated: true })
      expect(transactions).toHaveBeenCalled()
      transactions.mockClear()
      // The same words again: nothing new to learn about the client, so nothing to write to it.
      const second = await write('Салам! Баасы канча?')
      expect(second).toMatchObject({ status: 'processed', clientCreated: false, clientId: (first as { clientId: string }).clientId })
      expect(transactions).not.toHaveBeenCalled()
      const stored = await db.message.findMany({
        where: { organizationId: shop.organization.id, conversation: { clientId: (first as { clientId: string }).clientId } },
        select: { content: true },
      })
      expect(stored.map((m) => m.content)).toEqual(['Салам! Баасы канча?', 'Салам! Баасы канча?'])
      // "стоп" records an opt-out: that needs the Prisma transaction again.
      await write('стоп')
      expect(transactions).toHaveBeenCalled()
    } finally {
      transactions.mockRestore()
    }
  })
})

describe('a transaction on the pool', () => {
  it('whose connection the server drops is a failure of the call, not an uncaught error of the process', async () => {
    const call = inPgTransaction(async (run) => {
      const [backend] = await run.rows<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`)
      // From another connection, as a restart or `pg_ctl stop -m immediate` would end this one.
      await db.$queryRaw`SELECT pg_terminate_backend(${backend!.pid}::int)`
      // The socket's end arrives while the connection is still checked out.
      await new Promise((resolve) => setTimeout(resolve, 300))
      return run.rows(sql`SELECT 1`)
    })
    await expect(call).rejects.toThrow()
    // The pool goes on with a new connection.
    expect(await autoCommit().rows<{ one: number }>(sql`SELECT 1 AS one`)).toEqual([{ one: 1 }])
  })
})

describe('the client lookup', () => {
  it('reads what Prisma reads, by WhatsApp id, phone or LID', async () => {
    const client = await db.client.findUniqueOrThrow({ where: { id: shop.client.id }, select: clientRowSelect })
    await db.client.update({
      where: { id: client.id },
      data: { lid: `${Date.now()}${Math.floor(Math.random() * 1000)}@lid`, preferredLanguageSource: 'MANUAL', metadata: { culturalContext: 'kg' } },
    })
    const expected = await db.client.findUniqueOrThrow({ where: { id: shop.client.id }, select: clientRowSelect })
    for (const data of [{ whatsappId: expected.whatsappId }, { phone: expected.phone }, { lid: expected.lid }]) {
      const found = await findSettledClient(shop.organization.id, { ...data, metadata: { culturalContext: 'kg' } })
      expect(found?.row).toEqual(expected)
    }
    // Another organization's client is never found.
    const other = await createTenant()
    expect(await findSettledClient(other.organization.id, { whatsappId: expected.whatsappId })).toBeNull()
  })
})
