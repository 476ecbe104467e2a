/**
 * Starts what runs beside the web server (the WhatsApp session manager and queue workers) and
 * registers their ordered shutdown. The database and Redis connections close last.
 */
import { getDb } from './db'
import type { Env } from './env'
import { onShutdown } from './lifecycle'
import { getRedis } from './redis'

export async function startBackground(_env: Env): Promise<void> {
  onShutdown('redis', 90, async () => {
    await getRedis().quit().catch(() => undefined)
  })
  onShutdown('database', 95, async () => {
    await getDb().$disconnect()
  })
}
