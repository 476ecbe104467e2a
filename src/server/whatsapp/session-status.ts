/**
 * The single status setter: every change of an organization's WhatsApp state goes through here, is
 * written to PostgreSQL with the Prisma enums and published on the event bus, so the database, the UI
 * and the logs never disagree.
 */
import { db, type Prisma } from '../db'
import { getEnv } from '../env'
import { WhatsAppSessionStatus } from '../db/generated/enums'
import { getEventBus } from '../events/event-bus'
import type { WhatsAppStatusView } from '../events/event-types'
import { logger } from '../logger'

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

export async function readStatusView(organizationId: string): Promise<WhatsAppStatusView> {
  const row = await db.whatsAppSession.findUnique({ where: { organizationId }, select: viewSelect })
  return row ? toView(row, null) : emptyStatusView()
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
  logger.info({ organizationId, status: view.status, errorCode: view.errorCode, event: 'whatsapp.status' }, 'whatsapp status changed')
  await getEventBus().publish(organizationId, { type: 'whatsapp.status', data: view })
  return view
}
