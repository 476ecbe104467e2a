/**
 * Media in (issue 14), end to end against PostgreSQL, Redis, the simulator and the local media store:
 * each kind a customer sends is stored with its message, its file downloaded and stored, and served by
 * GET /api/media/<id> to the owner organization only (another organization: 404, signed out: 401);
 * locations and contact cards are data; the size cap; a download that keeps failing ends UNAVAILABLE
 * after its retries with the message kept; the same bytes are stored once.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import type { Job } from 'bullmq'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handleMediaRequest } from '../../api/media/media-response'
import { db } from '../../db'
import { getMediaStore } from '../../media'
import type { MediaJobData } from '../../queues/media-queue'
import { createTenant, type Tenant } from '../../testing/factories'
import { clientIdOf, connectPhone, startHarness, type Harness } from '../../testing/pipeline-harness'
import { waitFor } from '../../testing/wait-for'
import type { WaMessageType } from '../../whatsapp/engine/types'
import * as phone from '../../whatsapp/engines/simulator/simulator-control'
import { createMediaProcessor } from './media-download'

let harness: Harness
let shop: Tenant
let other: Tenant

const fixture = (file: string) => readFile(join(process.cwd(), 'src/server/whatsapp/engines/simulator/media', file))
let customer = 0
const nextCustomer = () => `+99670031${String(Date.now() % 1000).padStart(3, '0')}${String((customer += 1)).padStart(1, '0')}`.slice(0, 13)

beforeAll(async () => {
  harness = await startHarness()
  shop = await createTenant()
  other = await createTenant()
  await connectPhone(harness.manager, shop.organization.id)
})

afterAll(async () => {
  await harness.stop()
})

async function customerSends(input: Omit<phone.CustomerMessageInput, 'from'> & { from?: string }) {
  const sent = await phone.sendAsCustomer(clientIdOf(shop.organization.id), { from: input.from ?? nextCustomer(), ...input })
  return waitFor(() => db.message.findFirst({ where: { organizationId: shop.organization.id, whatsappMessageId: sent.id } }))
}

const settled = (id: string, timeoutMs = 10_000) =>
  waitFor(async () => {
    const row = await db.message.findUniqueOrThrow({ where: { id }, include: { mediaFile: true } })
    return row.mediaStatus !== 'PENDING' ? row : null
  }, timeoutMs)

function get(id: string, user: Tenant['admin'] | null, headers: Record<string, string> = {}) {
  return handleMediaRequest(new Request(`http://localhost/api/media/${id}`, { headers }), id, { user, locale: 'en' })
}

const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer())

describe('media in: each kind stored and served to its organization only', () => {
  const kinds: Array<[WaMessageType, string, string, string]> = [
    ['image', 'photo.jpg', 'image/jpeg', 'inline'],
    ['voice', 'voice.ogg', 'audio/ogg', 'inline'],
    ['audio', 'voice.ogg', 'audio/ogg', 'inline'],
    ['video', 'video.mp4', 'video/mp4', 'inline'],
    ['sticker', 'sticker.webp', 'image/webp', 'inline'],
    ['document', 'document.pdf', 'application/pdf', 'attachment'],
  ]
  it.each(kinds)('%s', async (type, file, contentType, disposition) => {
    const message = await customerSends({ type, body: type === 'image' ? 'вот этот' : '' })
    expect(message.mediaKind).toBe(type.toUpperCase())
    const stored = await settled(message.id)
    expect(stored.mediaStatus).toBe('STORED')
    expect(stored.mediaFile?.contentType).toBe(contentType)
    const original = await fixture(file)
    expect(stored.mediaFile?.size).toBe(original.length)
    expect(stored.mediaFile?.sha256).toBe(createHash('sha256').update(original).digest('hex'))
    if (type === 'image') expect(stored.content).toBe('[Media: image] вот этот')

    const ok = await get(message.id, shop.operator)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toBe(contentType)
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff')
    expect(ok.headers.get('content-security-policy')).toContain('sandbox')
    expect(ok.headers.get('content-disposition')).toMatch(new RegExp(`^${disposition};`))
    expect((await bytes(ok)).equals(original)).toBe(true)

    const foreign = await get(message.id, other.admin)
    expect(foreign.status).toBe(404)
    expect(await foreign.text()).not.toContain(stored.mediaFile!.sha256)
    expect((await get(message.id, null)).status).toBe(401)
  })

  it('a document keeps its name, safely encoded, and a voice note answers byte ranges (206)', async () => {
    const document = await settled((await customerSends({ type: 'document', body: 'счёт' })).id)
    const response = await get(document.id, shop.admin)
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="_____-____ 2026.pdf"; filename*=UTF-8''${encodeURIComponent('Прайс-лист 2026.pdf')}`,
    )
    await response.body?.cancel()
    const voice = await settled((await customerSends({ type: 'voice', body: '' })).id)
    const original = await fixture('voice.ogg')
    const part = await get(voice.id, shop.operator, { range: 'bytes=100-199' })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${original.length}`)
    expect((await bytes(part)).equals(original.subarray(100, 200))).toBe(true)
    const tail = await get(voice.id, shop.operator, { range: 'bytes=-10' })
    expect((await bytes(tail)).equals(original.subarray(original.length - 10))).toBe(true)
    expect((await get(voice.id, shop.operator, { range: `bytes=${original.length}-` })).status).toBe(416)
  })

  it('a location and a contact card are stored as data, with nothing to download', async () => {
    const location = await customerSends({ type: 'location', body: '', location: { latitude: 42.87, longitude: 74.59, name: 'ЦУМ' } })
    expect(location).toMatchObject({ mediaKind: 'LOCATION', mediaStatus: null, content: '[Media: location]' })
    expect(location.location).toEqual({ latitude: 42.87, longitude: 74.59, name: 'ЦУМ' })
    const contact = await customerSends({ type: 'contact', body: '', contacts: [{ name: 'Бакыт', phones: ['+996555001122'] }] })
    expect(contact).toMatchObject({ mediaKind: 'CONTACT', mediaStatus: null })
    expect(contact.contact).toEqual([{ name: 'Бакыт', phones: ['+996555001122'] }])
    expect((await get(location.id, shop.admin)).status).toBe(404)
  })
})

describe('media in: failures', () => {
  it('a file announced over the cap is not downloaded: TOO_LARGE, the message stays', async () => {
    const message = await customerSends({ type: 'video', body: 'большое видео', mediaFailure: 'too-large' })
    const done = await settled(message.id)
    expect(done).toMatchObject({ mediaStatus: 'TOO_LARGE', mediaError: 'tooLarge', mediaFileId: null, content: '[Media: video] большое видео' })
  })

  it('bytes past the cap are refused even when no size was announced (nothing stored)', async () => {
    const message = await customerSends({ type: 'image', body: '' })
    await settled(message.id)
    await db.message.update({ where: { id: message.id }, data: { mediaStatus: 'PENDING', mediaFileId: null, mediaSize: null } })
    const processor = createMediaProcessor({
      download: async () => ({ data: Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), mimetype: 'image/jpeg' }),
      maxBytes: () => 1000,
    })
    const job = { data: { organizationId: shop.organization.id, messageId: message.id } } as Job<MediaJobData>
    expect(await processor(job, undefined, { number: 1, final: false })).toEqual({ status: 'tooLarge' })
    expect(await db.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ mediaStatus: 'TOO_LARGE', mediaFileId: null })
  })

  it('a download that keeps failing is retried, then UNAVAILABLE with the reason; an expired file too', async () => {
    const failing = await customerSends({ type: 'image', body: 'чек', mediaFailure: 'error' })
    const failed = await settled(failing.id, 15_000)
    expect(failed).toMatchObject({ mediaStatus: 'UNAVAILABLE', mediaError: 'downloadFailed', mediaAttempts: 4, content: '[Media: image] чек' })
    const expired = await settled((await customerSends({ type: 'voice', body: '', mediaFailure: 'expired' })).id, 15_000)
    expect(expired).toMatchObject({ mediaStatus: 'UNAVAILABLE', mediaError: 'expired', mediaAttempts: 4 })
    // The pipeline goes on: the next message is stored and its file downloaded.
    expect((await settled((await customerSends({ type: 'image', body: '' })).id)).mediaStatus).toBe('STORED')
  })
})

describe('media store: dedupe by content', () => {
  it('the same bytes sent twice are one MediaFile of the organization and one stored object', async () => {
    const first = await settled((await customerSends({ type: 'sticker', body: '' })).id)
    const second = await settled((await customerSends({ type: 'sticker', body: '' })).id)
    expect(second.mediaFileId).toBe(first.mediaFileId)
    const sha256 = first.mediaFile!.sha256
    expect(await db.mediaFile.count({ where: { organizationId: shop.organization.id, sha256 } })).toBe(1)
    expect(await getMediaStore().stat(first.mediaFile!.storageKey)).toEqual({ size: first.mediaFile!.size })
    expect(first.mediaFile!.storageKey).toBe(`${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`)
  })
})
