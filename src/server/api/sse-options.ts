/**
 * Server-sent events (tRPC subscriptions): a ping every 20 s keeps proxies from closing a quiet stream
 * and lets either side notice a dead socket; the browser reconnects (resuming by last event id) when it
 * heard nothing, not even a ping, for 45 s.
 */
export const SSE_PING_INTERVAL_MS = 20_000
export const SSE_RECONNECT_AFTER_INACTIVITY_MS = 45_000

export const sseOptions = {
  ping: { enabled: true, intervalMs: SSE_PING_INTERVAL_MS },
  client: { reconnectAfterInactivityMs: SSE_RECONNECT_AFTER_INACTIVITY_MS },
}
