/** The whatsapp-web.js engine: the only module of the app that imports whatsapp-web.js. */
import type { EngineFactory } from '../../engine/types'
import { createWebjsEngine, type WebjsEngineOptions } from './webjs-engine'

export type WebjsEngineSettings = Pick<
  WebjsEngineOptions,
  | 'chromiumPath'
  | 'authMode'
  | 'headless'
  | 'initTimeoutMs'
  | 'qrMaxRetries'
  | 'clientFactory'
  | 'initialSyncDelayMs'
  | 'backupSyncIntervalMs'
  | 'protocolTimeoutMs'
  | 'webVersion'
  | 'webVersionCache'
  | 'networkDropMs'
>

/** An EngineFactory for the session manager: each call makes a fresh, single-use engine. */
export function createWebjsEngineFactory(settings: WebjsEngineSettings): EngineFactory {
  return (options) => createWebjsEngine({ ...options, ...settings })
}

export { createWebjsEngine, CHROMIUM_ARGS, type WebjsEngineOptions, type WebjsClientFactory } from './webjs-engine'
export { DatabaseAuth } from './database-auth'
