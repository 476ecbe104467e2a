/**
 * History import over WhatsApp. It asks the session manager for the organization's IMPORT session
 * (`import-<org>`: its own client id, data path and stored session, so the live integration keeps
 * running untouched), shows its own QR, reads contacts, chats and their messages, runs the parsers,
 * imports chat by chat, publishes progress, honours cancel, and closes the import session when done.
 */
import { db, type Prisma } from '../../db'
import { getEnv } from '../../env'
import { AppError } from '../../errors'
import { orgLogger } from '../../logger'
import { delayFor, sleep } from '../../queues/delays'
import { processSingleton } from '../../process-singleton'
import { getSessionManager } from '../../services'
import { isEngineError } from '../../whatsapp/engine/errors'
import type { ImportSession } from '../../whatsapp/import-session'
import { importOptionsSchema, type ImportOptions } from '../import-options'
import { getStatusClassifier } from '../status-classifier'
import { importChat, type ChatResult } from './chat-importer'
import { waitForStableChatList } from './chat-list-wait'
import { appendCapped, readImportJob, updateImportJob, type ImportJobView } from './import-jobs'

/** WhatsApp Web only returns what it has loaded: at most this many messages per chat are read. */
export const HISTORY_MESSAGES_PER_CHAT = 500
/** How long the import waits for its QR to be scanned. */
export const SCAN_TIMEOUT_MS = 5 * 60_000

interface RunningImport {
  done: Promise<void>
  /** Cancels the wait for a scan at once. */
  abort: AbortController
}

/** Imports running in this process, by job id; one map for every module copy (a request starts, shutdown stops). */
const running = processSingleton('history-imports', () => new Map<string, RunningImport>())

/** Starts a history import for an organization (one at a time per organization). */
export async function startHistoryImport(organizationId: string, createdById: string | null, rawOptions: Partial<ImportOptions>): Promise<ImportJobView> {
  const options = importOptionsSchema.parse(rawOptions)
  const active = await db.importJob.findFirst({
    where: { organizationId, kind: 'HISTORY', status: { in: ['PENDING', 'WAITING_FOR_SCAN', 'RUNNING'] } },
    select: { id: true },
  })
  if (active && running.has(active.id)) throw new AppError('CONFLICT', 'importAlreadyRunning')
  // Running in another process (it holds the import lease): not a leftover.
  if (active && (await getSessionManager().importRunsElsewhere(organizationId))) throw new AppError('CONFLICT', 'importAlreadyRunning')
  if (active) {
    // Left over from a process that died mid-import.
    await db.importJob.update({ where: { id: active.id }, data: { status: 'FAILED', finishedAt: new Date(), errors: [{ code: 'INTERRUPTED' }] } })
  }
  getSessionManager() // fail now, not in the background, when WhatsApp is not set up
  const job = await db.importJob.create({
    data: { organizationId, createdById, kind: 'HISTORY', options: options, dryRun: options.dryRun },
    select: { id: true },
  })
  const entry: RunningImport = { done: Promise.resolve(), abort: new AbortController() }
  running.set(job.id, entry)
  // Members watching the page see the new import at once, not only when its QR arrives.
  const view = await updateImportJob(organizationId, job.id, {})
  entry.done = runHistoryImport(organizationId, job.id, options, entry).finally(() => running.delete(job.id))
  return view
}

/** Asks a running import to stop; it stops between chats and closes its session. */
export async function cancelHistoryImport(organizationId: string, jobId: string): Promise<ImportJobView> {
  const job = await db.importJob.findFirst({ where: { id: jobId, organizationId }, select: { status: true } })
  if (!job) throw new AppError('NOT_FOUND', 'importNotFound')
  if (!['PENDING', 'WAITING_FOR_SCAN', 'RUNNING'].includes(job.status)) throw new AppError('BAD_REQUEST', 'importNotRunning')
  await updateImportJob(organizationId, jobId, { cancelRequested: true })
  const entry = running.get(jobId)
  if (!entry) {
    return updateImportJob(organizationId, jobId, { status: 'CANCELLED', finishedAt: new Date(), qrCode: null })
  }
  // An import still waiting for its scan has nothing to finish: stop waiting now.
  entry.abort.abort()
  await entry.done
  return (await readImportJob(organizationId, jobId))!
}

