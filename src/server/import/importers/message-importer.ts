/**
 * Batches of messages into one conversation (history import, export upload). Deduplicated by the
 * unique (organizationId, whatsappMessageId): WhatsApp's id for history, a stable hash of time,
 * author and text for exports. Returns how many were new and how many already existed.
 */
import { cleanMessageText } from '~/shared/message-text'
import { db, type Prisma } from '../../db'
import type { MediaKind, MessageDirection } from '../../db/generated/enums'
import { importedStatus } from '../../domain/messages/message-status'
import { isMediaPlaceholder } from '../../text/media-placeholder'
import { detectLanguage } from '../../text'

type Tx = Prisma.TransactionClient | typeof db

export interface MessageToImport {
  whatsappMessageId: string
  content: string
  direction: MessageDirection
  createdAt: Date
  hasMedia?: boolean
  /** Deleted for everyone (an export's "This message was deleted"): stored with this deletedAt. */
  deletedAt?: Date | null
  /** A stored file (an export's media, export-media.ts): the message shows it like a live one. */
  media?: { kind: Exclude<MediaKind, 'LOCATION' | 'CONTACT'>; fileId: string; mimeType: string; size: number; fileName: string }
}

const BATCH = 500

export async function importMessages(
  organizationId: string,
  conversationId: string,
  messages: MessageToImport[],
  tx: Tx = db,
): Promise<{ inserted: number; duplicates: number }> {
  let inserted = 0
  for (let i = 0; i < messages.length; i += BATCH) {
    const batch = messages.slice(i, i + BATCH)
    const result = await tx.message.createMany({
      data: batch.map((m) => ({
        organizationId,
        conversationId,
        // History from the engine and parsed exports alike: text PostgreSQL stores (shared/message-text.ts).
        content: cleanMessageText(m.content),
        direction: m.direction,
        sender: m.direction === 'INCOMING' ? 'CLIENT' : 'HUMAN',
        status: importedStatus(m.direction),
        whatsappMessageId: m.whatsappMessageId,
        language: m.deletedAt || isMediaPlaceholder(m.content) ? null : detectLanguage(m.content),
        ...(m.deletedAt ? { deletedAt: m.deletedAt } : {}),
        metadata: { imported: true, ...(m.hasMedia ? { hasMedia: true } : {}) },
        createdAt: m.createdAt,
        ...(m.direction === 'OUTGOING' ? { sentAt: m.createdAt } : {}),
        ...(m.media
          ? {
              mediaKind: m.media.kind,
              mediaStatus: 'STORED' as const,
              mediaFileId: m.media.fileId,
              mediaMimeType: m.media.mimeType,
              mediaSize: m.media.size,
              mediaFileName: m.media.fileName,
            }
          : {}),
      })),
      skipDuplicates: true,
    })
    inserted += result.count
  }
  return { inserted, duplicates: messages.length - inserted }
}

/** How many of these WhatsApp ids are already stored (dry runs). */
export async function countExisting(organizationId: string, whatsappMessageIds: string[]): Promise<number> {
  if (!whatsappMessageIds.length) return 0
  return db.message.count({ where: { organizationId, whatsappMessageId: { in: whatsappMessageIds } } })
}
