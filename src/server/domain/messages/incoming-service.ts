/**
 * The incoming pipeline. A customer's message is first made durable (IncomingInbox in PostgreSQL,
 * idempotent on the WhatsApp id), then queued with a human-like delay. Processing creates client,
 * conversation and message in one transaction (a crash leaves nothing half-made, and the same WhatsApp
 * message never becomes two rows); what the message tells about the client (language, cultural
 * context) is stored with it. Then the rate-limited contact lookup, and the agent hook may reply.
 */
import { cleanMessageText, removeUnstorable } from '~/shared/message-text'
import { getAgentResponder } from '../../agents/agent-hook'
import { db, type Prisma } from '../../db'
import { newRowId } from '../../db-ids'
import { autoCommit, inPgTransaction, sql, viaPrisma, type SqlRunner, type SqlStatement } from '../../db-sql'
import { detectCulturalContext, detectLanguageWithConfidence, detectOptOut, extractBestName } from '../../text'
import { isInfrastructureError } from '../../infrastructure-errors'
import { logger, orgLogger, type Logger } from '../../logger'
import { processSingleton } from '../../process-singleton'
import { metrics } from '../../observability/metrics'
import { delayFor, delaysEnabled } from '../../queues/delays'
import { enqueueIncoming } from '../../queues/incoming-queue'
import { enqueueMediaDownload } from '../../queues/media-queue'
import { rateLimitedLookup } from '../../queues/lookup-limiter'
import { SpoolFullError } from '../../spool/file-spool'
import { getIncomingSpool, noteSpoolStatus } from '../../spool/incoming-spool'
import type { WaContact, WaIncomingMessage } from '../../whatsapp/engine/types'
import { extractPhoneFromWhatsAppId } from '../../whatsapp/phone'
import { normalizeIdentity } from '../clients/client-identity'
import { languageSampleOf, refreshClientLanguage, storeClientLanguage, type LanguageSample } from '../clients/client-language'
import { findOrCreateClient, findSettledClient, type ClientRow } from '../clients/find-or-create-client'
import { lockIdentities } from '../clients/identity-lock'
import { resolveClientIdentity, type IdentityResolver } from '../clients/identity-resolution'
import { distributeOnCustomerMessage } from '../conversations/assignment'
import { announceReopened, recordReopenedByCustomer } from '../conversations/conversation-status'
import { createIncomingConversation, lockIncomingConversation, type RecentClientMessage } from '../conversations/find-or-create-conversation'
import { incomingConversationUpdate, recordedFrom, type RecordedRow } from '../conversations/read-state'
import { mediaColumns } from '../media/incoming-media'
import { recordOptOut } from '../safety/opt-out'
import { fireAndForget, publishConversation, publishIncomingStored } from './message-events'
import { incomingMessageInsert } from './message-status'
import { humanAnsweredRecently } from './human-activity'
import { isPhoneReplyPayload, PHONE_REPLY_SETTLE_MS, processPhoneReply, type InboxPayload } from './phone-reply-service'
import { acceptOutgoing } from './send-service'

export interface AcceptResult {
  inboxId: string | null
  duplicate: boolean
  queued: boolean
  /** PostgreSQL did not take it: where it waits instead. */
  kept?: 'spooled' | 'buffered' | 'refused'
}

/**
 * Messages neither PostgreSQL nor the local spool took (the spool full or unwritable): the last resort,
 * in memory, retried by the relay. Bounded; past the bound a message is refused loudly (it stays in the
 * WhatsApp chat on the phone, and a history import brings it in).
 */
export const incomingBuffer = processSingleton('incoming-buffer', (): Array<{ organizationId: string; message: WaIncomingMessage }> => [])
export const INCOMING_BUFFER_LIMIT = 1000

/**
 * An incoming message as PostgreSQL can store it (the inbox payload is jsonb, which refuses NUL): the
 * text cleaned (shared/message-text.ts), every other string freed of NUL and lone surrogates. The one
 * door for both engines' messages, and for replies typed on the phone.
 */
