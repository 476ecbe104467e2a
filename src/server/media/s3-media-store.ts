/**
 * The media store in an S3-compatible bucket (AWS S3, MinIO, …), through the official AWS SDK v3. The
 * bytes are first streamed to a local temporary file while hashed and counted (so the cap holds before
 * anything reaches the bucket, and the key, derived from the content, is known), then uploaded under
 * `ab/cd/<sha256>` unless the bucket has that object already.
 */
import { randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3'
import { assertMediaKey, HashingLimit, MediaNotFoundError, mediaKeyFor, type MediaRange, type MediaStore, type StoredMedia } from './media-store'

export interface S3MediaStoreOptions {
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  endpoint?: string
  forcePathStyle?: boolean
}

function isNotFound(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false
  return error.$metadata?.httpStatusCode === 404 || error.name === 'NotFound' || error.name === 'NoSuchKey'
}

export class S3MediaStore implements MediaStore {
  readonly kind = 's3' as const
  private readonly client: S3Client
  private readonly bucket: string

  constructor(options: S3MediaStoreOptions) {
    this.bucket = options.bucket
    this.client = new S3Client({
      region: options.region,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: Boolean(options.forcePathStyle),
      // Checksums only where S3 requires them: self-hosted S3 servers do not all know the newer ones.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    })
  }

  async put(source: Readable | AsyncIterable<Uint8Array>, options: { maxBytes: number }): Promise<StoredMedia> {
    const dir = join(tmpdir(), 'soul-media-upload')
    await mkdir(dir, { recursive: true })
    const tmp = join(dir, randomUUID())
    const limit = new HashingLimit(options.maxBytes)
    try {
      await pipeline(source, limit, createWriteStream(tmp, { flags: 'wx' }))
      const sha256 = limit.digest()
      const key = mediaKeyFor(sha256)
      if (!(await this.stat(key))) {
        await this.client.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key: key,
            Body: createReadStream(tmp),
            ContentLength: limit.size,
            ContentType: 'application/octet-stream',
          }),
        )
      }
      return { key, sha256, size: limit.size }
    } finally {
      await rm(tmp, { force: true }).catch(() => undefined)
    }
  }

  async open(key: string, range?: MediaRange): Promise<Readable> {
    try {
      const result = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: assertMediaKey(key), ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
      )
      const body = result.Body
      if (!body) throw new MediaNotFoundError(key)
      return body instanceof Readable ? body : Readable.from(body as unknown as AsyncIterable<Uint8Array>)
    } catch (error) {
      if (isNotFound(error)) throw new MediaNotFoundError(key)
      throw error
    }
  }

  async stat(key: string): Promise<{ size: number } | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: assertMediaKey(key) }))
      return { size: head.ContentLength ?? 0 }
    } catch (error) {
      if (isNotFound(error)) return null
      throw error
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: assertMediaKey(key) }))
  }

  /** Closes the SDK's sockets (tests, shutdown). */
  destroy(): void {
    this.client.destroy()
  }
}
