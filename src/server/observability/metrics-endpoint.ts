/**
 * GET /metrics for Prometheus. Off unless METRICS_TOKEN is set (404, as if there were no such route);
 * with it, the request must carry the token (`Authorization: Bearer …`), compared in constant time; a
 * missing or wrong one gets 401.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { getEnv } from '../env'
import { logger } from '../logger'
import { renderMetrics } from './scrape'

const digest = (value: string) => createHash('sha256').update(value).digest()

export function bearerToken(req: Pick<IncomingMessage, 'headers'>): string | undefined {
  const header: string = req.headers.authorization ?? ''
  return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1]
}

export type MetricsAccess = 'off' | 'refused' | 'allowed'

export function metricsAccess(req: Pick<IncomingMessage, 'headers'>, expected = getEnv().METRICS_TOKEN): MetricsAccess {
  if (!expected) return 'off'
  const given = bearerToken(req)
  if (!given) return 'refused'
  return timingSafeEqual(digest(given), digest(expected)) ? 'allowed' : 'refused'
}

export function isMetricsRequest(req: IncomingMessage): boolean {
  return (req.url === '/metrics' || req.url?.startsWith('/metrics?') === true) && (req.method === 'GET' || req.method === 'HEAD')
}

export async function serveMetrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const access = metricsAccess(req)
  if (access === 'off') {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found')
    return
  }
  if (access === 'refused') {
    res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="metrics"' }).end('Unauthorized')
    return
  }
  try {
    const { contentType, body } = await renderMetrics()
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' })
    res.end(req.method === 'HEAD' ? undefined : body)
  } catch (err) {
    logger.error({ err: (err as Error).message }, 'metrics rendering failed')
    if (!res.headersSent) res.writeHead(500).end()
  }
}