export function storableIncoming<T extends WaIncomingMessage>(message: T): T {
  const cleaned: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(message)) {
    cleaned[key] = typeof value !== 'string' ? value : key === 'body' ? cleanMessageText(value) : removeUnstorable(value)
  }
  return cleaned as T
}

/** The durable inbox row of a message (idempotent on the WhatsApp id); throws when PostgreSQL does. */
function writeInbox(organizationId: string, message: WaIncomingMessage) {
  return db.incomingInbox.upsert({
    where: { organizationId_whatsappMessageId: { organizationId, whatsappMessageId: message.id } },
    update: {},
    create: { organizationId, whatsappMessageId: message.id, payload: message as unknown as Prisma.InputJsonValue },
    select: { id: true, processedAt: true, queuedAt: true },
  })
}

/** Keeps a message PostgreSQL did not take: in the fsynced local spool, or (spool full) in bounded memory. */
async function keepForLater(organizationId: string, message: WaIncomingMessage, cause: unknown): Promise<'spooled' | 'buffered' | 'refused'> {
  const log = orgLogger(organizationId, { whatsappMessageId: message.id })
  try {
    noteSpoolStatus(await getIncomingSpool().append({ organizationId, message, spooledAt: new Date().toISOString() }))
    log.warn({ err: (cause as Error).message }, 'inbox write failed; message kept in the local spool')
    return 'spooled'
  } catch (error) {
    if (error instanceof SpoolFullError) noteSpoolStatus({ bytes: error.bytes, maxBytes: error.maxBytes, nearFull: true, full: true })
    if (incomingBuffer.length >= INCOMING_BUFFER_LIMIT) {
      log.error(
        { err: (error as Error).message },
        'incoming message REFUSED: database down, local spool and memory buffer full (it stays in the WhatsApp chat)',
      )
      return 'refused'
    }
    log.error({ err: (error as Error).message }, 'inbox write and local spool failed; message buffered in memory')
    incomingBuffer.push({ organizationId, message })
    return 'buffered'
  }
}

/**
 * Writes the message to the inbox and queues it. Never throws: when PostgreSQL is down it goes to the
 * local spool (drained by the outbox relay), and as a last resort to a bounded memory buffer.
 */
export async function acceptIncoming(organizationId: string, received: WaIncomingMessage, delayMs?: number): Promise<AcceptResult> {
  const message = storableIncoming(received)
  let inserted: { id: string } | null
  try {
    // One statement: the row, marked queued already (the job follows at once; a crash in between leaves a
    // row the outbox relay re-queues once its queuedAt is stale). A duplicate inserts nothing.
    inserted = await insertInbox(organizationId, message, new Date())
  } catch (err) {
    const kept = await keepForLater(organizationId, message, err)
    return { inboxId: null, duplicate: false, queued: false, kept }
  }
  if (inserted) {
    const queued = await enqueueIncoming({ organizationId, inboxId: inserted.id }, delayMs)
    // Redis did not take it: the relay queues the row at its next pass instead of after the stale time.
    if (!queued) await db.incomingInbox.update({ where: { id: inserted.id }, data: { queuedAt: null }, select: { id: true } }).catch(() => undefined)
    return { inboxId: inserted.id, duplicate: false, queued }
  }
  // The same WhatsApp message again (a restore replaying it, a spooled copy): queued once only.
  let inbox: { id: string; processedAt: Date | null; queuedAt: Date | null }
  try {
    inbox = await writeInbox(organizationId, message)
  } catch (err) {
    const kept = await keepForLater(organizationId, message, err)
    return { inboxId: null, duplicate: false, queued: false, kept }
  }
  if (inbox.processedAt || inbox.queuedAt) return { inboxId: inbox.id, duplicate: true, queued: Boolean(inbox.queuedAt) }
  const queued = await enqueueIncoming({ organizationId, inboxId: inbox.id }, delayMs)
  if (queued) await db.incomingInbox.update({ where: { id: inbox.id }, data: { queuedAt: new Date() }, select: { id: true } }).catch(() => undefined)
  return { inboxId: inbox.id, duplicate: false, queued }
}

