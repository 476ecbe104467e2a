/**
 * Starts what runs beside the web server (the WhatsApp session manager, later the queue workers) and
 * registers their ordered shutdown: sessions are synced and leases released before connections close.
 */
import { getDb } from './db'
import type { Env } from './env'
import { getEventBus } from './events/event-bus'
import { onShutdown } from './lifecycle'
import { logger } from './logger'
import { getRedis } from './redis'
import { registerEngineFactory, registerSessionManager } from './services'
import type { EngineFactory } from './whatsapp/engine/types'
import { stopAllImports } from './import/history/history-import'
import { startPipeline } from './queues/pipeline'
import { WhatsAppSessionManager } from './whatsapp/session-manager'

async function engineFactoryFor(env: Env): Promise<EngineFactory> {
  if (env.WHATSAPP_ENGINE === 'simulator') {
    const { createSimulatorEngineFactory, simulatorTimingFromEnv } = await import('./whatsapp/engines/simulator')
    return createSimulatorEngineFactory(simulatorTimingFromEnv(env))
  }
  const { createWebjsEngineFactory } = await import('./whatsapp/engines/webjs')
  return createWebjsEngineFactory({
    chromiumPath: env.CHROMIUM_PATH,
    authMode: env.WHATSAPP_SESSION_STORE ?? (env.NODE_ENV === 'production' ? 'database' : 'local'),
  })
}

export async function startBackground(env: Env): Promise<void> {
  const engineFactory = await engineFactoryFor(env)
  registerEngineFactory(engineFactory)
  const sessionManager = new WhatsAppSessionManager({ engineFactory })
  registerSessionManager(sessionManager)
  // The pipeline first, so messages that arrive while sessions restore have somewhere to go.
  const pipeline = startPipeline({ sessionManager })
  try {
    await sessionManager.start()
  } catch (err) {
    // Redis or PostgreSQL down at boot: the web app still serves (health says what is wrong);
    // the manager's ticker restores sessions once they are back.
    logger.error({ err: (err as Error).message }, 'WhatsApp session manager started degraded')
  }
  logger.info({ engine: env.WHATSAPP_ENGINE, instanceId: sessionManager.instanceId }, 'WhatsApp session manager started')

  onShutdown('whatsapp-sessions', 20, () => sessionManager.disconnectAll())
  onShutdown('history-imports', 25, () => stopAllImports())
  onShutdown('queue-workers', 30, () => pipeline.stopWorkers())
  onShutdown('queues', 40, () => pipeline.closeQueues())
  onShutdown('event-bus', 80, () => getEventBus().close())
  onShutdown('redis', 90, async () => {
    await getRedis().quit().catch(() => undefined)
  })
  onShutdown('database', 95, async () => {
    await getDb().$disconnect()
  })
}