/** Shutdown (through the session manager): cancel the import and wait until its session is closed. */
async function stopOnShutdown(jobId: string, entry: RunningImport): Promise<void> {
  await db.importJob.update({ where: { id: jobId }, data: { cancelRequested: true } }).catch(() => undefined)
  entry.abort.abort()
  await entry.done
}

async function isCancelled(jobId: string): Promise<boolean> {
  const job = await db.importJob.findUnique({ where: { id: jobId }, select: { cancelRequested: true } })
  return job?.cancelRequested ?? true
}

async function runHistoryImport(organizationId: string, jobId: string, options: ImportOptions, entry: RunningImport) {
  const log = orgLogger(organizationId, { component: 'history-import', jobId })
  let session: ImportSession | null = null
  const finish = (data: Prisma.ImportJobUpdateInput) => updateImportJob(organizationId, jobId, { finishedAt: new Date(), qrCode: null, ...data })
  try {
    session = await getSessionManager().openImportSession(organizationId, jobId, {
      onQr: (qr) => void updateImportJob(organizationId, jobId, { status: 'WAITING_FOR_SCAN', qrCode: qr }),
      onShutdown: () => stopOnShutdown(jobId, entry),
    })
    let timer: NodeJS.Timeout | undefined
    const outcome = await Promise.race([
      session.ready,
      new Promise<{ ok: false; reason: string }>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, reason: 'QR_EXPIRED' }), SCAN_TIMEOUT_MS)
        entry.abort.signal.addEventListener('abort', () => resolve({ ok: false, reason: 'CANCELLED' }), { once: true })
        if (entry.abort.signal.aborted) resolve({ ok: false, reason: 'CANCELLED' })
      }),
    ])
    clearTimeout(timer)
    if (await isCancelled(jobId)) {
      await finish({ status: 'CANCELLED' })
      return
    }
    if (!outcome.ok) {
      await finish({ status: 'FAILED', errorsCount: { increment: 1 }, errors: [{ code: outcome.reason }] })
      return
    }
    await updateImportJob(organizationId, jobId, { status: 'RUNNING', qrCode: null, startedAt: new Date() })
    await importChats(organizationId, jobId, session, options, log, entry.abort.signal)
  } catch (error) {
    const code = isEngineError(error) ? error.code : error instanceof AppError && error.code === 'CONFLICT' ? 'IMPORT_RUNNING_ELSEWHERE' : 'UNKNOWN'
    log.error({ err: (error as Error).message, code }, 'history import failed')
    await finish({ status: 'FAILED', errorsCount: { increment: 1 }, errors: [{ code, message: String((error as Error).message).slice(0, 300) }] }).catch(
      () => undefined,
    )
  } finally {
    // The import session is closed when done; its stored session stays for the next import.
    await session?.close()
  }
}