/**
 * Inserts the inbox row (one statement, sent as SQL: the hot path, issue 15); null when the WhatsApp id
 * is there already (ON CONFLICT on the organization's WhatsApp id inserts nothing).
 */
async function insertInbox(organizationId: string, message: WaIncomingMessage, queuedAt: Date): Promise<{ id: string } | null> {
  const now = Date.now()
  // Epoch milliseconds, turned into the columns' UTC timestamps by PostgreSQL whatever the session's time zone.
  const rows = await autoCommit().rows<{ id: string }>(sql`
    INSERT INTO incoming_inbox (id, "organizationId", "whatsappMessageId", payload, "receivedAt", "queuedAt")
    VALUES (${newRowId(now)}, ${organizationId}, ${message.id}, ${JSON.stringify(message)}::jsonb,
      to_timestamp(${now}::double precision / 1000) AT TIME ZONE 'UTC', to_timestamp(${queuedAt.getTime()}::double precision / 1000) AT TIME ZONE 'UTC')
    ON CONFLICT ("organizationId", "whatsappMessageId") DO NOTHING
    RETURNING id`)
  return rows[0] ?? null
}

/**
 * Moves what the local spool holds into the inbox (idempotent by WhatsApp id), then empties it; the
 * relay queues the new rows. PostgreSQL still down: everything stays for the next pass. A record the
 * database refuses for another reason is set aside in `<spool>.rejected`, never dropped silently.
 */
export async function drainIncomingSpool(): Promise<number> {
  const spool = getIncomingSpool()
  const drained = await spool.drain(async (records, skipped) => {
    if (skipped) logger.warn({ skipped }, 'incoming spool: torn or damaged lines skipped (a write cut by a crash)')
    for (const record of records) {
      try {
        await writeInbox(record.organizationId, storableIncoming(record.message))
      } catch (error) {
        if (isInfrastructureError(error)) throw error
        orgLogger(record.organizationId, { whatsappMessageId: record.message.id }).error(
          { err: (error as Error).message },
          'spooled message refused by the database; set aside in the .rejected file',
        )
        await spool.reject(record, (error as Error).message)
      }
    }
  })
  if (drained) {
    noteSpoolStatus(await spool.status())
    logger.info({ drained }, 'incoming spool drained into the inbox')
  }
  return drained
}

/**
 * Makes a reply typed on the business phone durable (the same inbox, payload marked fromMe) and queues
 * it after PHONE_REPLY_SETTLE_MS; processIncoming hands it to phone-reply-service. Never throws.
 */
export function acceptPhoneReply(organizationId: string, message: WaIncomingMessage): Promise<AcceptResult> {
  const payload: InboxPayload = { ...message, fromMe: true }
  return acceptIncoming(organizationId, payload, delaysEnabled() ? PHONE_REPLY_SETTLE_MS : 0)
}

export interface IncomingDeps {
  /** Contact details from WhatsApp (the engine), when the session runs here. */
  lookupContact?: (organizationId: string, chatId: string) => Promise<WaContact | null>
  /** Both identities behind a chat (the session manager's resolveIdentity), for hidden numbers (@lid). */
  resolveIdentity?: IdentityResolver
  /** Runs inside the transaction just before it commits (instrumentation; tests simulate a crash here). */
  beforeCommit?: () => Promise<void>
}

export type ProcessResult =
  | { status: 'missing' | 'duplicate' | 'ignored' }
  | { status: 'processed'; clientId: string; conversationId: string; messageId: string; clientCreated: boolean; replyMessageId: string | null }

