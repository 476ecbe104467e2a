/**
 * WhatsApp Web fills its chat list in batches for a while after `ready` (the phone syncs history to the
 * linked device), so reading at once imports only the chats that happened to be there. The import waits
 * until the list has kept its length for `stableMs`, at most `maxMs`, then reads.
 */
import { sleep } from '../../queues/delays'
import type { WaChatSummary } from '../../whatsapp/engine/types'

export interface ChatListWait {
  /** How long the chat count must stay the same. */
  stableMs: number
  /** Upper bound for the whole wait; the list read last is used when it is reached. */
  maxMs: number
  /** Time between two reads (default: a quarter of stableMs, between 20 ms and 2 s). */
  pollMs?: number
}

export interface StableChatList {
  chats: WaChatSummary[]
  /** False when the cap was reached while the list was still growing. */
  stable: boolean
  /** How many times the list was read. */
  reads: number
}

/**
 * Reads the chat list until its length is unchanged for `stableMs` (or `maxMs` passed), and returns the
 * last list read. `cancelled` is checked between reads.
 */
export async function waitForStableChatList(
  getChats: () => Promise<WaChatSummary[]>,
  wait: ChatListWait,
  cancelled: () => boolean = () => false,
): Promise<StableChatList> {
  const pollMs = wait.pollMs ?? Math.min(2_000, Math.max(20, Math.floor(wait.stableMs / 4)))
  const started = Date.now()
  let chats = await getChats()
  let reads = 1
  let sameSince = Date.now()
  while (!cancelled()) {
    if (Date.now() - sameSince >= wait.stableMs) return { chats, stable: true, reads }
    if (Date.now() - started >= wait.maxMs) return { chats, stable: false, reads }
    await sleep(pollMs)
    const next = await getChats()
    reads += 1
    if (next.length !== chats.length) sameSince = Date.now()
    chats = next
  }
  return { chats, stable: false, reads }
}
