/**
 * Starts what runs beside the web server (the WhatsApp session manager, later the queue workers) and
 * registers their ordered shutdown: sessions are synced and leases released before connections close.
 */
import { hostname } from 'node:os'
import { getDb } from './db'
import type { Env } from './env'
import { redisSubscriber } from './events/redis-subscriber'
import { onShutdown } from './lifecycle'
import { logger } from './logger'
import { getRedis } from './redis'
import { registerSessionManager } from './services'
import type { EngineFactory } from './whatsapp/engine/types'
import { startPipeline } from './messaging-pipeline'
import { registerObservability } from './metrics-sources'
import { WhatsAppSessionManager } from './whatsapp/session-manager'
import { defaultMaxSessions } from './whatsapp/session-placement'

async function engineFactoryFor(env: Env): Promise<EngineFactory> {
  if (env.WHATSAPP_ENGINE === 'simulator') {
    const { createSimulatorEngineFactory, simulatorTimingFromEnv } = await import('./whatsapp/engines/simulator')
    return createSimulatorEngineFactory(simulatorTimingFromEnv(env))
  }
  const { createWebjsEngineFactory } = await import('./whatsapp/engines/webjs')
  return createWebjsEngineFactory({
    chromiumPath: env.CHROMIUM_PATH,
    authMode: env.WHATSAPP_SESSION_STORE ?? (env.NODE_ENV === 'production' ? 'database' : 'local'),
    initialSyncDelayMs: env.WHATSAPP_SESSION_FIRST_BACKUP_DELAY_MS,
    backupSyncIntervalMs: env.WHATSAPP_SESSION_BACKUP_INTERVAL_MS,
    protocolTimeoutMs: env.WHATSAPP_PROTOCOL_TIMEOUT_MS,
    ...(env.WHATSAPP_WEB_VERSION ? { webVersion: env.WHATSAPP_WEB_VERSION } : {}),
    ...(env.WHATSAPP_WEB_VERSION_REMOTE_PATH ? { webVersionCache: { type: 'remote', remotePath: env.WHATSAPP_WEB_VERSION_REMOTE_PATH } } : {}),
  })
}

export async function startBackground(env: Env): Promise<void> {
  const engineFactory = await engineFactoryFor(env)
  // A stable name (host and port unless set): after a crash the restarted server renews its own leases at once.
  const instanceId = env.WHATSAPP_INSTANCE_ID ?? `${hostname()}:${env.PORT}`
  const maxSessions = env.MAX_SESSIONS_PER_NODE ?? defaultMaxSessions(env.WHATSAPP_ENGINE)
  const sessionManager = new WhatsAppSessionManager({ engineFactory, instanceId, maxSessions, client: { loginStallMs: env.WHATSAPP_LOGIN_STALL_MS } })
  registerSessionManager(sessionManager)
  registerObservability(sessionManager)
  // The pipeline first, so messages that arrive while sessions restore have somewhere to go.
  const pipeline = startPipeline({ sessionManager })
  try {
    await sessionManager.start()
  } catch (err) {
    // Redis or PostgreSQL down at boot: the web app still serves (health says what is wrong);
    // the manager's ticker restores sessions once they are back.
    logger.error({ err: (err as Error).message }, 'WhatsApp session manager started degraded')
  }
  logger.info({ engine: env.WHATSAPP_ENGINE, instanceId: sessionManager.instanceId, maxSessions }, 'WhatsApp session manager started')

  // Also stops the history imports (each cancels between chats) and closes their sessions.
  onShutdown('whatsapp-sessions', 20, () => sessionManager.disconnectAll())
  onShutdown('queue-workers', 30, () => pipeline.stopWorkers())
  onShutdown('queues', 40, () => pipeline.closeQueues())
  // The one subscriber connection (event bus, simulator signals, session commands).
  onShutdown('redis-subscriber', 80, () => redisSubscriber().close())
  onShutdown('redis', 90, async () => {
    await getRedis()
      .quit()
      .catch(() => undefined)
  })
  onShutdown('database', 95, async () => {
    await getDb().$disconnect()
  })
}