/** The claimed row is a reply typed on the phone: its own path takes it (the claim is rolled back). */
class PhoneReplyRow extends Error {
  constructor(
    readonly organizationId: string,
    readonly payload: InboxPayload,
  ) {
    super('phone reply')
  }
}

/** The common case needs a step only a Prisma transaction does (a new client or conversation, a merge, a reopen, an opt-out): start again there. */
class NeedsPrismaTransaction extends Error {
  constructor(readonly step: string) {
    super(`incoming: ${step} runs in a Prisma transaction`)
  }
}

/** Where storeIncoming's statements go: SQL always; the Prisma transaction only on the full path. */
interface StoreContext {
  sql: SqlRunner
  tx?: Prisma.TransactionClient
  /** The claim's rows, when it already ran (with BEGIN, in the same round trip). */
  claimed?: unknown[]
}

function prismaOnly(ctx: StoreContext, step: string): Prisma.TransactionClient {
  if (!ctx.tx) throw new NeedsPrismaTransaction(step)
  return ctx.tx
}

/**
 * The transaction: straight on the pg pool for the common case (a known customer in their open
 * conversation, issue 15: no Prisma runtime per statement), and through a Prisma transaction when a step
 * needs it (the fast attempt is rolled back and the whole transaction runs again there).
 */
async function storeIncomingTransaction(inboxId: string, deps: IncomingDeps) {
  try {
    // The claim travels with BEGIN. (Its COMMIT waits for the WAL flush: with synchronous_commit off, a
    // database crash lost the last commits' messages until the relay found their inbox rows stale, a
    // minute later; postgres-stopped.int caught it.)
    const fast = await inPgTransaction((sql, claimed) => storeIncoming({ sql, claimed }, inboxId, deps), { opening: claimStatement(inboxId) })
    if (fast) return fast.result
  } catch (error) {
    if (!(error instanceof NeedsPrismaTransaction)) throw error
  }
  return db.$transaction((tx) => storeIncoming({ sql: viaPrisma(tx), tx }, inboxId, deps))
}

