/**
 * What happens to a stored message after the fact in WhatsApp: deleted for everyone (kept, marked
 * deletedAt, so the operator still reads it struck through) and edited (new text, the previous ones kept
 * in editHistory, newest last, at most EDIT_HISTORY_LIMIT). Lookups are by WhatsApp id within the
 * organization only; a change for a message we never stored is ignored. Browsers hear message.updated.
 */
import { db, type Prisma } from '../../db'
import { orgLogger } from '../../logger'
import { cleanMessageText } from '~/shared/message-text'
import { mediaPlaceholder } from '../../text/media-placeholder'
import type { WaEdit, WaRevoke } from '../../whatsapp/engine/types'
import { fireAndForget, publishMessage } from './message-events'

/** Previous texts kept per message. */
export const EDIT_HISTORY_LIMIT = 10

/** One earlier text of an edited message. */
export interface EditHistoryEntry {
  content: string
  /** ISO time the text was replaced. */
  replacedAt: string
}

export type ChangeResult = 'updated' | 'unchanged' | 'unknown'

async function findByWhatsAppId(organizationId: string, ids: string[]) {
  for (const whatsappMessageId of ids) {
    const found = await db.message.findUnique({
      where: { organizationId_whatsappMessageId: { organizationId, whatsappMessageId } },
      select: { id: true, deletedAt: true },
    })
    if (found) return found
  }
  return null
}

/** Marks a message deleted for everyone; its content stays. */
export async function recordRevoke(organizationId: string, revoke: WaRevoke): Promise<ChangeResult> {
  const log = orgLogger(organizationId, { component: 'message-changes', whatsappMessageId: revoke.id })
  const message = await findByWhatsAppId(organizationId, [revoke.id, ...(revoke.originalId ? [revoke.originalId] : [])])
  if (!message) {
    log.debug('revoke of a message we never stored; ignored')
    return 'unknown'
  }
  const { count } = await db.message.updateMany({
    where: { id: message.id, organizationId, deletedAt: null },
    data: { deletedAt: new Date(revoke.timestamp * 1000) },
  })
  if (!count) return 'unchanged'
  log.info({ messageId: message.id, fromMe: revoke.fromMe }, 'message deleted for everyone')
  fireAndForget(publishMessage('message.updated', message.id))
  return 'updated'
}

/** The stored list, tolerating anything malformed in it. */
export function parseEditHistory(value: unknown): EditHistoryEntry[] {
  if (!Array.isArray(value)) return []
  return value.filter(
    (entry): entry is EditHistoryEntry =>
      Boolean(entry) && typeof (entry as EditHistoryEntry).content === 'string' && typeof (entry as EditHistoryEntry).replacedAt === 'string',
  )
}

/** Replaces a message's text, keeping the previous one. */
export async function recordEdit(organizationId: string, edit: WaEdit): Promise<ChangeResult> {
  const log = orgLogger(organizationId, { component: 'message-changes', whatsappMessageId: edit.id })
  const result = await db.$transaction(async (tx) => {
    // Locked, so two quick edits both land in the history.
    const rows = await tx.$queryRaw<Array<{ id: string; content: string; editHistory: unknown; metadata: unknown }>>`
      SELECT id, content, "editHistory", metadata FROM messages
      WHERE "organizationId" = ${organizationId} AND "whatsappMessageId" = ${edit.id} FOR UPDATE`
    const row = rows[0]
    if (!row) return null
    const metadata = (row.metadata ?? {}) as { hasMedia?: boolean; type?: string }
    // Media keep their placeholder; the edit changes the caption (Message.js:55-57: body is the caption).
    const body = cleanMessageText(edit.body)
    const content = metadata.hasMedia ? mediaPlaceholder(metadata.type ?? 'unknown', body.trim()) : body
    if (content === row.content) return { id: row.id, changed: false }
    const editedAt = new Date(edit.timestamp * 1000)
    const history = [...parseEditHistory(row.editHistory), { content: row.content, replacedAt: editedAt.toISOString() }].slice(-EDIT_HISTORY_LIMIT)
    await tx.message.update({
      where: { id: row.id },
      data: { content, editedAt, editHistory: history as unknown as Prisma.InputJsonValue },
      select: { id: true },
    })
    return { id: row.id, changed: true }
  })
  if (!result) {
    log.debug('edit of a message we never stored; ignored')
    return 'unknown'
  }
  if (!result.changed) return 'unchanged'
  log.info({ messageId: result.id, fromMe: edit.fromMe }, 'message edited')
  fireAndForget(publishMessage('message.updated', result.id))
  return 'updated'
}