async function importChats(
  organizationId: string,
  jobId: string,
  session: ImportSession,
  options: ImportOptions,
  log: ReturnType<typeof orgLogger>,
  abort: AbortSignal,
) {
  if (!session.canReadHistory) {
    await updateImportJob(organizationId, jobId, { status: 'FAILED', finishedAt: new Date(), errors: [{ code: 'HISTORY_UNSUPPORTED' }] })
    return
  }
  let job = (await readImportJob(organizationId, jobId))!
  let notes: unknown = job.notes
  if (options.useLLMStatusDetection && !getStatusClassifier()) notes = appendCapped(notes, { code: 'LLM_NOT_CONFIGURED' })
  // WhatsApp Web keeps adding chats for a while after `ready`: read once the list stopped growing.
  const env = getEnv()
  const listed = await waitForStableChatList(
    () => session.getChats(),
    { stableMs: env.IMPORT_CHATS_STABLE_MS, maxMs: env.IMPORT_CHATS_WAIT_MAX_MS },
    () => abort.aborted,
  )
  if (!listed.stable) log.warn({ chats: listed.chats.length, reads: listed.reads }, 'chat list still changing when the wait ended; importing what is loaded')
  const chats = listed.chats
  const privateChats = chats.filter((c) => !c.isGroup)
  const groups = chats.length - privateChats.length
  if (groups) notes = appendCapped(notes, { code: 'GROUPS_SKIPPED', count: groups })
  job = await updateImportJob(organizationId, jobId, { chatsTotal: privateChats.length, notes: notes as Prisma.InputJsonValue })
  const preview: unknown[] = []
  const classifier = options.useLLMStatusDetection ? getStatusClassifier() : null

  for (const chat of privateChats) {
    if (await isCancelled(jobId)) {
      await updateImportJob(organizationId, jobId, { status: 'CANCELLED', finishedAt: new Date() })
      log.info('history import cancelled')
      return
    }
    let result: ChatResult | null = null
    let errors: unknown = job.errors
    try {
      const messages = await session.fetchMessages(chat.id, HISTORY_MESSAGES_PER_CHAT)
      if (messages.length >= HISTORY_MESSAGES_PER_CHAT) notes = appendCapped(notes, { code: 'OLDER_MESSAGES_UNREACHABLE', chat: chat.name ?? chat.id })
      // fetchMessages returns only what WhatsApp Web has loaded (Chat.js:223-231 stops when
      // loadEarlierMsgs brings nothing more): fewer than asked may be the whole chat, or a partial sync.
      else notes = appendCapped(notes, { code: 'FEWER_MESSAGES_LOADED', chat: chat.name ?? chat.id, count: messages.length })
      await sleep(delayFor('lookupGap'))
      const contact = await session.getContact(chat.id).catch(() => null)
      const llmStatus = classifier
        ? ((
            await classifier.classify(messages.map((m) => ({ body: m.body, fromClient: !m.fromMe, timestamp: new Date(m.timestamp * 1000) }))).catch(() => null)
          )?.status ?? null)
        : null
      result = await importChat(organizationId, chat.id, contact ?? (chat.name ? { id: chat.id, name: chat.name } : null), messages, options, llmStatus)
      if (result.skipped === 'contacts-off') notes = appendCapped(notes, { code: 'CONTACT_NOT_IMPORTED', chat: chat.name ?? chat.id })
      if (result.preview && preview.length < 100) preview.push(result.preview)
    } catch (error) {
      log.warn({ err: (error as Error).message, chatId: chat.id }, 'chat not imported')
      errors = appendCapped(errors, { code: 'CHAT_FAILED', chat: chat.name ?? chat.id, message: String((error as Error).message).slice(0, 200) })
    }
    job = await updateImportJob(organizationId, jobId, {
      chatsProcessed: { increment: 1 },
      ...(result
        ? {
            messagesProcessed: { increment: result.messages },
            clientsCreated: { increment: result.clientCreated ? 1 : 0 },
            clientsUpdated: { increment: result.clientUpdated ? 1 : 0 },
            conversationsCreated: { increment: result.conversationCreated ? 1 : 0 },
            messagesImported: { increment: result.imported },
            duplicatesSkipped: { increment: result.duplicates },
          }
        : { errorsCount: { increment: 1 }, errors: errors as Prisma.InputJsonValue }),
      notes: notes as Prisma.InputJsonValue,
      ...(options.dryRun ? { preview: preview as Prisma.InputJsonValue } : {}),
    })
  }
  await updateImportJob(organizationId, jobId, { status: 'COMPLETED', finishedAt: new Date() })
  log.info({ chats: job.chatsTotal, imported: job.messagesImported, duplicates: job.duplicatesSkipped, dryRun: options.dryRun }, 'history import finished')
}
