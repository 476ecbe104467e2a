/**
 * The incoming spool: customer messages accepted while PostgreSQL is down wait here, in an fsynced
 * append-only file under the data directory (file-spool.ts), instead of in memory: a restart or a kill -9
 * loses nothing the engine handed us. The outbox relay drains it into the inbox once PostgreSQL is back
 * (idempotent by WhatsApp id). Bounded (INCOMING_SPOOL_MAX_MB): a warning from 80 %, refused when full.
 */
import { join } from 'node:path'
import { getEnv } from '../env'
import { logger } from '../logger'
import { processSlot } from '../process-singleton'
import type { WaIncomingMessage } from '../whatsapp/engine/types'
import { FileSpool, type SpoolStatus } from './file-spool'

export interface SpooledIncoming {
  organizationId: string
  message: WaIncomingMessage
  /** When it was spooled (ISO). */
  spooledAt: string
}

export type IncomingSpool = FileSpool<SpooledIncoming>

const slot = processSlot<IncomingSpool>('incoming-spool')
const lastStatus = processSlot<SpoolStatus>('incoming-spool-status')

/** The directory the spool lives in (INCOMING_SPOOL_DIR, or <WHATSAPP_DATA_PATH>/incoming-spool). */
export function incomingSpoolDir(): string {
  const env = getEnv()
  return env.INCOMING_SPOOL_DIR ?? join(env.WHATSAPP_DATA_PATH, 'incoming-spool')
}

/** Opens a spool over `dir` (what a restarted process does over the same directory). */
export function openIncomingSpool(dir = incomingSpoolDir()): IncomingSpool {
  return new FileSpool<SpooledIncoming>({ dir, name: 'incoming.spool', maxBytes: getEnv().INCOMING_SPOOL_MAX_MB * 1024 * 1024 })
}

/** The process's spool, opened on first use. */
export function getIncomingSpool(): IncomingSpool {
  let spool = slot.get()
  if (!spool) {
    spool = openIncomingSpool()
    slot.set(spool)
  }
  return spool
}

/** Replaces the process's spool (tests simulate a restart over the same directory). */
export function setIncomingSpool(spool: IncomingSpool | undefined): void {
  slot.set(spool)
  lastStatus.set(undefined)
}

/** Records how full the spool is, warning once it is near full; for the health check. */
export function noteSpoolStatus(status: SpoolStatus): void {
  const before = lastStatus.get()
  lastStatus.set(status)
  if (status.nearFull && !before?.nearFull) {
    logger.error(
      { bytes: status.bytes, maxBytes: status.maxBytes },
      'incoming spool is over 80 % full: PostgreSQL has been down long; messages will be refused when it is full',
    )
  } else if (!status.nearFull && before?.nearFull) {
    logger.info({ bytes: status.bytes, maxBytes: status.maxBytes }, 'incoming spool below 80 % again')
  }
}

/** How full the spool was at its last append or drain (null before any). */
export function lastSpoolStatus(): SpoolStatus | null {
  return lastStatus.get() ?? null
}
