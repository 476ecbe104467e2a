/**
 * The server's background half as a process of its own, for fault tests and bench/faults.ts: the same
 * composition root server.ts starts (background.ts: session manager, workers, outbox relay) and the
 * same ordered shutdown on SIGTERM, without Next.js (which needs a production build or a slow dev
 * compile, and plays no part in the message pipeline). The environment comes whole from the parent.
 * Prints `ready <pid>` on stdout once the background is up.
 */
import { getEnv } from '../env'

const env = getEnv()
const { startBackground } = await import('../background')
const { runShutdown } = await import('../lifecycle')
const { logger } = await import('../logger')

await startBackground(env)

let stopping = false
process.on('SIGTERM', () => {
  if (stopping) return
  stopping = true
  void runShutdown(env.SHUTDOWN_TIMEOUT_MS).then((clean) => process.exit(clean ? 0 : 1))
})
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'))
process.stdout.write(`ready ${process.pid}\n`)
