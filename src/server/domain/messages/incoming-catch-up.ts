/**
 * Customers' messages nobody stored. WhatsApp hands a message to the WhatsApp Web session once; a process
 * killed between receiving it and writing the inbox row (kill -9, OOM, a node lost mid-takeover) took it
 * along, and WhatsApp will not send it again. When a session is restored or taken over (not a new pairing),
 * the session manager hands us the engine's read-back of the chats; we accept, in order, every customer
 * message of the window that is neither in the inbox nor among the messages. acceptIncoming stays
 * idempotent by WhatsApp id, so a message that arrives live meanwhile is not stored twice.
 */
import { db } from '../../db'
import { orgLogger } from '../../logger'
import type { WaIncomingMessage } from '../../whatsapp/engine/types'

export interface CatchUpOptions {
  /** How far back to read (default 6 h): a longer outage's messages are delivered by WhatsApp as new ones. */
  windowMs?: number
  /** At most this many messages are read back per pass (the newest). */
  limit?: number
  now?: () => number
}

export interface CatchUpResult {
  read: number
  /** Handed to acceptIncoming because neither table had them when read. */
  accepted: number
  /** Of those, the ones that were really new (not stored meanwhile by the live path). */
  recovered: number
}

const DEFAULT_WINDOW_MS = 6 * 60 * 60 * 1000

export async function catchUpIncoming(
  organizationId: string,
  findRecent: (since: number, limit: number) => Promise<WaIncomingMessage[]>,
  accept: (organizationId: string, message: WaIncomingMessage) => Promise<{ duplicate: boolean }>,
  options: CatchUpOptions = {},
): Promise<CatchUpResult> {
  const { windowMs = DEFAULT_WINDOW_MS, limit = 500, now = Date.now } = options
  const since = Math.floor((now() - windowMs) / 1000)
  const recent = await findRecent(since, limit)
  if (recent.length === 0) return { read: 0, accepted: 0, recovered: 0 }
  const ids = [...new Set(recent.map((message) => message.id))]
  const [inboxed, stored] = await Promise.all([
    db.incomingInbox.findMany({ where: { organizationId, whatsappMessageId: { in: ids } }, select: { whatsappMessageId: true } }),
    db.message.findMany({ where: { organizationId, whatsappMessageId: { in: ids } }, select: { whatsappMessageId: true } }),
  ])
  const known = new Set([...inboxed.map((row) => row.whatsappMessageId), ...stored.map((row) => row.whatsappMessageId)])
  const missing = recent.filter((message) => !known.has(message.id)).sort((a, b) => a.timestamp - b.timestamp)
  const log = orgLogger(organizationId, { component: 'incoming-catch-up' })
  let recovered = 0
  for (const message of missing) {
    // A message also arriving live right now is stored once: acceptIncoming answers duplicate for the second.
    if (!(await accept(organizationId, message)).duplicate) recovered += 1
  }
  if (recovered > 0) log.warn({ read: recent.length, recovered }, 'customer messages nobody had stored were read back from WhatsApp')
  else log.debug({ read: recent.length, accepted: missing.length }, 'incoming catch-up: nothing missing')
  return { read: recent.length, accepted: missing.length, recovered }
}
