/** Finds what already exists before anything is created: clients by WhatsApp id or phone, messages by WhatsApp id. */
import { createHash } from 'node:crypto'
import { db, type Prisma } from '../../db'
import type { NormalizedIdentity } from './data-validator'

type Tx = Prisma.TransactionClient | typeof db

export interface DuplicateCheck {
  isDuplicate: boolean
  clientId: string | null
  messageId: string | null
}

/** Whether a client (by identity) or a message (by WhatsApp id) is already stored for this organization. */
export async function checkDuplicate(
  organizationId: string,
  query: Partial<NormalizedIdentity> & { whatsappMessageId?: string | null },
  tx: Tx = db,
): Promise<DuplicateCheck> {
  let messageId: string | null = null
  if (query.whatsappMessageId) {
    const message = await tx.message.findUnique({
      where: { organizationId_whatsappMessageId: { organizationId, whatsappMessageId: query.whatsappMessageId } },
      select: { id: true },
    })
    messageId = message?.id ?? null
  }
  const clientId = await findClientId(organizationId, query, tx)
  return { isDuplicate: Boolean(messageId ?? (query.whatsappMessageId ? null : clientId)), clientId, messageId }
}

export async function findClientId(organizationId: string, identity: Partial<NormalizedIdentity>, tx: Tx = db): Promise<string | null> {
  if (identity.whatsappId) {
    const byId = await tx.client.findUnique({
      where: { organizationId_whatsappId: { organizationId, whatsappId: identity.whatsappId } },
      select: { id: true },
    })
    if (byId) return byId.id
  }
  if (identity.phone) {
    const byPhone = await tx.client.findUnique({ where: { organizationId_phone: { organizationId, phone: identity.phone } }, select: { id: true } })
    if (byPhone) return byPhone.id
  }
  return null
}

/** A stable id for a message that has no WhatsApp id (chat exports): hash of time, author and text. */
export function exportMessageKey(timestamp: Date, author: string | null, body: string): string {
  const hash = createHash('sha256').update(`${timestamp.toISOString()}\u0000${author ?? ''}\u0000${body}`).digest('hex')
  return `export_${hash.slice(0, 40)}`
}
