/**
 * Finds or creates a client (live messages, outgoing sends to a new number, history import, export
 * upload), keyed by organization + WhatsApp id / phone. Existing data is only filled in, never
 * overwritten by a worse guess.
 */
import { isDeepStrictEqual } from 'node:util'
import { db, type Prisma } from '../../db'
import { autoCommit, sql, viaPrisma, type SqlRunner } from '../../db-sql'
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
  /** The client as it is now (after filling in), for callers that would otherwise read it again. */
  row?: ClientRow
}

/** What the incoming path needs of a client after find-or-create (identity, name, avatar, language state). */
export const clientRowSelect = {
  id: true,
  phone: true,
  whatsappId: true,
  lid: true,
  name: true,
  avatarUrl: true,
  preferredLanguage: true,
  preferredLanguageSource: true,
  languageMatches: true,
  languageSampled: true,
  metadata: true,
} satisfies Prisma.ClientSelect

export type ClientRow = Prisma.ClientGetPayload<{ select: typeof clientRowSelect }>

export interface FindOrCreateOptions {
  /** The caller's transaction already holds the identity locks (lockIdentities): not taken again. */
  locked?: boolean
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
export async function findOrCreateClient(
  organizationId: string,
  data: ClientData,
  tx: Tx = db,
  options: FindOrCreateOptions = {},
): Promise<FoundClient | null> {
  const identity = normalizeIdentity(data)
  if (!identity) return null
  return inTransaction(tx, async (t) => {
    if (!options.locked) await lockIdentities(t, organizationId, identity)
    // One read finds the matches and what filling them in needs (the common case: one client, nothing to merge).
    const rows = await findClientRows(organizationId, identity, viaPrisma(t))
    if (rows.length === 1) return fillClient(t, rows[0]!, identity, data)
    if (!rows.length) return createClient(t, organizationId, identity, data)
    const mergedIds: string[] = []
    let existingId = rows[0]!.id
    for (const other of rows.slice(1)) {
      const outcome = await mergeClients(t, organizationId, existingId, other.id, 'same-customer')
      mergedIds.push(outcome.mergedId)
      existingId = outcome.survivorId
    }
    const survivor = await t.client.findUniqueOrThrow({ where: { id: existingId }, select: clientRowSelect })
    return { ...(await fillClient(t, survivor, identity, data)), mergedIds }
  })
}

/**
 * The matching clients with what filling them in needs, ranked like findClientIds (LID, WhatsApp id,
 * phone). Sent as SQL: every customer message runs it (issue 15; the same SELECT through the query
 * compiler cost about twice the CPU). A missing identity is NULL, which matches nothing.
 */
async function findClientRows(organizationId: string, identity: NormalizedIdentity, run: SqlRunner): Promise<ClientRow[]> {
  if (!identity.lid && !identity.whatsappId && !identity.phone) return []
  const found = await run.rows<ClientRow>(sql`
    SELECT id, phone, "whatsappId", lid, name, "avatarUrl", "preferredLanguage", "preferredLanguageSource"::text AS "preferredLanguageSource",
      "languageMatches", "languageSampled", metadata
    FROM clients
    WHERE "organizationId" = ${organizationId}
      AND (lid = ${identity.lid ?? null} OR "whatsappId" = ${identity.whatsappId ?? null} OR phone = ${identity.phone ?? null})`)
  const rank = (c: ClientRow) => (identity.lid && c.lid === identity.lid ? 0 : identity.whatsappId && c.whatsappId === identity.whatsappId ? 1 : 2)
  return found.sort((a, b) => rank(a) - rank(b))
}

/**
 * The one client the data names when nothing about it needs writing (no merge, nothing to fill in), read
 * without the identity locks: a stored client is only ever changed or merged away under them, and the
 * caller's later writes (its conversation row, locked) fail and are retried if a merge took it meanwhile.
 * Null when the locked path must decide (no client yet, several, or something to fill in).
 */
export async function findSettledClient(organizationId: string, data: ClientData, run: SqlRunner = autoCommit()): Promise<FoundClient | null> {
  const identity = normalizeIdentity(data)
  if (!identity) return null
  const rows = await findClientRows(organizationId, identity, run)
  if (rows.length !== 1 || Object.keys(clientPatch(rows[0]!, identity, data)).length) return null
  return { id: rows[0]!.id, created: false, row: rows[0]! }
}

function clientPatch(existing: ClientRow, identity: NormalizedIdentity, data: ClientData): Prisma.ClientUpdateInput {
  const name = cleanName(data.name)
  const language = languageOf(data)
  const patch: Prisma.ClientUpdateInput = {}
  if (!existing.name && name) patch.name = name
  if (!existing.avatarUrl && data.avatarUrl) patch.avatarUrl = data.avatarUrl
  if (!existing.preferredLanguage && language) patch.preferredLanguage = language
  if (!existing.phone && identity.phone) patch.phone = identity.phone
  if (!existing.lid && identity.lid) patch.lid = identity.lid
  if (!existing.whatsappId && identity.whatsappId) patch.whatsappId = identity.whatsappId
  // Metadata the message repeats (the same language, context) is no change: no write.
  const metadata = existing.metadata as Record<string, unknown>
  if (data.metadata && Object.entries(data.metadata).some(([key, value]) => !isDeepStrictEqual(metadata?.[key], value)))
    patch.metadata = { ...metadata, ...data.metadata } as Prisma.InputJsonValue
  return patch
}

async function fillClient(tx: Prisma.TransactionClient, existing: ClientRow, identity: NormalizedIdentity, data: ClientData): Promise<FoundClient> {
  const patch = clientPatch(existing, identity, data)
  if (Object.keys(patch).length) await tx.client.update({ where: { id: existing.id }, data: patch, select: { id: true } })
  const row = { ...existing, ...(patch as Partial<ClientRow>) }
  return { id: existing.id, created: false, row }
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
    select: clientRowSelect,
  })
  return { id: created.id, created: true, row: created }
}

function languageOf(data: ClientData): string | null {
  return data.preferredLanguage && data.preferredLanguage !== 'und' ? data.preferredLanguage : null
}
