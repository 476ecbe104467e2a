/**
 * The media store: where the bytes of photos, voice notes and documents live. One interface, two
 * implementations (local files under MEDIA_DIR, or an S3-compatible bucket). Content-addressed: a file's
 * key is derived from its SHA-256 (`ab/cd/<sha256>`), so the same bytes are stored once, and no name that
 * came from outside (a customer's file name, a URL) ever becomes part of a path or a key.
 */
import { createHash } from 'node:crypto'
import { Transform, type Readable, type TransformCallback } from 'node:stream'

/** What `put` stored. */
export interface StoredMedia {
  key: string
  sha256: string
  size: number
}

/** Inclusive byte range, as in an HTTP `Range: bytes=start-end`. */
export interface MediaRange {
  start: number
  end: number
}

export interface MediaStore {
  readonly kind: 'local' | 's3'
  /** Streams `source` into the store, refusing past `maxBytes` (MediaTooLargeError; nothing is kept). */
  put(source: Readable | AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<StoredMedia>
  /** A read stream of the stored bytes (all, or a range); MediaNotFoundError when the key holds nothing. */
  open(key: string, range?: MediaRange): Promise<Readable>
  /** The stored size, or null when the key holds nothing. */
  stat(key: string): Promise<{ size: number } | null>
  /** Removes the stored bytes (no error when already gone). */
  delete(key: string): Promise<void>
}

export class MediaTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`media larger than ${maxBytes} bytes`)
    this.name = 'MediaTooLargeError'
  }
}

export class MediaNotFoundError extends Error {
  constructor(key: string) {
    super(`no stored media under ${key}`)
    this.name = 'MediaNotFoundError'
  }
}

const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/

/** The store key of a SHA-256 (hex): `ab/cd/abcd…`. */
export function mediaKeyFor(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256 hex digest')
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`
}

/** Refuses anything but a key this store made (no `..`, no absolute path, no other characters). */
export function assertMediaKey(key: string): string {
  if (!KEY_PATTERN.test(key) || !key.slice(6).startsWith(key.slice(0, 2) + key.slice(3, 5))) throw new Error('invalid media key')
  return key
}

/**
 * A pass-through that hashes and counts the bytes, failing with MediaTooLargeError as soon as more than
 * `maxBytes` went by (the source is not read further).
 */
export class HashingLimit extends Transform {
  private readonly hash = createHash('sha256')
  size = 0

  constructor(private readonly maxBytes: number) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length
    if (this.size > this.maxBytes) {
      callback(new MediaTooLargeError(this.maxBytes))
      return
    }
    this.hash.update(chunk)
    callback(null, chunk)
  }

  /** The hex digest; call once the stream has ended. */
  digest(): string {
    return this.hash.digest('hex')
  }
}
