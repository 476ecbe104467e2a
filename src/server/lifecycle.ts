/**
 * Ordered shutdown. Parts register a stop function with an order (lower stops first); server.ts runs
 * them on SIGTERM/SIGINT under a deadline, so a stuck part cannot keep the process alive forever.
 */
import { logger } from './logger'
import { processSingleton } from './process-singleton'

interface ShutdownHook {
  name: string
  order: number
  stop: () => Promise<void>
}

const hooks = processSingleton<ShutdownHook[]>('shutdown-hooks', () => [])

/** Order: 10 HTTP, 20 WhatsApp sessions (sync + release leases), 30 workers, 40 queues, 90 connections. */
export function onShutdown(name: string, order: number, stop: () => Promise<void>): void {
  hooks.push({ name, order, stop })
}

export async function runShutdown(deadlineMs: number): Promise<boolean> {
  const ordered = [...hooks].sort((a, b) => a.order - b.order)
  const started = Date.now()
  let clean = true
  for (const hook of ordered) {
    const left = deadlineMs - (Date.now() - started)
    if (left <= 0) {
      logger.error({ hook: hook.name }, 'shutdown deadline reached; skipping remaining parts')
      return false
    }
    try {
      await Promise.race([hook.stop(), new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${left} ms`)), left).unref())])
      logger.info({ hook: hook.name, ms: Date.now() - started }, 'stopped')
    } catch (err) {
      clean = false
      logger.error({ hook: hook.name, err }, 'failed to stop cleanly')
    }
  }
  return clean
}
