/**
 * Media out (issue 14 point 3), end to end against PostgreSQL, Redis, the simulator and the local media
 * store: a file is uploaded through POST /api/media/upload (type sniffed from its bytes, capped), then
 * sent by its id through tRPC and the same send queue as text: it reaches the simulated customer's phone
 * in order with a text of the same conversation, with its caption, and its acks arrive. Refused: a file
 * over the cap (declared or streamed), a type we do not send, a signed-out upload, and another
 * organization's send naming our media id. An agent sends a document through the agent API. A photo
 * sent from the business phone itself is downloaded and stored like a customer's.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendMediaForAgent } from '../../agents/agent-api'
import { handleMediaUpload } from '../../api/upload/media-upload'
import type { SessionUser } from '../../auth/session-user'
import { db } from '../../db'
import { createTenant, type Tenant } from '../../testing/factories'
import { clientIdOf, connectPhone, startHarness, type Harness } from '../../testing/pipeline-harness'
import { waitFor } from '../../testing/wait-for'
import * as phone from '../../whatsapp/engines/simulator/simulator-control'
import { MAX_UNSENT_UPLOADS, OUTGOING_MEDIA_MAX_BYTES } from './outgoing-media'

let harness: Harness
let shop: Tenant
let other: Tenant

const fixture = (file: string) => readFile(join(process.cwd(), 'src/server/whatsapp/engines/simulator/media', file))
let customer = 0
const nextCustomer = () => `+9967004${String(Date.now() % 10000).padStart(4, '0')}${String((customer += 1) % 10)}`

beforeAll(async () => {
  harness = await startHarness()
  shop = await createTenant()
  other = await createTenant()
  await connectPhone(harness.manager, shop.organization.id)
})

afterAll(async () => {
  await harness.stop()
})

function upload(user: SessionUser | null, body: Buffer | string | ReadableStream<Uint8Array>, fileName?: string, headers: Record<string, string> = {}) {
  const request = new Request('http://localhost/api/media/upload', {
    method: 'POST',
    body: Buffer.isBuffer(body) ? new Uint8Array(body) : body,
    headers: { 'x-soul-request': '1', ...(fileName ? { 'x-file-name': encodeURIComponent(fileName) } : {}), ...headers },
    // A ReadableStream body is sent chunked, without a Content-Length.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  })
  return handleMediaUpload(request, { user, locale: 'en', authUrl: undefined })
}

async function uploaded(user: SessionUser, file: string, fileName = file) {
  const response = await upload(user, await fixture(file), fileName)
  expect(response.status).toBe(200)
  return (await response.json()) as { mediaId: string; kind: string; contentType: string; size: number; fileName: string }
}

const outboxTo = async (organizationId: string, to: string) =>
  (await phone.getPhoneState(clientIdOf(organizationId))).outbox.filter((entry) => entry.to === `${to.slice(1)}@c.us`).reverse()

describe('media out through the send queue to the simulated phone', () => {
  it('a text and a photo with a caption to one conversation leave in order, and the photo gets its acks', async () => {
    const to = nextCustomer()
    const photo = await uploaded(shop.operator, 'photo.jpg', 'C:\\Users\\shop\\товар.jpg')
    expect(photo).toMatchObject({ kind: 'IMAGE', contentType: 'image/jpeg', fileName: 'товар.jpg', size: (await fixture('photo.jpg')).length })

    const caller = shop.asOperator()
    const text = await caller.whatsapp.send({ to, content: 'Вот фото товара:' })
    const sent = await caller.whatsapp.send({ to, content: 'Цена 1200 сом', media: { id: photo.mediaId, fileName: photo.fileName } })
    expect(sent.conversationId).toBe(text.conversationId)

    const entries = await waitFor(async () => {
      const list = await outboxTo(shop.organization.id, to)
      return list.length >= 2 ? list : null
    }, 15_000)
    expect(entries.map((e) => e.body)).toEqual(['Вот фото товара:', 'Цена 1200 сом'])
    expect(entries[0]!.media).toBeUndefined()
    expect(entries[1]!.media).toMatchObject({ kind: 'image', mimetype: 'image/jpeg', size: photo.size })
    // The customer's phone has the picture itself.
    expect(Buffer.from(entries[1]!.media!.preview!.split(',')[1]!, 'base64').equals(await fixture('photo.jpg'))).toBe(true)

    const row = await waitFor(async () => {
      const message = await db.message.findUniqueOrThrow({ where: { id: sent.messageId } })
      return message.status === 'READ' ? message : null
    }, 10_000)
    expect(row).toMatchObject({
      content: '[Media: image] Цена 1200 сом',
      mediaKind: 'IMAGE',
      mediaStatus: 'STORED',
      mediaFileId: photo.mediaId,
      mediaMimeType: 'image/jpeg',
      whatsappMessageId: entries[1]!.id,
    })
  })

  it('a PDF goes as a document with its name, without a caption', async () => {
    const to = nextCustomer()
    const pdf = await uploaded(shop.operator, 'document.pdf', 'Счёт №12.pdf')
    expect(pdf).toMatchObject({ kind: 'DOCUMENT', contentType: 'application/pdf', fileName: 'Счёт №12.pdf' })
    const sent = await shop.asOperator().whatsapp.send({ to, content: '', media: { id: pdf.mediaId, fileName: pdf.fileName } })
    const [entry] = await waitFor(async () => {
      const list = await outboxTo(shop.organization.id, to)
      return list.length ? list : null
    }, 15_000)
    expect(entry).toMatchObject({ body: '', media: { kind: 'document', fileName: 'Счёт №12.pdf', mimetype: 'application/pdf' } })
    expect(entry!.media!.preview).toBeUndefined()
    expect(await db.message.findUniqueOrThrow({ where: { id: sent.messageId }, select: { content: true } })).toEqual({ content: '[Media: document]' })
  })

  it('an agent sends a document through the agent API', async () => {
    const to = nextCustomer()
    const result = await sendMediaForAgent(shop.organization.id, to, { data: await fixture('document.pdf'), fileName: 'Прайс' }, 'Наш прайс', null, 'SALES')
    const [entry] = await waitFor(async () => {
      const list = await outboxTo(shop.organization.id, to)
      return list.length ? list : null
    }, 15_000)
    expect(entry).toMatchObject({ body: 'Наш прайс', media: { kind: 'document', fileName: 'Прайс.pdf' } })
    expect(await db.message.findUniqueOrThrow({ where: { id: result.messageId }, select: { sender: true, priority: true, mediaKind: true } })).toEqual({
      sender: 'AI',
      priority: 5,
      mediaKind: 'DOCUMENT',
    })
  })
})

describe('a photo sent from the business phone itself', () => {
  it("is stored as a phone reply and its file downloaded like a customer's", async () => {
    const to = nextCustomer()
    const sent = await phone.replyFromPhone(clientIdOf(shop.organization.id), { to, body: 'с телефона', type: 'image' })
    const stored = await waitFor(async () => {
      const row = await db.message.findFirst({ where: { organizationId: shop.organization.id, whatsappMessageId: sent.id }, include: { mediaFile: true } })
      return row?.mediaStatus === 'STORED' ? row : null
    }, 15_000)
    expect(stored).toMatchObject({ origin: 'PHONE', direction: 'OUTGOING', mediaKind: 'IMAGE', content: '[Media: image] с телефона' })
    expect(stored.mediaFile).toMatchObject({ contentType: 'image/jpeg', size: (await fixture('photo.jpg')).length })
  })
})

describe('media out: what is refused', () => {
  it('a file over the cap: declared (413 before reading) or streamed without a length (413, nothing stored)', async () => {
    const declared = await upload(shop.operator, 'x', 'big.jpg', { 'content-length': String(OUTGOING_MEDIA_MAX_BYTES + 1) })
    expect(declared.status).toBe(413)

    const before = await db.mediaFile.count({ where: { organizationId: shop.organization.id } })
    const chunk = new Uint8Array(1024 * 1024).fill(0xff)
    let pulled = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1
        if (pulled > 40) controller.close()
        else controller.enqueue(chunk)
      },
    })
    const streamed = await upload(shop.operator, stream, 'big.jpg')
    expect(streamed.status).toBe(413)
    expect(((await streamed.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE')
    // Reading stopped at the cap: not all 40 MB were pulled.
    expect(pulled).toBeLessThanOrEqual(18)
    expect(await db.mediaFile.count({ where: { organizationId: shop.organization.id } })).toBe(before)
  })

  it('a type we do not send, whatever its name says (an executable, HTML, SVG): 415, not stored', async () => {
    const before = await db.mediaFile.count({ where: { organizationId: shop.organization.id } })
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200)])
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)])
    for (const [body, name] of [
      [exe, 'photo.jpg'],
      [elf, 'invoice.pdf'],
      [Buffer.from('<html><script>alert(1)</script></html>'), 'page.html'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg'],
    ] as const) {
      const response = await upload(shop.operator, body, name)
      expect(response.status, name).toBe(415)
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
    }
    expect(await db.mediaFile.count({ where: { organizationId: shop.organization.id } })).toBe(before)
    // Plain text has no signature: a .txt of readable UTF-8 is a document.
    const text = await upload(shop.operator, Buffer.from('Прайс: 1200 сом\n'), 'прайс.txt')
    expect(await text.json()).toMatchObject({ kind: 'DOCUMENT', contentType: 'text/plain', fileName: 'прайс.txt' })
  })

  it('signed out: 401; another organization cannot send with our media id (NOT_FOUND, nothing created)', async () => {
    expect((await upload(null, await fixture('photo.jpg'), 'photo.jpg')).status).toBe(401)
    const photo = await uploaded(shop.operator, 'photo.jpg')
    const before = await db.message.count({ where: { organizationId: other.organization.id } })
    await expect(
      other.asOperator().whatsapp.send({ conversationId: other.conversation.id, content: 'чужое', media: { id: photo.mediaId } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(other.asAdmin().whatsapp.send({ to: nextCustomer(), content: '', media: { id: photo.mediaId } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    expect(await db.message.count({ where: { organizationId: other.organization.id } })).toBe(before)
  })

  it('an organization holds at most MAX_UNSENT_UPLOADS files not yet sent: the next gets 429 until one is sent; others are not held back', async () => {
    const busy = await createTenant()
    await connectPhone(harness.manager, busy.organization.id)
    const note = (i: number) => Buffer.from(`Заметка ${i}\n`)
    const ids: string[] = []
    for (let i = 0; i < MAX_UNSENT_UPLOADS; i++) {
      const response = await upload(busy.operator, note(i), `note-${i}.txt`)
      expect(response.status, `upload ${i + 1}`).toBe(200)
      ids.push(((await response.json()) as { mediaId: string }).mediaId)
    }
    const refused = await upload(busy.operator, note(99), 'one-more.txt')
    expect(refused.status).toBe(429)
    const refusal = ((await refused.json()) as { error: { code: string; message: string } }).error
    expect(refusal.code).toBe('TOO_MANY_REQUESTS')
    expect(refusal.message).toContain(String(MAX_UNSENT_UPLOADS))
    expect(await db.mediaFile.count({ where: { organizationId: busy.organization.id } })).toBe(MAX_UNSENT_UPLOADS)
    // Another organization is not held back by this one's waiting files.
    expect((await upload(shop.operator, note(1), 'ours.txt')).status).toBe(200)
    // One of them goes out in a message: there is room for one more.
    await busy.asOperator().whatsapp.send({ to: nextCustomer(), content: '', media: { id: ids[0]! } })
    expect((await upload(busy.operator, note(100), 'now-it-fits.txt')).status).toBe(200)
    expect((await upload(busy.operator, note(101), 'and-not-this.txt')).status).toBe(429)
  })

  it('an empty message without a file is refused', async () => {
    await expect(shop.asOperator().whatsapp.send({ to: nextCustomer(), content: '  ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })
})