/** Processes one inbox row; safe to run twice (the second run is a no-op). */
export async function processIncoming(inboxId: string, deps: IncomingDeps = {}): Promise<ProcessResult> {
  let stored: Awaited<ReturnType<typeof storeIncoming>>
  try {
    stored = await storeIncomingTransaction(inboxId, deps)
  } catch (error) {
    // A reply typed on the business phone rides the same inbox and queue (phone-reply-service.ts).
    if (!(error instanceof PhoneReplyRow)) throw error
    const result = await processPhoneReply(inboxId, error.organizationId, error.payload)
    return result.status === 'processed'
      ? { ...result, clientCreated: false, replyMessageId: null }
      : { status: result.status === 'ignored' ? 'ignored' : 'duplicate' }
  }
  if (stored.status !== 'stored') {
    if (stored.status === 'ignored' || stored.status === 'duplicate') return { status: stored.status }
    // Nothing claimed: gone, or processed already.
    return (await db.incomingInbox.count({ where: { id: inboxId } })) ? { status: 'duplicate' } : { status: 'missing' }
  }
  const { organizationId, message, language, media, client, conversation, recorded, reopened } = stored
  const log = orgLogger(organizationId, { component: 'incoming', whatsappMessageId: message.id })
  const result = { clientId: client.id, clientCreated: client.created, conversationId: conversation.id, messageId: stored.stored.id }

  metrics().incomingMessages.inc({ organization: organizationId })
  log.info({ messageId: result.messageId, conversationId: result.conversationId, clientCreated: result.clientCreated }, 'incoming message stored')
  // Both events from what the transaction returned, in one Redis call.
  fireAndForget(publishIncomingStored(organizationId, stored.stored, recorded))
  // Redis not taking it now is fine: the outbox relay re-queues PENDING media.
  if (media.mediaStatus === 'PENDING') await enqueueMediaDownload({ organizationId, messageId: result.messageId })
  fireAndForget(announceReopened(organizationId, reopened))
  // issue 13: round-robin gives an unassigned conversation to the next online operator.
  await distributeOnCustomerMessage(organizationId, result.conversationId, { assigneeId: conversation.assigneeId, assignment: conversation.assignment }).catch(
    (err) => log.warn({ err: (err as Error).message }, 'round-robin failed'),
  )

  // A LID sender may turn out to be a client we know by phone (or the other way round): link or merge.
  let known: ClientRow | null = client.row
  if (deps.resolveIdentity) {
    const linked = await resolveClientIdentity(organizationId, result.clientId, message.from, deps.resolveIdentity, {
      client: client.row,
      lidOnlyClientsExist: conversation.lidOnlyClientsExist,
    })
    if (linked) {
      for (const conversationId of linked.conversationIds) fireAndForget(publishConversation(organizationId, conversationId))
      const merged = await db.conversation.findFirst({ where: { organizationId, clientId: linked.clientId, channel: 'WHATSAPP' }, select: { id: true } })
      // Another client now (or this one changed): what the transaction read of it no longer holds.
      known = null
      result.clientId = linked.clientId
      if (merged) result.conversationId = merged.id
    }
  }

  await enrichClient(organizationId, result.clientId, message, deps, known).catch((err) => log.warn({ err: (err as Error).message }, 'contact lookup failed'))

  // issue 17: the client's language from their recent messages (a manual choice stays); agents answer in it. The
  // transaction read those messages already (with their stored detections): only a change is written. After
  // the commit, on its own: inside the transaction it would lock the client after the conversation, the
  // reverse of a new customer's transaction (client, then conversation), and two messages of one customer
  // processed at once deadlocked (a CI run's e2e showed it).
  const clientLanguage = await (
    known && !conversation.created
      ? storeClientLanguage(db, organizationId, result.clientId, known, recentSamples(conversation.recent, { ...stored.stored, metadata: stored.metadata }))
      : refreshClientLanguage(organizationId, result.clientId)
  ).catch((err) => {
    log.warn({ err: (err as Error).message }, 'client language not refreshed')
    return null
  })
  const replyMessageId = await replyFromAgent({ organizationId, ...result, whatsappMessageId: message.id, body: message.body, language, clientLanguage }, log)
  return { status: 'processed', ...result, replyMessageId }
}

/** The vote's samples: the new message among the client's earlier ones, newest first (by written time). */
function recentSamples(
  earlier: RecentClientMessage[],
  added: { content: string; language: string | null; metadata: unknown; editedAt: Date | null; createdAt: Date },
): LanguageSample[] {
  const rows = [...earlier]
  const at = rows.findIndex((row) => row.createdAt.getTime() <= added.createdAt.getTime())
  rows.splice(at === -1 ? rows.length : at, 0, added)
  return rows.map(languageSampleOf).filter((sample): sample is LanguageSample => sample !== null)
}

/**
 * The transaction: claims the inbox row, finds or creates client and conversation, stores the message and
 * records it on the conversation. Every read the steps after the commit need comes back from here.
 */
