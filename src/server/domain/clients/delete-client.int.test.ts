/**
 * Deleting a client (issue 14): admins only; the client, conversations and messages go, and so do the
 * media files no other message of the organization uses, from the database and the media store. A file
 * another client of the organization (or another organization) also sent stays.
 */
import { Readable } from 'node:stream'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { codeOf } from '../../api/testing/error-code'
import { db } from '../../db'
import { getMediaStore } from '../../media'
import { createClient, createConversation, createTenant } from '../../testing/factories'
import { recordMediaFile } from '../media/media-files'

async function storedFile(organizationId: string, bytes: Buffer) {
  const stored = await getMediaStore().put(Readable.from([bytes]), { maxBytes: 1_000_000 })
  const file = await recordMediaFile(organizationId, stored, 'image/jpeg')
  return { ...file, key: stored.key }
}

async function mediaMessage(organizationId: string, conversationId: string, mediaFileId: string) {
  return db.message.create({
    data: {
      organizationId,
      conversationId,
      content: '[Media: image]',
      direction: 'INCOMING',
      sender: 'CLIENT',
      mediaKind: 'IMAGE',
      mediaStatus: 'STORED',
      mediaFileId,
    },
    select: { id: true },
  })
}

describe('clients.delete', () => {
  it('deletes the client, their conversations and messages, and the media files only they used', async () => {
    const shop = await createTenant()
    const other = await createTenant()
    const org = shop.organization.id
    const own = await storedFile(org, randomBytes(2000))
    const shared = randomBytes(3000)
    const sharedHere = await storedFile(org, shared)
    const sharedElsewhere = await storedFile(other.organization.id, shared)
    const neighbour = await createClient(org)
    const neighbourConversation = await createConversation(org, neighbour.id, [])
    await mediaMessage(org, shop.conversation.id, own.id)
    await mediaMessage(org, shop.conversation.id, sharedHere.id)
    await mediaMessage(org, neighbourConversation.id, sharedHere.id)

    await expect(codeOf(shop.asOperator().clients.delete({ clientId: shop.client.id }))).resolves.toBe('FORBIDDEN')
    await expect(codeOf(other.asAdmin().clients.delete({ clientId: shop.client.id }))).resolves.toBe('NOT_FOUND')

    const result = await shop.asAdmin().clients.delete({ clientId: shop.client.id })
    expect(result).toEqual({ deleted: true, messages: 4, mediaFiles: 1 })
    expect(await db.client.findUnique({ where: { id: shop.client.id } })).toBeNull()
    expect(await db.conversation.count({ where: { clientId: shop.client.id } })).toBe(0)
    expect(await db.message.count({ where: { conversationId: shop.conversation.id } })).toBe(0)
    // Only this client's own file went, row and bytes.
    expect(await db.mediaFile.findUnique({ where: { id: own.id } })).toBeNull()
    expect(await getMediaStore().stat(own.key)).toBeNull()
    // The neighbour's message still shows the shared file; the other organization's row keeps the object.
    expect(await db.mediaFile.findUnique({ where: { id: sharedHere.id } })).not.toBeNull()
    expect(await db.mediaFile.findUnique({ where: { id: sharedElsewhere.id } })).not.toBeNull()
    expect(await getMediaStore().stat(sharedHere.key)).not.toBeNull()

    // The neighbour goes too: the organization's row goes, the object stays for the other organization.
    await shop.asAdmin().clients.delete({ clientId: neighbour.id })
    expect(await db.mediaFile.findUnique({ where: { id: sharedHere.id } })).toBeNull()
    expect(await getMediaStore().stat(sharedElsewhere.key)).not.toBeNull()
    await expect(codeOf(shop.asAdmin().clients.delete({ clientId: neighbour.id }))).resolves.toBe('NOT_FOUND')
  })
})
