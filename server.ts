/**
 * Soul CRM's one process: Next.js (pages, tRPC, auth), the WhatsApp session manager and the BullMQ
 * workers. Environment is loaded and validated before any app module is imported.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import nextEnv from '@next/env'
// env.ts has no import-time effects, so it may be loaded before .env is.
import { getEnv, getEnvPart, type Env } from './src/server/env'

// NODE_ENV alone decides which .env files to load; the whole environment is parsed once they are in.
const dev = getEnvPart('NODE_ENV').NODE_ENV !== 'production'
nextEnv.loadEnvConfig(process.cwd(), dev)

const { logger } = await import('./src/server/logger')

let env: Env
try {
  env = getEnv()
} catch (err) {
  logger.fatal((err as Error).message)
  process.exit(1)
}

const { default: next } = await import('next')
const { checkHealth, publicHealth } = await import('./src/server/health')
const { mayReadHealthDetails } = await import('./src/server/auth/health-access')
const { stampClientIp } = await import('./src/server/auth/client-ip')
const { onShutdown, runShutdown } = await import('./src/server/lifecycle')
const { startBackground } = await import('./src/server/background')
const { refuseDeclaredOversize } = await import('./src/server/http/request-guards')
const { isMetricsRequest, serveMetrics } = await import('./src/server/observability/metrics-endpoint')
const { metrics, routeClass, statusClass } = await import('./src/server/observability/metrics')
const { isQueueDashboardRequest, serveQueueDashboard } = await import('./src/server/observability/queue-dashboard')
const { OBSERVED_QUEUES } = await import('./src/server/observability/scrape-sources')

const app = next({ dev, hostname: env.HOST, port: env.PORT, dir: process.cwd() })
await app.prepare()
const handle = app.getRequestHandler()

async function health(req: IncomingMessage, res: ServerResponse) {
  const [report, details] = await Promise.all([checkHealth(), mayReadHealthDetails(req.headers)])
  res.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(details ? report : publicHealth(report)))
}

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  // Request durations by route class and status class (never the URL itself: ids and search terms stay out of labels).
  const endTimer = metrics().httpDuration.startTimer({
    route: routeClass(req.url),
    method: req.method === 'GET' || req.method === 'POST' ? req.method : 'other',
  })
  res.once('finish', () => endTimer({ status: statusClass(res.statusCode) }))
  // A declared body over its route's cap is refused before Next reads any of it (413).
  if (refuseDeclaredOversize(req, res)) return
  if (isMetricsRequest(req)) {
    void serveMetrics(req, res)
    return
  }
  if (isQueueDashboardRequest(req.url)) {
    serveQueueDashboard(req, res, OBSERVED_QUEUES).catch((err: unknown) => {
      logger.error({ err }, 'queue dashboard failed')
      if (!res.headersSent) res.writeHead(500).end()
    })
    return
  }
  if (req.url === '/api/health' && (req.method === 'GET' || req.method === 'HEAD')) {
    health(req, res).catch((err) => {
      logger.error({ err }, 'health check failed')
      res.writeHead(500).end()
    })
    return
  }
  // Sign-in throttling counts per client IP: the socket's, or X-Forwarded-For's as far as TRUST_PROXY says.
  stampClientIp(req, env.TRUST_PROXY)
  handle(req, res).catch((err: unknown) => {
    logger.error({ err, url: req.url }, 'request failed')
    if (!res.headersSent) res.writeHead(500).end()
  })
})
if (dev) {
  // Next's dev server upgrades its own websocket (hot reload); a failed upgrade is logged, not left unhandled.
  const upgrade = app.getUpgradeHandler()
  server.on('upgrade', (req, socket, head) => {
    upgrade(req, socket, head).catch((err: unknown) => logger.error({ err }, 'upgrade failed'))
  })
}

onShutdown('http', 10, async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve())
    // Long-lived SSE subscriptions would hold close() open: end idle and streaming sockets.
    setTimeout(() => server.closeAllConnections(), 500).unref()
  })
})

await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve))
logger.info({ port: env.PORT, engine: env.WHATSAPP_ENGINE, mode: dev ? 'development' : 'production' }, `Soul CRM ready on http://localhost:${env.PORT}`)
// After listening, so /api/health answers (and says what is wrong) even if Redis or PostgreSQL is down.
await startBackground(env)
if (!dev && env.WHATSAPP_ENGINE === 'simulator') {
  // Loud on purpose: the simulator fakes WhatsApp and exposes /dev/phone; no real message leaves this server.
  logger.warn(
    { engine: env.WHATSAPP_ENGINE },
    '!!! PRODUCTION SERVER RUNNING THE WHATSAPP SIMULATOR: no real WhatsApp, /dev/phone is open to signed-in users. Set WHATSAPP_ENGINE=webjs for real use. !!!',
  )
}

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'shutting down')
  const clean = await runShutdown(env.SHUTDOWN_TIMEOUT_MS)
  process.exit(clean ? 0 : 1)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'))