async function storeIncoming(ctx: StoreContext, inboxId: string, deps: IncomingDeps) {
  const claimed = ctx.claimed ? ((ctx.claimed[0] as ClaimedRow | undefined) ?? null) : await claimInboxRow(ctx.sql, inboxId)
  if (!claimed) return { status: 'unclaimed' as const }
  const { organizationId } = claimed
  if (isPhoneReplyPayload(claimed.payload)) throw new PhoneReplyRow(organizationId, claimed.payload)
  const message = claimed.payload as unknown as WaIncomingMessage
  const identity = extractPhoneFromWhatsAppId(message.from)
  if (identity.kind !== 'phone' && identity.kind !== 'lid') {
    await prismaOnly(ctx, 'ignoring').incomingInbox.update({ where: { id: inboxId }, data: { error: 'not a private chat' }, select: { id: true } })
    return { status: 'ignored' as const }
  }
  // What the text tells, worked out once: stored with the message and the client, and reused after the
  // commit (the language vote reads the stored detections, client-language.ts).
  const detected = detectLanguageWithConfidence(message.body)
  const language = detected.language
  const clientData = {
    phone: identity.phone,
    whatsappId: identity.whatsappId,
    name: extractBestName(null, [message.body], message.notifyName ?? null),
    preferredLanguage: language,
    metadata: learnedFromMessage(message.body, language),
    detectedStatus: 'NEW_LEAD' as const,
  }
  const clientIdentity = normalizeIdentity(clientData)
  if (!clientIdentity) {
    await prismaOnly(ctx, 'ignoring').incomingInbox.update({ where: { id: inboxId }, data: { error: 'no client identity' }, select: { id: true } })
    return { status: 'ignored' as const }
  }
  // A known customer with nothing new about them: read without the identity locks. Anything else (a new
  // customer, something to fill in, two records to merge) takes the locks and decides under them.
  // "стоп", "жазбаңыз", "unsubscribe": no more bulk or agent messages to this customer (domain/safety), recorded below.
  const optOut = detectOptOut(message.body)
  if (optOut.optOut) prismaOnly(ctx, 'opt-out')
  let client = await findSettledClient(organizationId, clientData, ctx.sql)
  if (!client) {
    const tx = prismaOnly(ctx, 'client')
    await lockIdentities(tx, organizationId, clientIdentity)
    client = await findOrCreateClient(organizationId, clientData, tx, { locked: true })
  }
  if (!client?.row) throw new Error('client not found or created')
  const conversation =
    (await lockIncomingConversation(ctx.sql, organizationId, client.id)) ??
    (await createIncomingConversation(prismaOnly(ctx, 'conversation'), organizationId, client.id))
  const sentAt = new Date((message.timestamp || Date.now() / 1000) * 1000)
  // issue 14: the file is downloaded after the message is stored (media worker); locations and contact cards are data.
  const media = mediaColumns(message)
  const metadata = { type: message.type, hasMedia: message.hasMedia, languageConfidence: detected.confidence }
  // The message and what it does to the conversation (lastMessageAt, unread, the customer's wait and
  // (issue 13) a reopen), in one statement: the conversation is updated only when the message was new.
  const insert = incomingMessageInsert({
    organizationId,
    conversationId: conversation.id,
    content: message.body,
    whatsappMessageId: message.id,
    language,
    metadata,
    createdAt: sentAt,
    ...media,
  })
  const onlyIfNew = sql`EXISTS (SELECT 1 FROM inserted)`
  const [row] = await ctx.sql.rows<RecordedRow & { inserted: string }>(sql`
    WITH inserted AS (${insert.statement}),
      updated AS (${incomingConversationUpdate(conversation.id, sentAt, onlyIfNew)})
    SELECT inserted.id AS inserted, updated.* FROM inserted LEFT JOIN updated ON true`)
  // Stored already (a history import, an earlier run): the row stays claimed as processed, nothing else changes.
  if (!row) return { status: 'duplicate' as const }
  const { inserted: _inserted, ...updated } = row
  const recorded = recordedFrom(conversation.id, updated.clientId ? updated : undefined)
  const created = insert.view
  const reopened = recorded.reopened ? await recordReopenedByCustomer(prismaOnly(ctx, 'reopen'), organizationId, conversation.id) : null
  if (optOut.optOut)
    await recordOptOut(prismaOnly(ctx, 'opt-out'), organizationId, client.id, {
      messageId: created.id,
      phrase: optOut.phrase ?? '',
      language: optOut.language ?? '',
    })
  await deps.beforeCommit?.()
  return {
    status: 'stored' as const,
    organizationId,
    message,
    language,
    metadata,
    media,
    client: { ...client, row: client.row },
    conversation,
    stored: created,
    recorded,
    reopened,
  }
}

interface ClaimedRow {
  organizationId: string
  payload: Prisma.JsonValue
}

