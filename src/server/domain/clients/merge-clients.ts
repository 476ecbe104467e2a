/**
 * Two client records found to be one customer (a hidden-number client whose phone turned out to be an
 * existing client's) become one: the older record stays, the other's conversations and messages move
 * to it (the older conversation of a channel is kept, lastMessageAt is the latest of both), its
 * identities and empty fields are filled in, and the client's history says so. Runs inside the
 * caller's transaction, which holds the identity locks (identity-lock.ts), so nothing is half-merged
 * and two merges of the same customer cannot interleave.
 */
import type { Prisma } from '../../db'
import { mergeReadStates } from '../conversations/read-state'
import { pickSurvivor } from './client-identity'

type Tx = Prisma.TransactionClient

export const CLIENT_MERGED = 'MERGED'
export const CLIENT_IDENTITY_LINKED = 'IDENTITY_LINKED'

const mergeSelect = {
  id: true,
  createdAt: true,
  optedOutAt: true,
  optOutSource: true,
  optOutMessageId: true,
  name: true,
  phone: true,
  whatsappId: true,
  lid: true,
  email: true,
  avatarUrl: true,
  preferredLanguage: true,
  preferredLanguageSource: true,
  languageMatches: true,
  languageSampled: true,
  metadata: true,
} as const

export interface MergeOutcome {
  survivorId: string
  mergedId: string
  movedMessages: number
  /** The survivor's conversations that changed (for live updates). */
  conversationIds: string[]
}

/** Merges two clients of one organization; the older survives. `reason` goes to the history entry. */
export async function mergeClients(tx: Tx, organizationId: string, aId: string, bId: string, reason: string): Promise<MergeOutcome> {
  const found = await tx.client.findMany({ where: { organizationId, id: { in: [aId, bId] } }, select: mergeSelect })
  const a = found.find((c) => c.id === aId)
  const b = found.find((c) => c.id === bId)
  if (!a || !b || a.id === b.id) throw new Error('mergeClients: both clients must exist in the organization and differ')
  const { survivor, merged } = pickSurvivor(a, b)

  let movedMessages = 0
  const conversationIds: string[] = []
  const readState = { unreadCount: true, waitingSince: true, lastReplyAt: true, lastReadAt: true } as const
  const mergedConversations = await tx.conversation.findMany({
    where: { organizationId, clientId: merged.id },
    select: { id: true, channel: true, createdAt: true, lastMessageAt: true, ...readState },
  })
  for (const conversation of mergedConversations) {
    const target = await tx.conversation.findUnique({
      where: { organizationId_clientId_channel: { organizationId, clientId: survivor.id, channel: conversation.channel } },
      select: { id: true, channel: true, createdAt: true, lastMessageAt: true, ...readState },
    })
    if (!target) {
      await tx.conversation.update({ where: { id: conversation.id }, data: { clientId: survivor.id }, select: { id: true } })
      conversationIds.push(conversation.id)
      continue
    }
    const keepMerged = conversation.createdAt.getTime() < target.createdAt.getTime()
    const [keep, drop] = keepMerged ? [conversation, target] : [target, conversation]
    const moved = await tx.message.updateMany({ where: { organizationId, conversationId: drop.id }, data: { conversationId: keep.id } })
    movedMessages += moved.count
    const lastMessageAt = latest(keep.lastMessageAt, drop.lastMessageAt)
    await tx.conversation.delete({ where: { id: drop.id }, select: { id: true } })
    // Unread and waiting of both (domain/conversations/read-state.ts).
    const inbox = mergeReadStates(keep, drop)
    await tx.conversation.update({ where: { id: keep.id }, data: { clientId: survivor.id, lastMessageAt, ...inbox }, select: { id: true } })
    conversationIds.push(keep.id)
  }
  const messagesInMoved = await tx.message.count({ where: { organizationId, conversationId: { in: conversationIds } } })

  await tx.clientEvent.updateMany({ where: { organizationId, clientId: merged.id }, data: { clientId: survivor.id } })
  // The merged record goes first: phone, LID and WhatsApp id are unique per organization.
  await tx.client.delete({ where: { id: merged.id }, select: { id: true } })
  await tx.client.update({
    where: { id: survivor.id },
    data: {
      phone: survivor.phone ?? merged.phone,
      lid: survivor.lid ?? merged.lid,
      whatsappId: survivor.whatsappId ?? merged.whatsappId,
      name: survivor.name ?? merged.name,
      email: survivor.email ?? merged.email,
      avatarUrl: survivor.avatarUrl ?? merged.avatarUrl,
      // A person's choice on either record stands over a detected language (issue 17).
      ...languageOfMerge(survivor, merged),
      // An opt-out from either record stands: it is the same person.
      ...(survivor.optedOutAt ? {} : { optedOutAt: merged.optedOutAt, optOutSource: merged.optOutSource, optOutMessageId: merged.optOutMessageId }),
      metadata: { ...asObject(merged.metadata), ...asObject(survivor.metadata) } as Prisma.InputJsonValue,
    },
    select: { id: true },
  })
  await tx.clientEvent.create({
    data: {
      organizationId,
      clientId: survivor.id,
      type: CLIENT_MERGED,
      data: {
        reason,
        mergedClientId: merged.id,
        mergedName: merged.name,
        mergedPhone: merged.phone,
        mergedLid: merged.lid,
        movedMessages,
        messages: messagesInMoved,
      },
    },
    select: { id: true },
  })
  return { survivorId: survivor.id, mergedId: merged.id, movedMessages, conversationIds }
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b
  if (!b) return a
  return a.getTime() >= b.getTime() ? a : b
}

function asObject(value: Prisma.JsonValue): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {}
}

type LanguageFields = Pick<
  Prisma.ClientGetPayload<{ select: typeof mergeSelect }>,
  'preferredLanguage' | 'preferredLanguageSource' | 'languageMatches' | 'languageSampled'
>

/** The merged client's language: a MANUAL choice first (the survivor's before the merged record's), else the survivor's detected one. */
function languageOfMerge(survivor: LanguageFields, merged: LanguageFields): LanguageFields {
  const pick = (client: LanguageFields): LanguageFields => ({
    preferredLanguage: client.preferredLanguage,
    preferredLanguageSource: client.preferredLanguageSource,
    languageMatches: client.languageMatches,
    languageSampled: client.languageSampled,
  })
  if (survivor.preferredLanguageSource === 'MANUAL') return pick(survivor)
  if (merged.preferredLanguageSource === 'MANUAL') return pick(merged)
  return survivor.preferredLanguage ? pick(survivor) : pick(merged)
}
