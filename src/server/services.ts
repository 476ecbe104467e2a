/**
 * The long-lived services server.ts starts, reachable from tRPC handlers. Next's bundled route code
 * and tsx-loaded server.ts are separate module copies in one process, so the registry is a
 * process-wide slot.
 */
import { getEnv } from './env'
import { AppError } from './errors'
import { processSlot } from './process-singleton'
import type { WhatsAppSessionManager } from './whatsapp/session-manager'

const sessionManager = processSlot<WhatsAppSessionManager>('session-manager')

export function registerSessionManager(manager: WhatsAppSessionManager | undefined) {
  sessionManager.set(manager)
}

/** The process's session manager; AppError(UNAVAILABLE) when WhatsApp is not started. */
export function getSessionManager(): WhatsAppSessionManager {
  const manager = sessionManager.get()
  if (!manager) throw new AppError('UNAVAILABLE', 'whatsappUnavailable')
  return manager
}

export function whatsappEngineKind(): 'webjs' | 'simulator' {
  return getEnv().WHATSAPP_ENGINE
}
