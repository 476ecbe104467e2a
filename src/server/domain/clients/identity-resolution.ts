/**
 * Hidden numbers (@lid): WhatsApp may show a customer by their LID, by their phone, or by both at
 * different times. After a message from a LID chat, or a send to a phone chat, we ask WhatsApp (through
 * the session manager, under the per-organization lookup limit) for the other identity and link it to
 * the client; when it belongs to another client, the two are merged (merge-clients.ts).
 */
import { db } from '../../db'
import { orgLogger } from '../../logger'
import { rateLimitedLookup } from '../../queues/lookup-limiter'
import type { WaIdentity } from '../../whatsapp/engine/types'
import { extractPhoneFromWhatsAppId } from '../../whatsapp/phone'
import { normalizeIdentity, shouldResolveIdentity } from './client-identity'
import { findClientIds } from './find-or-create-client'
import { inTransaction, lockIdentities } from './identity-lock'
import { CLIENT_IDENTITY_LINKED, mergeClients } from './merge-clients'

/** Asks WhatsApp for both identities behind a chat (the session manager's resolveIdentity). */
export type IdentityResolver = (organizationId: string, chatId: string) => Promise<WaIdentity | null>

export interface LinkResult {
  clientId: string
  mergedIds: string[]
  /** Conversations whose content changed (for live updates). */
  conversationIds: string[]
  linked: boolean
}

/**
 * Adds a LID and/or phone to a client; a client already holding one of them is merged with it (the
 * older record stays). One transaction under the identity locks. Null when the client is gone.
 */
export async function linkClientIdentity(organizationId: string, clientId: string, found: WaIdentity): Promise<LinkResult | null> {
  const identity = normalizeIdentity({ phone: found.phone, lid: found.lid })
  if (!identity) return null
  const wanted = { phone: identity.phone, lid: identity.lid }
  return inTransaction(db, async (tx) => {
    await lockIdentities(tx, organizationId, wanted)
    const client = await tx.client.findFirst({ where: { id: clientId, organizationId }, select: { id: true } })
    if (!client) return null
    const others = (await findClientIds(organizationId, wanted, tx)).filter((id) => id !== clientId)
    let survivorId = clientId
    const mergedIds: string[] = []
    const conversationIds: string[] = []
    for (const otherId of others) {
      const outcome = await mergeClients(tx, organizationId, survivorId, otherId, 'identity-resolved')
      survivorId = outcome.survivorId
      mergedIds.push(outcome.mergedId)
      conversationIds.push(...outcome.conversationIds)
    }
    const survivor = await tx.client.findUniqueOrThrow({ where: { id: survivorId }, select: { phone: true, lid: true, whatsappId: true } })
    const patch: { phone?: string; lid?: string; whatsappId?: string } = {}
    if (!survivor.phone && wanted.phone) patch.phone = wanted.phone
    if (!survivor.lid && wanted.lid) patch.lid = wanted.lid
    if (!survivor.whatsappId) patch.whatsappId = wanted.phone ? `${wanted.phone.slice(1)}@c.us` : (wanted.lid ?? undefined)
    const linked = Object.keys(patch).length > 0
    if (linked) {
      await tx.client.update({ where: { id: survivorId }, data: patch, select: { id: true } })
      if (!mergedIds.length) {
        await tx.clientEvent.create({
          data: { organizationId, clientId: survivorId, type: CLIENT_IDENTITY_LINKED, data: { phone: patch.phone ?? null, lid: patch.lid ?? null } },
          select: { id: true },
        })
      }
    }
    return { clientId: survivorId, mergedIds, conversationIds, linked }
  })
}

/**
 * After a message from or a send to `chatId`: when the client lacks the chat's other identity (and a
 * lookup can help, see shouldResolveIdentity), asks WhatsApp under the lookup limit and links what it
 * says. Never throws; null when nothing was asked or learned.
 */
export async function resolveClientIdentity(
  organizationId: string,
  clientId: string,
  chatId: string,
  resolve: IdentityResolver,
  /** What the caller's transaction just read (the incoming path): the client's identities and whether LID-only clients exist. */
  known?: { client: { phone: string | null; lid: string | null }; lidOnlyClientsExist: boolean | null },
): Promise<LinkResult | null> {
  const log = orgLogger(organizationId, { component: 'identity', clientId })
  try {
    const client = known?.client ?? (await db.client.findFirst({ where: { id: clientId, organizationId }, select: { phone: true, lid: true } }))
    if (!client) return null
    const lidOnlyClientsExist =
      extractPhoneFromWhatsAppId(chatId).kind !== 'phone' ||
      (known?.lidOnlyClientsExist ?? (await db.client.count({ where: { organizationId, phone: null, lid: { not: null } }, take: 1 })) > 0)
    if (!shouldResolveIdentity(chatId, client, lidOnlyClientsExist)) return null
    const found = await rateLimitedLookup(organizationId, () => resolve(organizationId, chatId))
    if (!found) return null
    const chat = extractPhoneFromWhatsAppId(chatId)
    // The chat's own identity wins over what the lookup says about it.
    const identity: WaIdentity = {
      lid: chat.kind === 'lid' ? chat.whatsappId : found.lid,
      phone: chat.kind === 'phone' ? chat.phone : found.phone,
    }
    if ((!identity.phone || identity.phone === client.phone) && (!identity.lid || identity.lid === client.lid)) return null
    const result = await linkClientIdentity(organizationId, clientId, identity)
    if (result?.mergedIds.length)
      log.info({ survivorId: result.clientId, mergedIds: result.mergedIds }, 'clients merged: one customer behind a phone and a LID')
    return result
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'identity resolution failed')
    return null
  }
}
