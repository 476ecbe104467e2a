/**
 * Prometheus metrics (prom-client), one registry per process. Next's bundled route handlers and the
 * tsx-loaded server.ts load separate copies of this module, so the registry and every metric live in a
 * process singleton: a tRPC call counted in Next's copy and a send counted in the worker's copy end up
 * in the same scrape.
 *
 * Labels never carry personal data: no phone numbers, chat ids, names or message text. The only
 * unbounded-looking label is `organization` (an organization's id), used on the per-organization message
 * counters and quota gauges only: one series per organization and label value, so a node serving 300
 * organizations exposes about 300 × (1 + 3 kinds + 3 windows) series. Everything else is labelled by
 * closed sets (queue names, states, acks, procedure paths of our router, route classes).
 * docs/operations.md lists the series and their cardinality.
 */
import type { Job, Worker } from 'bullmq'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import { processSingleton } from '../process-singleton'

/** Where an outgoing message came from (bounded). */
export type OutgoingKind = 'operator' | 'bulk' | 'agent'

function createMetrics() {
  const registry = new Registry()
  // Event-loop lag, heap, RSS, GC, handles of this Node process (the standard names).
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 })
  const registers = [registry]
  return {
    registry,
    incomingMessages: new Counter({
      name: 'soul_incoming_messages_total',
      help: 'Customer messages stored, per organization',
      labelNames: ['organization'] as const,
      registers,
    }),
    outgoingMessages: new Counter({
      name: 'soul_outgoing_messages_total',
      help: 'Messages handed to WhatsApp, per organization and kind (operator, bulk, agent)',
      labelNames: ['organization', 'kind'] as const,
      registers,
    }),
    sendOutcomes: new Counter({
      name: 'soul_send_outcomes_total',
      help: 'Acks of our sent messages as WhatsApp reported them (ERROR, SERVER, DEVICE, READ, PLAYED), and sends that failed before any ack (FAILED)',
      labelNames: ['ack'] as const,
      registers,
    }),
    jobDuration: new Histogram({
      name: 'soul_job_duration_seconds',
      help: 'How long a queue job ran, by queue and outcome (completed, failed, deferred)',
      labelNames: ['queue', 'outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    pacingWait: new Histogram({
      name: 'soul_pacing_wait_seconds',
      help: 'How long a send waited for its pacing slot (0 when it went at once)',
      buckets: [0, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300],
      registers,
    }),
    reconnectAttempts: new Counter({
      name: 'soul_reconnect_attempts_total',
      help: 'Reconnection attempts of WhatsApp sessions, by the reason the session went down',
      labelNames: ['reason'] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'soul_http_request_duration_seconds',
      help: 'HTTP request durations by route class (trpc, auth, health, metrics, queues, static, page), method and status class',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    trpcDuration: new Histogram({
      name: 'soul_trpc_duration_seconds',
      help: 'tRPC procedure durations by procedure path, type and result code (subscriptions: until their first answer)',
      labelNames: ['procedure', 'type', 'code'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    // Gauges below are set at scrape time by observability/collectors.ts.
    sessions: new Gauge({
      name: 'soul_sessions',
      help: 'WhatsApp sessions by status (all nodes, from the database)',
      labelNames: ['status'] as const,
      registers,
    }),
    sessionUp: new Gauge({
      name: 'soul_session_up',
      help: 'Per organization whose admin wants WhatsApp connected: 1 while its session is CONNECTED, 0 otherwise (all nodes, from the database)',
      labelNames: ['organization'] as const,
      registers,
    }),
    governorPaused: new Gauge({
      name: 'soul_governor_paused',
      help: 'Per organization with a session on this node: 1 while the sending governor holds bulk and agent sends',
      labelNames: ['organization'] as const,
      registers,
    }),
    queueJobs: new Gauge({
      name: 'soul_queue_jobs',
      help: 'Jobs per queue and state (waiting, delayed, active, prioritized, failed)',
      labelNames: ['queue', 'state'] as const,
      registers,
    }),
    quotaUsed: new Gauge({
      name: 'soul_quota_used_ratio',
      help: 'Share of the send quota used, per organization with a session on this node and window (minute, hour, day)',
      labelNames: ['organization', 'window'] as const,
      registers,
    }),
    backlog: new Gauge({
      name: 'soul_backlog_items',
      help: 'Work not yet handed to a queue: unprocessed inbox rows, pending outbox messages, lines in the local incoming spool',
      labelNames: ['kind'] as const,
      registers,
    }),
    chromiumRss: new Gauge({
      name: 'soul_chromium_rss_bytes',
      help: 'Resident memory of each real engine’s Chromium (all its processes), per organization with a session on this node',
      labelNames: ['organization'] as const,
      registers,
    }),
  }
}

export type Metrics = ReturnType<typeof createMetrics>

export function metrics(): Metrics {
  return processSingleton('prometheus-metrics', createMetrics)
}

/**
 * Observes every finished job of a worker in the job histogram, from BullMQ's own timestamps
 * (processedOn → finishedOn): the processor stays as it is. A job moved back to delayed (pacing, quiet
 * hours, an outage) does not finish, so only real completions and failures are timed.
 */
export function observeJobDurations(worker: Pick<Worker, 'on'>, queue: string): void {
  const observe = (job: Job | undefined, outcome: string) => {
    if (!job?.processedOn || !job.finishedOn) return
    metrics().jobDuration.observe({ queue, outcome }, Math.max(0, job.finishedOn - job.processedOn) / 1000)
  }
  worker.on('completed', (job: Job) => observe(job, 'completed'))
  worker.on('failed', (job: Job | undefined) => observe(job, 'failed'))
}

/** The route class of a request path: a closed set, so no URL (ids, search terms) becomes a label. */
export function routeClass(url: string | undefined): string {
  const path = (url ?? '').split('?')[0] ?? ''
  if (path.startsWith('/api/trpc')) return 'trpc'
  if (path.startsWith('/api/auth')) return 'auth'
  if (path === '/api/health') return 'health'
  if (path === '/metrics') return 'metrics'
  if (path.startsWith('/admin/queues')) return 'queues'
  if (path.startsWith('/api/')) return 'api'
  if (path.startsWith('/_next/') || /\.[a-z0-9]{2,5}$/i.test(path)) return 'static'
  return 'page'
}

/** 2xx, 3xx, 4xx, 5xx. */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`
}
