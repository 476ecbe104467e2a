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
  // INSERT … ON CONFLICT DO NOTHING, then read: two callers creating the same conversation at once (an
  // operator's first reply racing the customer's first message) both get the one row. Prisma's upsert is
  // a read then an insert here, and the loser failed with P2002 (the Redis fault test met it).
  const inserted = await tx.conversation.createMany({ data: [{ organizationId, clientId, channel }], skipDuplicates: true })
  const row = await tx.conversation.findUniqueOrThrow({
    where: { organizationId_clientId_channel: { organizationId, clientId, channel } },
    select: { id: true },
  })
  return { id: row.id, created: inserted.count === 1 }
}

/** Moves lastMessageAt forward (never back: history may arrive out of order). */
export async function touchConversation(conversationId: string, at: Date, tx: Tx = db): Promise<void> {
  await tx.conversation.updateMany({
    where: { id: conversationId, OR: [{ lastMessageAt: null }, { lastMessageAt: { lt: at } }] },
    data: { lastMessageAt: at },
  })
}
