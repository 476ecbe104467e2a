/**
 * The ecosystem's queue dashboard, bull-board, at /admin/queues on our custom server (its Express
 * adapter, mounted only for that path). Only a SUPER_ADMIN's session opens it: signed out gets 401,
 * any other role 403, before bull-board sees the request. It is read-only unless
 * QUEUE_DASHBOARD_WRITABLE=true, and then a changing request must come from our own origin (CSRF).
 * Job payloads hold ids only (no text, no secrets: BullMQ's data never carries them), which is all it shows.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createBullBoard } from '@bull-board/api'
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter'
import { ExpressAdapter } from '@bull-board/express'
import express from 'express'
import { sessionRoleOf } from '../auth/health-access'
import { getEnv } from '../env'
import { checkSameOrigin } from '../http/request-guards'
import { logger } from '../logger'
import { processSingleton } from '../process-singleton'
import { producerQueue } from '../queues/queue-factory'

export const QUEUE_DASHBOARD_PATH = '/admin/queues'

export function isQueueDashboardRequest(url: string | undefined): boolean {
  const path = (url ?? '').split('?')[0] ?? ''
  return path === QUEUE_DASHBOARD_PATH || path.startsWith(`${QUEUE_DASHBOARD_PATH}/`)
}

function createDashboard(queueNames: readonly string[], writable: boolean) {
  const serverAdapter = new ExpressAdapter()
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH)
  createBullBoard({
    queues: queueNames.map((name) => new BullMQAdapter(producerQueue(name), { readOnlyMode: !writable, allowRetries: writable })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Soul CRM queues' } },
  })
  const app = express()
  app.disable('x-powered-by')
  app.use(QUEUE_DASHBOARD_PATH, serverAdapter.getRouter() as express.Router)
  // An Express app is a Node request handler (what http.createServer takes), with a fallthrough callback.
  return app as unknown as (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void
}

const dashboards = processSingleton('queue-dashboard', () => new Map<string, ReturnType<typeof createDashboard>>())

function asFetchRequest(req: IncomingMessage): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v)
  }
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers })
}

function refuse(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(message)
}

/** Serves /admin/queues/* for a SUPER_ADMIN; refuses everyone else. */
export async function serveQueueDashboard(req: IncomingMessage, res: ServerResponse, queueNames: readonly string[]): Promise<void> {
  const role = await sessionRoleOf(req.headers)
  if (!role) return refuse(res, 401, 'Sign in as a super administrator')
  if (role !== 'SUPER_ADMIN') return refuse(res, 403, 'Only a super administrator may open the queue dashboard')
  const env = getEnv()
  const writable = env.QUEUE_DASHBOARD_WRITABLE
  if (writable) {
    const origin = checkSameOrigin(asFetchRequest(req), env.AUTH_URL)
    if (!origin.ok) return refuse(res, origin.status, origin.code)
  } else if (req.method !== 'GET' && req.method !== 'HEAD') {
    return refuse(res, 405, 'The queue dashboard is read-only (QUEUE_DASHBOARD_WRITABLE)')
  }
  const key = `${writable}:${queueNames.join(',')}`
  let app = dashboards.get(key)
  if (!app) {
    app = createDashboard(queueNames, writable)
    dashboards.set(key, app)
  }
  res.setHeader('cache-control', 'no-store')
  app(req, res, (err?: unknown) => {
    if (err) logger.error({ err }, 'queue dashboard failed')
    if (!res.headersSent) refuse(res, err ? 500 : 404, err ? 'Error' : 'Not found')
  })
}
