/**
 * Acks that nobody heard: a reply sent by a process that died gets its delivery and read receipts at the
 * dead process, so it would stay SENT for ever. When a session becomes ready (restored, taken over,
 * reconnected), the session manager hands us the engine's ack lookup; we ask it about our recent
 * SENT/DELIVERED messages and apply the answers through the ack recorder (forward only).
 */
import { db } from '../../db'
import { orgLogger } from '../../logger'
import type { WaMessageAck } from '../../whatsapp/engine/types'
import { recordAck } from './ack-recorder'

export interface ReconcileOptions {
  /** How far back to look (default 24 h): older messages are left as they are. */
  windowMs?: number
  /** At most this many messages per pass (newest first), so a takeover never floods the engine. */
  limit?: number
  /** Ids asked of the engine at once. */
  batchSize?: number
}

export interface ReconcileResult {
  checked: number
  answered: number
  moved: number
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * One bounded reconciliation pass for an organization: the newest `limit` outgoing messages SENT or
 * DELIVERED within `windowMs`, asked in batches of `batchSize`. A failed batch is logged and the pass
 * goes on with the next (the engine may have dropped meanwhile: its lookup then answers nothing).
 */
export async function reconcileAcks(
  organizationId: string,
  getAcks: (ids: string[]) => Promise<WaMessageAck[]>,
  options: ReconcileOptions = {},
): Promise<ReconcileResult> {
  const { windowMs = DAY_MS, limit = 500, batchSize = 50 } = options
  const log = orgLogger(organizationId, { component: 'ack-reconciler' })
  const since = new Date(Date.now() - windowMs)
  const rows = await db.message.findMany({
    where: {
      organizationId,
      direction: 'OUTGOING',
      status: { in: ['SENT', 'DELIVERED'] },
      whatsappMessageId: { not: null },
      OR: [{ sentAt: { gte: since } }, { sentAt: null, createdAt: { gte: since } }],
    },
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: { whatsappMessageId: true },
  })
  const ids = rows.map((row) => row.whatsappMessageId).filter((id): id is string => id !== null)
  const result: ReconcileResult = { checked: ids.length, answered: 0, moved: 0 }
  for (let start = 0; start < ids.length; start += batchSize) {
    const batch = ids.slice(start, start + batchSize)
    const asked = new Set(batch)
    let answers: WaMessageAck[]
    try {
      answers = await getAcks(batch)
    } catch (err) {
      log.warn({ err: (err as Error).message, batch: batch.length }, 'ack lookup failed; batch skipped')
      continue
    }
    for (const answer of answers) {
      // Only what we asked about: an engine cannot move other messages through this path.
      if (!asked.has(answer.id)) continue
      result.answered++
      if (await recordAck(organizationId, answer)) result.moved++
    }
  }
  if (ids.length > 0) log.info({ ...result, event: 'acks.reconciled' }, 'acks reconciled after the session became ready')
  return result
}
