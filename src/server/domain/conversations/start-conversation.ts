/**
 * An operator starts a chat: with a client of the organization, or with a phone number typed by hand.
 * A conversation the client already has is returned as it is. Otherwise WhatsApp is asked first whether
 * the number is on WhatsApp (rate-limited per organization, number-check-limit.ts); only then are the
 * client (when new: an existing client with the same phone or WhatsApp id is reused) and the conversation
 * created, in one transaction under the client's identity locks. A number that is not on WhatsApp, or a
 * WhatsApp that is not connected or banned, creates nothing. Logs carry masked numbers only.
 */
import { maskPhone, parsePhoneInput } from '~/shared/phone-number'
import { db } from '../../db'
import { AppError, notFound } from '../../errors'
import { orgLogger } from '../../logger'
import { EngineError } from '../../whatsapp/engine/errors'
import type { WaNumberCheck } from '../../whatsapp/engine/types'
import { normalizeIdentity } from '../clients/client-identity'
import { findClientId, findOrCreateClient } from '../clients/find-or-create-client'
import { inTransaction, lockIdentities } from '../clients/identity-lock'
import { publishConversation } from '../messages/message-events'
import { assertCanSend } from '../messages/send-service'
import { consumeNumberCheck } from '../safety/number-check-limit'
import { claimOnReply, type Actor } from './assignment'
import { findOrCreateConversation } from './find-or-create-conversation'
import { conversationVisibleTo } from './visibility'

export type StartConversationRequest = { clientId: string } | { phone: string; name?: string | null }

export interface StartConversationDeps {
  /** Asks WhatsApp (wherever the session runs) whether the number (international digits) is on it. */
  checkNumber: (organizationId: string, phoneDigits: string) => Promise<WaNumberCheck>
}

export interface StartedConversation {
  conversationId: string
  clientId: string
  /** false: the client already had this conversation (nothing was checked or created). */
  created: boolean
  clientCreated: boolean
}

/** Starts (or finds) the conversation with a client or a phone number; see the file comment. */
export async function startConversation(
  organizationId: string,
  actor: Actor,
  request: StartConversationRequest,
  deps: StartConversationDeps,
): Promise<StartedConversation> {
  const log = orgLogger(organizationId, { component: 'new-chat', userId: actor.id })
  let target: { phone: string | null; whatsappId: string | null; clientId: string | null; name: string | null }
  if ('clientId' in request) {
    const client = await db.client.findFirst({ where: { id: request.clientId, organizationId }, select: { id: true, phone: true, whatsappId: true } })
    if (!client) throw notFound('clientNotFound')
    target = { phone: client.phone, whatsappId: client.whatsappId, clientId: client.id, name: null }
  } else {
    const parsed = parsePhoneInput(request.phone)
    if (!parsed.ok) throw new AppError('BAD_REQUEST', `newChat.phone.${parsed.problem}`)
    const identity = { phone: parsed.e164, whatsappId: `${parsed.digits}@c.us` }
    target = { ...identity, clientId: await findClientId(organizationId, identity), name: request.name?.trim() || null }
  }

  const existing = target.clientId ? await existingConversation(organizationId, actor, target.clientId) : null
  if (existing) return { conversationId: existing, clientId: target.clientId!, created: false, clientCreated: false }

  // A client known only by its hidden-number id (it wrote to us) is on WhatsApp: there is no number to check.
  const lidOnly = !target.phone && target.whatsappId?.endsWith('@lid')
  if (!target.phone && !lidOnly) throw new AppError('BAD_REQUEST', 'newChat.clientHasNoPhone')
  await assertCanSend(organizationId)
  let chatId = target.whatsappId
  if (target.phone) {
    const digits = target.phone.slice(1)
    await consumeNumberCheck(organizationId)
    const check = await checkOrExplain(organizationId, digits, deps)
    log.info({ phone: maskPhone(target.phone), onWhatsApp: check.onWhatsApp }, 'new chat: number checked')
    if (!check.onWhatsApp) throw new AppError('PRECONDITION_FAILED', 'newChat.notOnWhatsApp', { phone: formatted(target.phone) })
    chatId = check.chatId ?? `${digits}@c.us`
  }

  const started = await inTransaction(db, async (tx) => {
    let clientId = target.clientId
    let clientCreated = false
    if (!clientId) {
      const found = await findOrCreateClient(
        organizationId,
        { phone: target.phone, whatsappId: chatId, name: target.name, metadata: { source: 'new-chat' } },
        tx,
      )
      if (!found) throw new AppError('BAD_REQUEST', 'newChat.phone.invalid')
      clientId = found.id
      clientCreated = found.created
    } else {
      const identity = normalizeIdentity({ phone: target.phone, whatsappId: chatId })
      if (identity) await lockIdentities(tx, organizationId, identity)
      // WhatsApp's own id for the number, when the client had none yet.
      if (chatId) await tx.client.updateMany({ where: { id: clientId, organizationId, whatsappId: null }, data: { whatsappId: chatId } })
      if (target.name) await tx.client.updateMany({ where: { id: clientId, organizationId, name: null }, data: { name: target.name } })
    }
    const conversation = await findOrCreateConversation(organizationId, clientId, 'WHATSAPP', tx)
    return { conversationId: conversation.id, clientId, created: conversation.created, clientCreated }
  })

  if (started.created) {
    log.info({ conversationId: started.conversationId, clientCreated: started.clientCreated }, 'new chat started')
    // The person who started it owns it where replies take conversations (assignment modes other than MANUAL).
    await claimOnReply(organizationId, started.conversationId, actor)
    await publishConversation(organizationId, started.conversationId).catch(() => undefined)
  }
  return started
}

/** The client's conversation, if it has one; one the actor may not see is refused, never returned. */
async function existingConversation(organizationId: string, actor: Actor, clientId: string): Promise<string | null> {
  const conversation = await db.conversation.findUnique({
    where: { organizationId_clientId_channel: { organizationId, clientId, channel: 'WHATSAPP' } },
    select: { id: true },
  })
  if (!conversation) return null
  if (!(await conversationVisibleTo(organizationId, actor, conversation.id))) throw new AppError('FORBIDDEN', 'newChat.ownedByOther')
  return conversation.id
}

/** The engine's answer, its failures as the errors an operator can act on. */
async function checkOrExplain(organizationId: string, digits: string, deps: StartConversationDeps): Promise<WaNumberCheck> {
  try {
    return await deps.checkNumber(organizationId, digits)
  } catch (err) {
    if (err instanceof EngineError && err.code === 'NOT_CONNECTED') throw new AppError('PRECONDITION_FAILED', 'whatsappNotConnected')
    if (err instanceof EngineError && err.code === 'BANNED') throw new AppError('PRECONDITION_FAILED', 'whatsappBanned')
    if (err instanceof AppError) throw err
    orgLogger(organizationId, { component: 'new-chat' }).warn({ err: (err as Error).message }, 'number check failed')
    throw new AppError('UNAVAILABLE', 'newChat.checkFailed')
  }
}

function formatted(e164: string): string {
  const parsed = parsePhoneInput(e164)
  return parsed.ok ? parsed.international : e164
}
