/**
 * Media out, at the process that runs the session: the send job and a forwarded send (session-rpc.ts)
 * carry only a reference to the stored file (its store key, sniffed type and name), never the bytes;
 * the bytes are read from the media store here, capped, right before the engine call. whatsapp-web.js
 * needs them whole (base64 into the page), so they are read into one buffer of at most `maxBytes`.
 */
import { getMediaStore, MediaTooLargeError, type MediaStore } from '../media'
import type { WaOutgoingMedia } from './engine/types'
import { EngineError } from './engine/errors'

/** What a send job's message says about its file. */
export interface OutgoingMediaRef {
  storageKey: string
  mimetype: string
  fileName?: string
  asDocument: boolean
}

/** Whether an RPC argument is an OutgoingMediaRef (a forwarded send is checked before it is used). */
export function isOutgoingMediaRef(value: unknown): value is OutgoingMediaRef {
  if (!value || typeof value !== 'object') return false
  const ref = value as Record<string, unknown>
  return (
    typeof ref.storageKey === 'string' &&
    typeof ref.mimetype === 'string' &&
    typeof ref.asDocument === 'boolean' &&
    (ref.fileName === undefined || typeof ref.fileName === 'string')
  )
}

/** The file's bytes from the store; EngineError(SEND_FAILED, not retryable) when the store no longer has them or they exceed the cap. */
export async function loadOutgoingMedia(ref: OutgoingMediaRef, maxBytes: number, store: MediaStore = getMediaStore()): Promise<WaOutgoingMedia> {
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of await store.open(ref.storageKey)) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array)
      size += buffer.length
      if (size > maxBytes) throw new MediaTooLargeError(maxBytes)
      chunks.push(buffer)
    }
  } catch (err) {
    const reason = err instanceof MediaTooLargeError ? 'stored file over the size cap' : `stored file unreadable: ${(err as Error).message}`
    throw new EngineError('SEND_FAILED', reason, { retryable: !(err instanceof MediaTooLargeError) && (err as Error).name !== 'MediaNotFoundError' })
  }
  return { data: Buffer.concat(chunks, size), mimetype: ref.mimetype, asDocument: ref.asDocument, ...(ref.fileName ? { fileName: ref.fileName } : {}) }
}
