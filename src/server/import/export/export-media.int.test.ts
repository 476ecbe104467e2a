/**
 * A chat-export .zip with media (issue 14 point 5), imported through commitExport: the files the chat
 * names ("IMG-….jpg (файл добавлен)" on Android in Russian, "<attached: …>" on iOS) are stored in the
 * media store and attached to their messages, served by GET /api/media/<id> to the organization; a file
 * the zip lacks leaves its message a placeholder, and a bomb among the media is stopped at the cap.
 */
import { createRequire } from 'node:module'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { handleMediaRequest } from '../../api/media/media-response'
import { db } from '../../db'
import { createTenant } from '../../testing/factories'
import { saveExportUpload } from './export-uploads'

async function* chunksOf(data: Buffer) {
  yield data
}

type Archive = NodeJS.ReadableStream & { append(data: string | Buffer, options: { name: string }): void; finalize(): Promise<void> }
const archiver = createRequire(import.meta.url)('archiver') as (format: 'zip') => Archive

async function zipOf(files: Record<string, string | Buffer>): Promise<Buffer> {
  const archive = archiver('zip')
  const chunks: Buffer[] = []
  archive.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    archive.once('end', resolve)
    archive.once('error', reject)
  })
  for (const [name, data] of Object.entries(files)) archive.append(data, { name })
  await archive.finalize()
  await done
  return Buffer.concat(chunks)
}

const fixture = (file: string) => readFile(join(process.cwd(), 'src/server/whatsapp/engines/simulator/media', file))

describe('an export .zip with media', () => {
  it('attaches the named files to their messages; a missing one stays a placeholder; an oversize one is not inflated past the cap', async () => {
    const tenant = await createTenant()
    const org = tenant.organization.id
    const photo = await fixture('photo.jpg')
    const pdf = await fixture('document.pdf')
    const chat = [
      '01.03.2026, 10:00 - Айгуль: Здравствуйте, есть такое?',
      '01.03.2026, 10:01 - Айгуль: IMG-20260301-WA0001.jpg (файл добавлен)',
      'вот такое',
      '01.03.2026, 10:02 - Магазин: \u200e<attached: 00000002-Прайс.pdf>',
      '01.03.2026, 10:03 - Айгуль: IMG-20260301-WA0009.jpg (файл добавлен)',
      '01.03.2026, 10:04 - Айгуль: VID-20260301-WA0003.mp4 (файл добавлен)',
      '',
    ].join('\n')
    const zip = await zipOf({
      'WhatsApp Chat with Айгуль.txt': chat,
      'IMG-20260301-WA0001.jpg': photo,
      '00000002-Прайс.pdf': pdf,
      // Bigger than the per-file cap (MEDIA_MAX_BYTES, 16 MB): zeros, so the zip itself stays small.
      'VID-20260301-WA0003.mp4': Buffer.alloc(17 * 1024 * 1024),
    })
    const { uploadId } = await saveExportUpload(org, 'WhatsApp Chat with Айгуль.zip', chunksOf(zip))
    const result = await tenant
      .asAdmin()
      .import.commitExport({ fileName: 'WhatsApp Chat with Айгуль.zip', uploadId, timeZone: 'UTC', clientId: tenant.client.id, businessAuthor: 'Магазин' })
    expect(result.job).toMatchObject({ status: 'COMPLETED', messagesImported: 5 })

    const messages = await db.message.findMany({
      where: { conversationId: result.conversationId, metadata: { path: ['imported'], equals: true } },
      orderBy: { createdAt: 'asc' },
      include: { mediaFile: true },
    })
    const [, image, document, missing, video] = messages
    expect(image).toMatchObject({ content: '[Media: image] вот такое', mediaKind: 'IMAGE', mediaStatus: 'STORED', mediaFileName: 'IMG-20260301-WA0001.jpg' })
    expect(image!.mediaFile).toMatchObject({ contentType: 'image/jpeg', size: photo.length })
    expect(document).toMatchObject({ direction: 'OUTGOING', mediaKind: 'DOCUMENT', mediaStatus: 'STORED', mediaFileName: '00000002-Прайс.pdf' })
    expect(document!.mediaFile).toMatchObject({ contentType: 'application/pdf', size: pdf.length })
    // Not in the zip, or over the cap: the placeholder, as before (no file).
    expect(missing).toMatchObject({ content: '[Media: image]', mediaKind: null, mediaFileId: null })
    expect(video).toMatchObject({ content: '[Media: video]', mediaKind: null, mediaFileId: null })

    // The imported photo is served to the organization like a live one, and to nobody else.
    const served = await handleMediaRequest(new Request(`http://localhost/api/media/${image!.id}`), image!.id, { user: tenant.admin, locale: 'en' })
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(photo)).toBe(true)
    const other = await createTenant()
    const refused = await handleMediaRequest(new Request(`http://localhost/api/media/${image!.id}`), image!.id, { user: other.admin, locale: 'en' })
    expect(refused.status).toBe(404)

    // Importing the same file again adds nothing, and the photo is still stored once.
    const again = await saveExportUpload(org, 'WhatsApp Chat with Айгуль.zip', chunksOf(zip))
    const second = await tenant.asAdmin().import.commitExport({
      fileName: 'WhatsApp Chat with Айгуль.zip',
      uploadId: again.uploadId,
      timeZone: 'UTC',
      clientId: tenant.client.id,
      businessAuthor: 'Магазин',
    })
    expect(second.job).toMatchObject({ messagesImported: 0, duplicatesSkipped: 5 })
    expect(await db.mediaFile.count({ where: { organizationId: org, sha256: image!.mediaFile!.sha256 } })).toBe(1)
  })
})
