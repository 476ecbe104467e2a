/**
 * Replies staff type on the business phone itself. They take the incoming path's durable road (the
 * IncomingInbox row, idempotent on the WhatsApp id, then the incoming queue), marked `fromMe` in the
 * payload, and become OUTGOING messages from a HUMAN with origin PHONE, already SENT.
 *
 * Never twice, and never a copy of our own sends. Three layers, each enough for the usual case:
 * 1. WhatsAppClient drops the echo of every id its own sendMessage returned (it holds echoes while a send
 *    is in flight, because the library announces our send before sendMessage returns).
 * 2. Processing waits a moment (PHONE_REPLY_SETTLE_MS) and, in its transaction, skips an id that a row
 *    already carries; the unique (organizationId, whatsappMessageId) index refuses a second row outright.
 * 3. Should a phone copy still win the race against the send worker (a send stuck longer than the
 *    client waits), markSent removes that copy and gives the id to the CRM's row (message-status.ts).
 */
import { db, type Prisma } from '../../db'
import { orgLogger } from '../../logger'
import { enqueueMediaDownload } from '../../queues/media-queue'
import type { WaIncomingMessage } from '../../whatsapp/engine/types'
import { extractPhoneFromWhatsAppId } from '../../whatsapp/phone'
import { findOrCreateClient } from '../clients/find-or-create-client'
import { findOrCreateConversation, touchConversation } from '../conversations/find-or-create-conversation'
import { mediaColumns } from '../media/incoming-media'
import { recordReply } from '../conversations/read-state'
import { fireAndForget, publishConversation, publishMessage } from './message-events'

/** How long a phone reply waits in the queue, so a send worker racing it has stored its WhatsApp id. */
export const PHONE_REPLY_SETTLE_MS = 2000

/** An inbox payload: an incoming message, or (fromMe) a reply typed on the business phone. */
export type InboxPayload = WaIncomingMessage & { fromMe?: boolean }

export function isPhoneReplyPayload(payload: unknown): payload is InboxPayload & { fromMe: true } {
  return Boolean(payload && typeof payload === 'object' && (payload as { fromMe?: unknown }).fromMe === true)
}

export type PhoneReplyResult =
  { status: 'duplicate' | 'ignored' | 'own-send' } | { status: 'processed'; clientId: string; conversationId: string; messageId: string }

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'P2002'
}

/** Stores one phone reply from its inbox row; safe to run twice. */
export async function processPhoneReply(inboxId: string, organizationId: string, message: InboxPayload): Promise<PhoneReplyResult> {
  const log = orgLogger(organizationId, { component: 'phone-reply', whatsappMessageId: message.id })
  const done = (error: string | null) => db.incomingInbox.update({ where: { id: inboxId }, data: { processedAt: new Date(), error }, select: { id: true } })
  const identity = extractPhoneFromWhatsAppId(message.to)
  if (identity.kind !== 'phone' && identity.kind !== 'lid') {
    await done('not a private chat')
    return { status: 'ignored' }
  }
  const sentAt = new Date((message.timestamp || Date.now() / 1000) * 1000)
  const media = mediaColumns(message)
  let stored: { clientId: string; conversationId: string; messageId: string } | 'duplicate' | 'own-send' | null
  try {
    stored = await db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<Array<{ processedAt: Date | null }>>`SELECT "processedAt" FROM incoming_inbox WHERE id = ${inboxId} FOR UPDATE`
      if (!locked[0] || locked[0].processedAt) return 'duplicate' as const
      // Our own send already carries this id (layer 2): nothing to store.
      const existing = await tx.message.findUnique({
        where: { organizationId_whatsappMessageId: { organizationId, whatsappMessageId: message.id } },
        select: { id: true },
      })
      if (existing) {
        await tx.incomingInbox.update({ where: { id: inboxId }, data: { processedAt: new Date(), error: 'already stored' }, select: { id: true } })
        return 'own-send' as const
      }
      const client = await findOrCreateClient(organizationId, { phone: identity.phone, whatsappId: identity.whatsappId }, tx)
      if (!client) return null
      const conversation = await findOrCreateConversation(organizationId, client.id, 'WHATSAPP', tx)
      const created = await tx.message.create({
        data: {
          organizationId,
          conversationId: conversation.id,
          content: message.body,
          direction: 'OUTGOING',
          sender: 'HUMAN',
          origin: 'PHONE',
          status: 'SENT',
          whatsappMessageId: message.id,
          sentAt,
          createdAt: sentAt,
          metadata: { type: message.type, hasMedia: message.hasMedia } satisfies Prisma.InputJsonObject,
          // A photo or document sent from the phone is downloaded like a customer's (media worker).
          ...media,
        },
        select: { id: true },
      })
      await touchConversation(conversation.id, sentAt, tx)
      // Staff answered on the phone: the customer no longer waits, and the chat was read there.
      await recordReply(conversation.id, sentAt, { byPerson: true }, tx)
      await tx.incomingInbox.update({ where: { id: inboxId }, data: { processedAt: new Date(), error: null }, select: { id: true } })
      return { clientId: client.id, conversationId: conversation.id, messageId: created.id }
    })
  } catch (err) {
    // The send worker stored the same id between our check and our insert: it is our own send.
    if (!isUniqueViolation(err)) throw err
    await done('already stored')
    stored = 'own-send'
  }
  if (stored === null) {
    await done('no client for this chat')
    return { status: 'ignored' }
  }
  if (stored === 'duplicate' || stored === 'own-send') {
    if (stored === 'own-send') log.debug('phone message is one of our own sends; not stored again')
    return { status: stored }
  }
  log.info({ messageId: stored.messageId }, 'reply typed on the phone stored')
  // Redis not taking it now is fine: the outbox relay re-queues PENDING media.
  if (media.mediaStatus === 'PENDING') await enqueueMediaDownload({ organizationId, messageId: stored.messageId })
  fireAndForget(publishMessage('message.created', stored.messageId))
  fireAndForget(publishConversation(organizationId, stored.conversationId))
  return { status: 'processed', ...stored }
}
