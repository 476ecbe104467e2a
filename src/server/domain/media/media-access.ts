/**
 * Which stored file a signed-in user may fetch: the file of a message of their own organization, in a
 * conversation they may see (domain/conversations/visibility.ts). Anything else is "not there".
 */
import { db } from '../../db'
import { visibleConversationsWhere, type Viewer } from '../conversations/visibility'

export interface ServableMedia {
  storageKey: string
  sha256: string
  size: number
  contentType: string
  mediaKind: string | null
  fileName: string | null
}

export async function findServableMedia(organizationId: string, viewer: Viewer, messageId: string): Promise<ServableMedia | null> {
  if (!/^[a-z0-9]{10,40}$/i.test(messageId)) return null
  const message = await db.message.findFirst({
    where: { id: messageId, organizationId, mediaStatus: 'STORED', conversation: await visibleConversationsWhere(organizationId, viewer) },
    select: {
      mediaKind: true,
      mediaFileName: true,
      mediaFile: { select: { organizationId: true, storageKey: true, sha256: true, size: true, contentType: true } },
    },
  })
  const file = message?.mediaFile
  if (!file || file.organizationId !== organizationId) return null
  return {
    storageKey: file.storageKey,
    sha256: file.sha256,
    size: file.size,
    contentType: file.contentType,
    mediaKind: message.mediaKind,
    fileName: message.mediaFileName,
  }
}
