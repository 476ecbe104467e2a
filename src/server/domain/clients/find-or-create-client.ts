/**
 * Finds or creates a client (live messages, outgoing sends to a new number, history import, export
 * upload), keyed by organization + WhatsApp id / phone. Existing data is only filled in, never
 * overwritten by a worse guess.
 */
import { db, type Prisma } from '../../db'
import type { ClientStatus } from '../../db/generated/enums'
import { cleanName, normalizeIdentity, type NormalizedIdentity } from './client-identity'
import { inTransaction, lockIdentities, type Tx } from './identity-lock'
import { mergeClients } from './merge-clients'

export interface ClientData {
  phone?: string | null
  whatsappId?: string | null
  /** The hidden-number id (`<id>@lid`), when known beside the phone. */
  lid?: string | null
  name?: string | null
  email?: string | null
  avatarUrl?: string | null
  preferredLanguage?: string | null
  metadata?: Record<string, unknown>
  detectedStatus?: ClientStatus
}

export interface FoundClient {
  id: string
  created: boolean
  /** Clients merged into this one because the data showed they were the same customer. */
  mergedIds?: string[]
}

/** Every stored client matching one of the identities (LID, WhatsApp id, phone), in that order, without repeats. */
export async function findClientIds(organizationId: string, identity: Partial<NormalizedIdentity>, tx: Tx = db): Promise<string[]> {
  const ors: Prisma.ClientWhereInput[] = []
  if (identity.lid) ors.push({ lid: identity.lid })
  if (identity.whatsappId) ors.push({ whatsappId: identity.whatsappId })
  if (identity.phone) ors.push({ phone: identity.phone })
  if (!ors.length) return []
  const found = await tx.client.findMany({ where: { organizationId, OR: ors }, select: { id: true, lid: true, whatsappId: true, phone: true } })
  const rank = (c: (typeof found)[number]) => (identity.lid && c.lid === identity.lid ? 0 : identity.whatsappId && c.whatsappId === identity.whatsappId ? 1 : 2)
  return found.sort((a, b) => rank(a) - rank(b)).map((c) => c.id)
}

/** The stored client with this LID, WhatsApp id or phone (in that order), if any. */
export async function findClientId(organizationId: string, identity: Partial<NormalizedIdentity>, tx: Tx = db): Promise<string | null> {
  return (await findClientIds(organizationId, identity, tx))[0] ?? null
}

/**
 * Finds the client and fills in what it lacks (merging metadata), or creates it. When the identities
 * match two clients (a LID-only client and the client with its phone), they are merged into one.
 * Runs under the identity locks, in the caller's transaction or its own. Returns null when the data
 * identifies nobody (e.g. a group id).
 */
export async function findOrCreateClient(organizationId: string, data: ClientData, tx: Tx = db): Promise<FoundClient | null> {
  const identity = normalizeIdentity(data)
  if (!identity) return null
  return inTransaction(tx, async (t) => {
    await lockIdentities(t, organizationId, identity)
    const ids = await findClientIds(organizationId, identity, t)
    const mergedIds: string[] = []
    let existingId = ids[0] ?? null
    for (const otherId of ids.slice(1)) {
      const outcome = await mergeClients(t, organizationId, existingId!, otherId, 'same-customer')
      mergedIds.push(outcome.mergedId)
      existingId = outcome.survivorId
    }
    const found = existingId ? await fillClient(t, existingId, identity, data) : await createClient(t, organizationId, identity, data)
    return mergedIds.length ? { ...found, mergedIds } : found
  })
}

async function fillClient(tx: Prisma.TransactionClient, clientId: string, identity: NormalizedIdentity, data: ClientData): Promise<FoundClient> {
  const name = cleanName(data.name)
  const language = languageOf(data)
  const existing = await tx.client.findUniqueOrThrow({
    where: { id: clientId },
    select: { name: true, avatarUrl: true, preferredLanguage: true, phone: true, whatsappId: true, lid: true, metadata: true },
  })
  const patch: Prisma.ClientUpdateInput = {}
  if (!existing.name && name) patch.name = name
  if (!existing.avatarUrl && data.avatarUrl) patch.avatarUrl = data.avatarUrl
  if (!existing.preferredLanguage && language) patch.preferredLanguage = language
  if (!existing.phone && identity.phone) patch.phone = identity.phone
  if (!existing.lid && identity.lid) patch.lid = identity.lid
  if (!existing.whatsappId && identity.whatsappId) patch.whatsappId = identity.whatsappId
  if (data.metadata) patch.metadata = { ...(existing.metadata as Record<string, unknown>), ...data.metadata } as Prisma.InputJsonValue
  if (Object.keys(patch).length) await tx.client.update({ where: { id: clientId }, data: patch, select: { id: true } })
  return { id: clientId, created: false }
}

async function createClient(tx: Prisma.TransactionClient, organizationId: string, identity: NormalizedIdentity, data: ClientData): Promise<FoundClient> {
  const created = await tx.client.create({
    data: {
      organizationId,
      phone: identity.phone,
      whatsappId: identity.whatsappId,
      lid: identity.lid,
      name: cleanName(data.name),
      email: data.email ?? null,
      avatarUrl: data.avatarUrl ?? null,
      status: data.detectedStatus ?? 'NEW_LEAD',
      preferredLanguage: languageOf(data),
      metadata: (data.metadata ?? {}) as Prisma.InputJsonValue,
    },
    select: { id: true },
  })
  return { id: created.id, created: true }
}

function languageOf(data: ClientData): string | null {
  return data.preferredLanguage && data.preferredLanguage !== 'und' ? data.preferredLanguage : null
}
