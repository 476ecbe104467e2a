/**
 * The long-lived services server.ts starts, reachable from tRPC handlers. Next's bundled route code
 * and tsx-loaded server.ts are separate module copies in one process, so the registry is a deliberate
 * globalThis singleton.
 */
import { getEnv } from './env'
import { AppError } from './errors'
import type { EngineFactory } from './whatsapp/engine/types'
import type { WhatsAppSessionManager } from './whatsapp/session-manager'

interface Services {
  sessionManager?: WhatsAppSessionManager
  engineFactory?: EngineFactory
}

const globalForServices = globalThis as unknown as { __soulServices?: Services }
const services = (globalForServices.__soulServices ??= {})

export function registerSessionManager(manager: WhatsAppSessionManager | undefined) {
  services.sessionManager = manager
}

export function getSessionManager(): WhatsAppSessionManager {
  if (!services.sessionManager) throw new AppError('UNAVAILABLE', 'whatsappUnavailable')
  return services.sessionManager
}

/** The engine factory (history import opens its own sessions with it). */
export function registerEngineFactory(factory: EngineFactory | undefined) {
  services.engineFactory = factory
}

export function getEngineFactory(): EngineFactory {
  if (!services.engineFactory) throw new AppError('UNAVAILABLE', 'whatsappUnavailable')
  return services.engineFactory
}

export function whatsappEngineKind(): 'webjs' | 'simulator' {
  return getEnv().WHATSAPP_ENGINE
}
