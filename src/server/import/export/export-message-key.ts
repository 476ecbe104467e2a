/** Chat exports carry no WhatsApp ids: a stable key per message makes uploading a file twice add nothing. */
import { createHash } from 'node:crypto'

/** A stable id for a message that has no WhatsApp id (chat exports): hash of time, author and text. */
export function exportMessageKey(timestamp: Date, author: string | null, body: string): string {
  const hash = createHash('sha256')
    .update(`${timestamp.toISOString()}\u0000${author ?? ''}\u0000${body}`)
    .digest('hex')
  return `export_${hash.slice(0, 40)}`
}