function claimStatement(inboxId: string): SqlStatement {
  return sql`
    UPDATE incoming_inbox SET "processedAt" = now() AT TIME ZONE 'UTC', error = NULL
    WHERE id = ${inboxId} AND "processedAt" IS NULL
    RETURNING "organizationId", payload`
}

/**
 * Claims the inbox row: marks it processed unless it is already (the rest of the transaction makes that
 * true; a rollback undoes it) and returns what it holds. A second run of the same row waits for the
 * first on the row lock and then finds it processed. Null when processed already (or gone).
 */
async function claimInboxRow(run: SqlRunner, inboxId: string): Promise<ClaimedRow | null> {
  const rows = await run.rows<ClaimedRow>(claimStatement(inboxId))
  return rows[0] ?? null
}

/**
 * What a customer's message tells about them, merged into the client's metadata (the client's
 * preferredLanguage is filled from the same language when still unknown).
 */
function learnedFromMessage(body: string, language: string): Record<string, unknown> {
  return { culturalContext: detectCulturalContext(body, language), source: 'whatsapp', lastLanguage: language }
}

interface StoredMessage {
  organizationId: string
  clientId: string
  conversationId: string
  messageId: string
  whatsappMessageId: string
  body: string
  language: string
  clientLanguage: string | null
}

/**
 * Asks the agent hook (if one is registered) for a reply and queues it as AI, priority 5, after a
 * human-like delay. Returns the reply's message id; an agent or queue failure means no reply.
 */
async function replyFromAgent(message: StoredMessage, log: Logger): Promise<string | null> {
  const responder = getAgentResponder()
  if (!responder) return null
  // A person (in the CRM or on the phone) is talking with this customer: the agent stays out of it.
  if (await humanAnsweredRecently(message.organizationId, message.conversationId)) {
    log.info({ messageId: message.messageId }, 'agent skipped: a person answered this customer recently')
    return null
  }
  const recent = await db.message.findMany({
    where: { organizationId: message.organizationId, conversationId: message.conversationId },
    orderBy: { createdAt: 'desc' },
    take: 10,
    select: { direction: true, content: true, createdAt: true },
  })
  let reply: Awaited<ReturnType<typeof responder>>
  try {
    reply = await responder({ ...message, recentMessages: recent.reverse() })
  } catch (err) {
    log.error({ err, messageId: message.messageId }, 'agent failed; no reply')
    return null
  }
  if (!reply) return null
  const accepted = await acceptOutgoing({
    organizationId: message.organizationId,
    conversationId: message.conversationId,
    content: reply.content,
    sender: 'AI',
    senderId: reply.agentType,
    priority: 5,
    delayMs: delayFor('reply'),
  }).catch((err) => {
    log.warn({ err: (err as Error).message }, 'agent reply not accepted')
    return null
  })
  return accepted?.id ?? null
}

/** Fills a client's name and avatar from WhatsApp, under the lookup limit; skipped when over it. */
async function enrichClient(
  organizationId: string,
  clientId: string,
  message: WaIncomingMessage,
  deps: IncomingDeps,
  known: { name: string | null; avatarUrl: string | null } | null,
) {
  if (!deps.lookupContact) return
  const client = known ?? (await db.client.findUnique({ where: { id: clientId }, select: { name: true, avatarUrl: true } }))
  if (!client || (client.name && client.avatarUrl)) return
  const contact = await rateLimitedLookup(organizationId, () => deps.lookupContact!(organizationId, message.from))
  if (!contact) return
  const name = client.name ?? extractBestName(contact.name ?? null, [message.body], contact.pushName ?? message.notifyName ?? null)
  const data: Prisma.ClientUpdateInput = {}
  if (!client.name && name) data.name = name
  if (!client.avatarUrl && contact.avatarUrl) data.avatarUrl = contact.avatarUrl
  if (Object.keys(data).length) await db.client.update({ where: { id: clientId }, data, select: { id: true } })
}
