/**
 * Chat-export uploads by id (what the upload route stores) and the preview of a file with many
 * authors: bounded list, clients matched by phone and by name, uploads scoped to their organization.
 */
import { describe, expect, it } from 'vitest'
import { db } from '../../db'
import { createClient, createTenant } from '../../testing/factories'
import { MAX_PREVIEW_AUTHORS } from './export-analysis'
import { readExportUpload, saveExportUpload } from './export-uploads'

async function* chunksOf(text: string) {
  yield Buffer.from(text)
}

function exportWith(authors: string[]): string {
  // The first author writes most, so the preview's order is known.
  const lines = authors.flatMap((author, i) =>
    Array.from({ length: i === 0 ? 3 : 1 }, (_, k) => `01.03.2026, 10:${String(i % 60).padStart(2, '0')} - ${author}: msg ${k}`),
  )
  return lines.join('\n') + '\n'
}

describe('export upload by id', () => {
  it('previews at most 50 authors, says how many there are, and matches clients by phone and by name', async () => {
    const tenant = await createTenant()
    const org = tenant.organization.id
    const byName = await createClient(org, { name: 'Айгуль Бекова' })
    const byPhone = await createClient(org)
    const authors = [
      'айгуль бекова',
      byPhone.phone!.replace('+996', '+996 ').replace(/(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3'),
      ...Array.from({ length: 70 }, (_, i) => `Author ${i}`),
    ]
    const { uploadId } = await saveExportUpload(org, 'WhatsApp Chat with Айгуль.txt', chunksOf(exportWith(authors)))
    const preview = await tenant.asAdmin().import.previewExport({ fileName: 'WhatsApp Chat with Айгуль.txt', uploadId, timeZone: 'UTC' })
    expect(preview.total).toBe(authors.length + 2)
    expect(preview.authors).toHaveLength(MAX_PREVIEW_AUTHORS)
    expect(preview.authorsTotal).toBe(authors.length)
    expect(preview.authors[0]).toMatchObject({ name: 'айгуль бекова', messages: 3, matchedClient: { id: byName.id } })
    expect(preview.authors.find((a) => a.name === authors[1])?.matchedClient?.id).toBe(byPhone.id)
    expect(preview.suggestedClient?.id).toBe(byName.id)

    // The same upload imports, and is gone afterwards.
    const result = await tenant
      .asAdmin()
      .import.commitExport({ fileName: 'WhatsApp Chat with Айгуль.txt', uploadId, timeZone: 'UTC', clientId: byName.id, businessAuthor: authors[2]! })
    expect(result.job).toMatchObject({ status: 'COMPLETED', messagesImported: authors.length + 2 })
    expect(await db.message.count({ where: { conversationId: result.conversationId, direction: 'OUTGOING' } })).toBe(1)
    await expect(readExportUpload(org, uploadId)).rejects.toMatchObject({ messageKey: 'exportUploadNotFound' })
  })

  it("an organization cannot preview or import another organization's upload", async () => {
    const a = await createTenant()
    const b = await createTenant()
    const { uploadId } = await saveExportUpload(a.organization.id, 'chat.txt', chunksOf(exportWith(['Эрмек', 'Магазин'])))
    await expect(b.asAdmin().import.previewExport({ fileName: 'chat.txt', uploadId })).rejects.toMatchObject({ cause: { messageKey: 'exportUploadNotFound' } })
    await expect(b.asAdmin().import.commitExport({ fileName: 'chat.txt', uploadId, clientId: b.client.id, businessAuthor: 'Магазин' })).rejects.toMatchObject({
      cause: { messageKey: 'exportUploadNotFound' },
    })
    // Operators of the owning organization cannot either (admins only).
    await expect(a.asOperator().import.previewExport({ fileName: 'chat.txt', uploadId })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(a.asAdmin().import.previewExport({ fileName: 'chat.txt', uploadId })).resolves.toMatchObject({ total: 4 })
  })

  it('imports deleted messages as their author’s messages, marked deleted (Android and iOS, ru and en)', async () => {
    const tenant = await createTenant()
    const org = tenant.organization.id
    const text = [
      '01.03.2026, 10:00 - Айгуль: Салам, канча турат?',
      '01.03.2026, 10:01 - Айгуль: Данное сообщение удалено',
      '01.03.2026, 10:02 - Магазин: Вы удалили данное сообщение',
      '01.03.2026, 10:03 - Магазин: 1500 сом',
      '[01.03.2026, 10:04:00] Айгуль: \u200eThis message was deleted.',
    ].join('\n')
    const { uploadId } = await saveExportUpload(org, 'chat.txt', chunksOf(text))
    const preview = await tenant.asAdmin().import.previewExport({ fileName: 'chat.txt', uploadId, timeZone: 'UTC' })
    expect(preview.total).toBe(5)
    const result = await tenant
      .asAdmin()
      .import.commitExport({ fileName: 'chat.txt', uploadId, timeZone: 'UTC', clientId: tenant.client.id, businessAuthor: 'Магазин' })
    expect(result.job).toMatchObject({ status: 'COMPLETED', messagesImported: 5 })
    const stored = await db.message.findMany({
      // The tenant's client has a conversation already: only the imported day.
      where: { conversationId: result.conversationId, createdAt: { gte: new Date('2026-03-01T00:00:00Z'), lt: new Date('2026-03-02T00:00:00Z') } },
      orderBy: { createdAt: 'asc' },
      select: { content: true, direction: true, deletedAt: true, language: true },
    })
    expect(stored.map((m) => [m.direction, m.content, m.deletedAt !== null])).toEqual([
      ['INCOMING', 'Салам, канча турат?', false],
      ['INCOMING', 'Данное сообщение удалено', true],
      ['OUTGOING', 'Вы удалили данное сообщение', true],
      ['OUTGOING', '1500 сом', false],
      ['INCOMING', 'This message was deleted.', true],
    ])
    expect(stored.filter((m) => m.deletedAt).every((m) => m.language === null)).toBe(true)
  })

  it('a stream that throws past its cap leaves no file behind', async () => {
    const tenant = await createTenant()
    async function* tooBig() {
      yield Buffer.from('01.03.2026, 10:00 - A: hi\n')
      throw new Error('over the cap')
    }
    await expect(saveExportUpload(tenant.organization.id, 'chat.txt', tooBig())).rejects.toThrow('over the cap')
    const { readdir } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const left = await readdir(`${tmpdir()}/soul-export-uploads/${tenant.organization.id}`).catch(() => [])
    expect(left).toEqual([])
  })
})
