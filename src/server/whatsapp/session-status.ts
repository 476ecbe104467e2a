/**
 * The single status setter: every change of an organization's WhatsApp state goes through here, is
 * written to PostgreSQL with the Prisma enums and published on the event bus, so the database, the UI
 * and the logs never disagree.
 */
import type { Redis } from 'ioredis'
import type { WhatsAppErrorCode } from '~/shared/whatsapp-error-codes'
import { db, type Prisma } from '../db'
import { getEnv } from '../env'
import { WhatsAppSessionStatus } from '../db/generated/enums'
import { getEventBus } from '../events/event-bus'
import type { WhatsAppStatusView } from '../events/event-types'
import { logger } from '../logger'
import { getRedis, withTimeout } from '../redis'
import { readLeaseOwner } from './session-lease'

const viewSelect = {
  status: true,
  qrCode: true,
  phoneNumber: true,
  pushName: true,
  lastConnectedAt: true,
  lastDisconnectedAt: true,
  errorCode: true,
  errorMessage: true,
  sessionDataSize: true,
  linkedAt: true,
  updatedAt: true,
} satisfies Prisma.WhatsAppSessionSelect

type ViewRow = Prisma.WhatsAppSessionGetPayload<{ select: typeof viewSelect }>

/** WHATSAPP_SESSION_SIZE_WARN_MB in bytes. */
export function sessionSizeWarnBytes(): number {
  return getEnv().WHATSAPP_SESSION_SIZE_WARN_MB * 1024 * 1024
}

function toView({ sessionDataSize, ...row }: ViewRow, reconnect: WhatsAppStatusView['reconnect']): WhatsAppStatusView {
  const limitBytes = sessionSizeWarnBytes()
  const storedProfile = sessionDataSize ? { sizeBytes: sessionDataSize, limitBytes, oversized: sessionDataSize > limitBytes } : null
  return { ...row, reconnect, storedProfile }
}

export type StatusPatch = Partial<
  Pick<
    Prisma.WhatsAppSessionUncheckedCreateInput,
    'status' | 'qrCode' | 'phoneNumber' | 'pushName' | 'lastConnectedAt' | 'lastDisconnectedAt' | 'errorCode' | 'errorMessage' | 'wantedConnected' | 'linkedAt'
  >
>

/** The state shown when an organization never connected. */
export function emptyStatusView(): WhatsAppStatusView {
  return {
    status: WhatsAppSessionStatus.DISCONNECTED,
    qrCode: null,
    phoneNumber: null,
    pushName: null,
    lastConnectedAt: null,
    lastDisconnectedAt: null,
    errorCode: null,
    errorMessage: null,
    reconnect: null,
    storedProfile: null,
    linkedAt: null,
    updatedAt: new Date(0),
  }
}

/** Statuses that only a running process can keep true: each needs the organization's lease held. */
const RUNNING_STATUSES: ReadonlySet<WhatsAppSessionStatus> = new Set([
  WhatsAppSessionStatus.CONNECTING,
  WhatsAppSessionStatus.QR_CODE_PENDING,
  WhatsAppSessionStatus.CONNECTED,
])
/** How long a reader waits for the lease before trusting the stored row (Redis slow or down). */
const LEASE_READ_TIMEOUT_MS = 500

/**
 * The stored status, checked against the lease: a row that says a process runs the session while no
 * process holds its lease (the owner crashed, with no shutdown hook to say so) reads as DISCONNECTED
 * with SERVER_NOT_RUNNING, within the lease TTL. One Redis GET; when Redis does not answer, the row is
 * shown as stored (the lease cannot be told apart from an outage). Only running statuses pay the GET.
 */
