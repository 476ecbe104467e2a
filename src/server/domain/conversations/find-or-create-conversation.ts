/** Finds or creates the conversation of a client on a channel (one per organization, client and channel). */
import { db, type Prisma } from '../../db'
import type { CommunicationChannel } from '../../db/generated/enums'

type Tx = Prisma.TransactionClient | typeof db

export async function findOrCreateConversation(
  organizationId: string,
  clientId: string,
  channel: CommunicationChannel = 'WHATSAPP',
  tx: Tx = db,
): Promise<{ id: string; created: boolean }> {
  const existing = await tx.conversation.findUnique({
    where: { organizationId_clientId_channel: { organizationId, clientId, channel } },
    select: { id: true },
  })
  if (existing) return { id: existing.id, created: false }
  const created = await tx.conversation.upsert({
    where: { organizationId_clientId_channel: { organizationId, clientId, channel } },
    update: {},
    create: { organizationId, clientId, channel },
    select: { id: true },
  })
  return { id: created.id, created: true }
}

/** Moves lastMessageAt forward (never back: history may arrive out of order). */
export async function touchConversation(conversationId: string, at: Date, tx: Tx = db): Promise<void> {
  await tx.conversation.updateMany({
    where: { id: conversationId, OR: [{ lastMessageAt: null }, { lastMessageAt: { lt: at } }] },
    data: { lastMessageAt: at },
  })
}
