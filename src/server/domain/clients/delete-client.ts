/**
 * Deleting a client (admins, issue 14): the client, their conversations with every message, note and
 * history entry (database cascades), and the media files they sent that no other message of the
 * organization uses, from the database and from the media store.
 */
import { db } from '../../db'
import { notFound } from '../../errors'
import { orgLogger } from '../../logger'
import { deleteUnreferencedMediaFiles } from '../media/media-files'

export async function deleteClient(organizationId: string, clientId: string, byUserId: string): Promise<{ messages: number; mediaFiles: number }> {
  const result = await db.$transaction(async (tx) => {
    const client = await tx.client.findFirst({ where: { id: clientId, organizationId }, select: { id: true } })
    if (!client) throw notFound('clientNotFound')
    const where = { organizationId, conversation: { clientId } }
    const files = await tx.message.findMany({ where: { ...where, mediaFileId: { not: null } }, select: { mediaFileId: true }, distinct: ['mediaFileId'] })
    const messages = await tx.message.count({ where })
    await tx.client.delete({ where: { id: client.id }, select: { id: true } })
    return { messages, fileIds: files.map((f) => f.mediaFileId!) }
  })
  // After the commit: a file another message still uses stays (deleteUnreferencedMediaFiles checks again).
  const mediaFiles = await deleteUnreferencedMediaFiles(organizationId, result.fileIds)
  orgLogger(organizationId, { component: 'clients' }).info({ clientId, byUserId, messages: result.messages, mediaFiles }, 'client deleted')
  return { messages: result.messages, mediaFiles }
}