export async function readStatusView(organizationId: string, options: { redis?: Redis } = {}): Promise<WhatsAppStatusView> {
  const row = await db.whatsAppSession.findUnique({ where: { organizationId }, select: viewSelect })
  if (!row) return emptyStatusView()
  const view = toView(row, null)
  if (!RUNNING_STATUSES.has(view.status)) return view
  let owner: string | null
  try {
    owner = await withTimeout(readLeaseOwner(options.redis ?? getRedis(), organizationId), LEASE_READ_TIMEOUT_MS, 'lease read timed out')
  } catch {
    return view
  }
  return owner ? view : notRunningView(view)
}

/** What a session whose owner is gone shows: not running, no QR to scan, no reconnect in progress. */
export function notRunningView(view: WhatsAppStatusView): WhatsAppStatusView {
  return {
    ...view,
    status: WhatsAppSessionStatus.DISCONNECTED,
    qrCode: null,
    linkedAt: null,
    reconnect: null,
    errorCode: 'SERVER_NOT_RUNNING' satisfies WhatsAppErrorCode,
    errorMessage: `no server process holds this session (last stored status: ${view.status})`,
  }
}

/**
 * Writes a status change and publishes the resulting full view. `reconnect` is transient (not stored):
 * it rides along on the event only.
 */
export async function setSessionStatus(
  organizationId: string,
  patch: StatusPatch,
  transient: { reconnect?: WhatsAppStatusView['reconnect'] } = {},
): Promise<WhatsAppStatusView> {
  const row = await db.whatsAppSession.upsert({
    where: { organizationId },
    update: patch,
    create: { organizationId, ...patch },
    select: viewSelect,
  })
  const view = toView(row, transient.reconnect ?? null)
  if (patch.status !== undefined) await recordStatusHistory(organizationId, view.status, view.errorCode)
  logger.info({ organizationId, status: view.status, errorCode: view.errorCode, event: 'whatsapp.status' }, 'whatsapp status changed')
  await getEventBus().publish(organizationId, { type: 'whatsapp.status', data: view })
  return view
}

/** How long the status history is kept (the dashboard shows 7 days; a month leaves room for a longer view). */
export const STATUS_HISTORY_RETENTION_DAYS = 31

/**
 * Appends a status change to the history (WhatsAppStatusEvent) when it differs from the latest one
 * recorded, and deletes the organization's rows past the retention (all but the newest of them: it tells the state at the start). A failure here is logged, never
 * thrown: the history is for the dashboard, the status itself was already written.
 */
async function recordStatusHistory(organizationId: string, status: WhatsAppSessionStatus, errorCode: string | null): Promise<void> {
  try {
    const latest = await db.whatsAppStatusEvent.findFirst({ where: { organizationId }, orderBy: { createdAt: 'desc' }, select: { status: true } })
    if (latest?.status === status) return
    await db.whatsAppStatusEvent.create({ data: { organizationId, status, errorCode }, select: { id: true } })
    // The newest row past the retention stays: it tells the state at the start of the kept period.
    const cutoff = new Date(Date.now() - STATUS_HISTORY_RETENTION_DAYS * 86_400_000)
    const anchor = await db.whatsAppStatusEvent.findFirst({
      where: { organizationId, createdAt: { lt: cutoff } },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true },
    })
    if (anchor) await db.whatsAppStatusEvent.deleteMany({ where: { organizationId, createdAt: { lt: anchor.createdAt } } })
  } catch (error) {
    logger.warn({ organizationId, err: error, event: 'whatsapp.status.history' }, 'whatsapp status history not recorded')
  }
}

/**
 * Called when a session becomes ready with `phone`: a number never linked here before (or another
 * number than the last one) starts its warm-up now (WhatsAppSession.numberSince, shared/warm-up.ts).
 * Must run before the status write that stores phoneNumber. A restored session of the same number keeps its date.
 */
export async function noteLinkedNumber(organizationId: string, phone: string | null, now = new Date()): Promise<void> {
  if (!phone) return
  await db.whatsAppSession.updateMany({
    where: { organizationId, OR: [{ numberSince: null }, { phoneNumber: null }, { phoneNumber: { not: phone } }] },
    data: { numberSince: now },
  })
}
