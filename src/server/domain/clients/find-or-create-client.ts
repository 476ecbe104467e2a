/**
 * Finds or creates a client (live messages, outgoing sends to a new number, history import, export
 * upload), keyed by organization + WhatsApp id / phone. Existing data is only filled in, never
 * overwritten by a worse guess.
 */
import { db, type Prisma } from '../../db'
import type { ClientStatus } from '../../db/generated/enums'
import { cleanName, normalizeIdentity, type NormalizedIdentity } from './client-identity'

type Tx = Prisma.TransactionClient | typeof db

export interface ClientData {
  phone?: string | null
  whatsappId?: string | null
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
}

/** The stored client with this WhatsApp id (first) or phone, if any. */
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

/**
 * Finds the client and fills in what it lacks (merging metadata), or creates it. Returns null when the
 * data identifies nobody (e.g. a group id).
 */
export async function findOrCreateClient(organizationId: string, data: ClientData, tx: Tx = db): Promise<FoundClient | null> {
  const identity = normalizeIdentity(data)
  if (!identity) return null
  const name = cleanName(data.name)
  const language = data.preferredLanguage && data.preferredLanguage !== 'und' ? data.preferredLanguage : null
  const existingId = await findClientId(organizationId, identity, tx)
  if (existingId) {
    const existing = await tx.client.findUniqueOrThrow({
      where: { id: existingId },
      select: { name: true, avatarUrl: true, preferredLanguage: true, phone: true, whatsappId: true, metadata: true },
    })
    const patch: Prisma.ClientUpdateInput = {}
    if (!existing.name && name) patch.name = name
    if (!existing.avatarUrl && data.avatarUrl) patch.avatarUrl = data.avatarUrl
    if (!existing.preferredLanguage && language) patch.preferredLanguage = language
    if (!existing.phone && identity.phone) patch.phone = identity.phone
    if (!existing.whatsappId && identity.whatsappId) patch.whatsappId = identity.whatsappId
    if (data.metadata) patch.metadata = { ...(existing.metadata as Record<string, unknown>), ...data.metadata } as Prisma.InputJsonValue
    if (Object.keys(patch).length) await tx.client.update({ where: { id: existingId }, data: patch, select: { id: true } })
    return { id: existingId, created: false }
  }
  const created = await tx.client.create({
    data: {
      organizationId,
      phone: identity.phone,
      whatsappId: identity.whatsappId,
      name,
      email: data.email ?? null,
      avatarUrl: data.avatarUrl ?? null,
      status: data.detectedStatus ?? 'NEW_LEAD',
      preferredLanguage: language,
      metadata: (data.metadata ?? {}) as Prisma.InputJsonValue,
    },
    select: { id: true },
  })
  return { id: created.id, created: true }
}
