/**
 * Infrastructure failures (PostgreSQL or Redis unreachable) told apart from message failures. A message
 * that met one did nothing wrong: its job waits and retries with a capped backoff for as long as the
 * outage lasts, and never spends the attempts meant for WhatsApp's errors.
 */

/** Prisma's "cannot reach / lost the database" codes: P1001 can't reach, P1002 timed out, P1017 server closed the connection, P2024 pool timeout. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024'])

/** Socket-level codes of node, pg and ioredis when the server is gone. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'NR_CLOSED'])

/**
 * PostgreSQL SQLSTATEs of a server going away or not ready: 57P01 admin shutdown, 57P02 crash shutdown,
 * 57P03 cannot connect now (starting up), 08xxx connection exceptions.
 */
const SQLSTATE = /^(57P0[123]|08\d{3})$/

/** Messages of pg ("Connection terminated unexpectedly"), pg-pool (connect timeout), Prisma's driver adapter and ioredis ("Connection is closed."). */
const MESSAGES = [
  /connection terminated/i,
  /can't reach database server/i,
  /server closed the connection/i,
  /connection is closed/i,
  /connection (refused|reset)/i,
  /ECONNREFUSED|ECONNRESET/,
  /the database system is (shutting down|starting up|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  /timed out fetching a new connection from the connection pool/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /connection timeout/i,
  /redis (timeout|did not)/i,
  /max retries per request limit/i,
  /stream isn't writeable/i,
]

/** Whether an error means "the database or Redis is unreachable" (looks through `cause` chains and aggregates). */
export function isInfrastructureError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false
  const e = error as { code?: unknown; errorCode?: unknown; message?: unknown; cause?: unknown; errors?: unknown; name?: unknown }
  for (const code of [e.code, e.errorCode]) {
    if (typeof code !== 'string') continue
    if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code)) return true
  }
  if (e.name === 'PrismaClientInitializationError') return true
  if (typeof e.message === 'string' && MESSAGES.some((pattern) => pattern.test(e.message as string))) return true
  if (Array.isArray(e.errors) && e.errors.some((inner) => isInfrastructureError(inner, depth + 1))) return true
  return isInfrastructureError(e.cause, depth + 1)
}

/** The first wait after an outage is met, doubled each time after that... */
export const OUTAGE_BACKOFF_START_MS = 1000
/** ...up to this, so work resumes at most this long after the outage ends. */
export const OUTAGE_BACKOFF_MAX_MS = 4000

/** The wait before retry number `retry` (0-based) during an outage: 1 s, 2 s, then 4 s for ever (a job notices the end within 4 s; everything is done within 10 s). */
export function outageBackoffMs(retry: number): number {
  const n = Math.max(0, Math.min(30, Math.floor(retry)))
  return Math.min(OUTAGE_BACKOFF_MAX_MS, OUTAGE_BACKOFF_START_MS * 2 ** n)
}

/**
 * Runs `fn` until it stops failing with an infrastructure error (waiting with the outage backoff), for at
 * most `deadlineMs`; any other error, or the deadline, rethrows. For a write that must not be lost, such
 * as recording that WhatsApp already took a message (sending it again would duplicate it).
 */
export async function untilReachable<T>(
  fn: () => Promise<T>,
  deadlineMs = 5 * 60_000,
  sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  const started = Date.now()
  for (let retry = 0; ; retry++) {
    try {
      return await fn()
    } catch (error) {
      if (!isInfrastructureError(error) || Date.now() - started >= deadlineMs) throw error
      await sleep(outageBackoffMs(retry))
    }
  }
}
