/**
 * The order of a message's statuses, shared by the server (which writes them) and the browser (which
 * merges live events into its cache), so both apply the same rule: PENDING → SENT → DELIVERED → READ,
 * never back; FAILED stands outside the order and is left only by a retry (FAILED → PENDING). SKIPPED
 * (a bulk or agent message a safety rule stopped before it left: the customer opted out, a repeat) is
 * final and outside the order too.
 */
export const MESSAGE_STATUSES = ['PENDING', 'SENT', 'DELIVERED', 'READ', 'FAILED', 'SKIPPED'] as const
export type MessageStatusName = (typeof MESSAGE_STATUSES)[number]

/** Progress of each status; FAILED and SKIPPED are below everything. */
export const STATUS_RANK: Readonly<Record<MessageStatusName, number>> = { PENDING: 0, SENT: 1, DELIVERED: 2, READ: 3, FAILED: -1, SKIPPED: -1 }

const outsideOrder = (status: MessageStatusName) => status === 'FAILED' || status === 'SKIPPED'

/** Whether delivery progress may move a message from `from` to `to`: strictly forward, never out of FAILED or SKIPPED. */
export function mayAdvance(from: MessageStatusName, to: MessageStatusName): boolean {
  return !outsideOrder(from) && !outsideOrder(to) && STATUS_RANK[from] < STATUS_RANK[to]
}

/** The statuses a message may be in for delivery progress to move it to `to`. */
export function statusesBefore(to: MessageStatusName): MessageStatusName[] {
  return MESSAGE_STATUSES.filter((from) => mayAdvance(from, to))
}

/**
 * Whether a newer view of a message (a live event, a refetch) may replace the one already known: a late
 * event must not move it back (DELIVERED after READ); a failure and a retry (FAILED → PENDING) always apply.
 */
export function mayReplace(current: MessageStatusName, incoming: MessageStatusName): boolean {
  if (current === 'SKIPPED') return incoming === 'SKIPPED'
  if (current === 'FAILED' || incoming === 'FAILED' || incoming === 'SKIPPED') return true
  return STATUS_RANK[incoming] >= STATUS_RANK[current]
}

/**
 * An outgoing message still PENDING this long after it was accepted may be retried by an operator (a
 * database outage may have stranded it). The server's MESSAGE_PENDING_RETRY_AFTER_MS overrides it there.
 */
export const PENDING_RETRY_AFTER_MS = 120_000

/** Whether an operator may retry an outgoing message: FAILED, or PENDING for longer than `pendingAfterMs`. */
export function mayRetry(message: { status: MessageStatusName; createdAt: Date | string }, now: number, pendingAfterMs = PENDING_RETRY_AFTER_MS): boolean {
  if (message.status === 'FAILED') return true
  return message.status === 'PENDING' && now - new Date(message.createdAt).getTime() >= pendingAfterMs
}
