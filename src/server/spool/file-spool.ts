/**
 * A durable local spool: records appended as JSON lines to one file, fsynced before append() resolves,
 * with a size bound. Used for what must outlive the process while PostgreSQL is down (incoming-spool.ts).
 *
 * - Appends are serialized in the process, so lines never interleave and the size is exact.
 * - A kill -9 mid-write leaves a torn last line (no newline): the next open ends it with a newline, and
 *   readers skip any line that is not whole JSON. A record is durable once append() resolved.
 * - Draining rotates the file first (rename to `<name>.draining`), so appends during a drain go to a fresh
 *   file; the drained file is removed only after every record was handed over. A drain that dies midway
 *   leaves the `.draining` file, which the next drain takes first (the consumer must be idempotent).
 * - Full (maxBytes): append() throws SpoolFullError; near full (warnRatio): status().nearFull.
 * One process per directory: two processes must not share a spool directory.
 */
import { mkdirSync } from 'node:fs'
import { appendFile, open, readFile, rename, stat, unlink, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'

export class SpoolFullError extends Error {
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`spool full: ${bytes} of ${maxBytes} bytes`)
    this.name = 'SpoolFullError'
  }
}

export interface FileSpoolOptions {
  dir: string
  /** The file's name in `dir`. */
  name: string
  maxBytes: number
  /** status().nearFull from this share of maxBytes (default 0.8). */
  warnRatio?: number
}

export interface SpoolStatus {
  /** Bytes waiting: the active file plus a drain left unfinished. */
  bytes: number
  maxBytes: number
  nearFull: boolean
  full: boolean
}

export interface ReadResult<T> {
  records: T[]
  /** Lines that were not whole JSON (a torn tail after a kill -9, or damage). */
  skipped: number
}

/** Parses JSON lines; a line that is not whole JSON (torn, damaged) is skipped and counted. */
export function parseSpoolLines<T>(text: string): ReadResult<T> {
  const records: T[] = []
  let skipped = 0
  const lines = text.split('\n')
  // What follows the last newline is a torn write (or nothing).
  const torn = lines.pop() ?? ''
  if (torn.length) skipped += 1
  for (const line of lines) {
    if (!line.trim()) continue
    try {
      records.push(JSON.parse(line) as T)
    } catch {
      skipped += 1
    }
  }
  return { records, skipped }
}

export class FileSpool<T> {
  readonly path: string
  readonly drainingPath: string
  private readonly maxBytes: number
  private readonly warnRatio: number
  private handle: FileHandle | null = null
  private bytes = -1
  private queue: Promise<unknown> = Promise.resolve()

  constructor(options: FileSpoolOptions) {
    mkdirSync(options.dir, { recursive: true })
    this.path = join(options.dir, options.name)
    this.drainingPath = `${this.path}.draining`
    this.maxBytes = options.maxBytes
    this.warnRatio = options.warnRatio ?? 0.8
  }

  /** Runs `fn` after every earlier operation of this spool (appends and drains never overlap). */
  private serialized<R>(fn: () => Promise<R>): Promise<R> {
    const run = this.queue.then(fn, fn)
    this.queue = run.catch(() => undefined)
    return run
  }

  private async sizeOf(path: string): Promise<number> {
    return stat(path).then(
      (s) => s.size,
      () => 0,
    )
  }

  /** Opens the active file for appending; a torn last line from a killed process is ended first. */
  private async openForAppend(): Promise<FileHandle> {
    if (this.handle) return this.handle
    const size = await this.sizeOf(this.path)
    const handle = await open(this.path, 'a')
    if (size > 0) {
      const last = Buffer.alloc(1)
      const reader = await open(this.path, 'r')
      try {
        await reader.read(last, 0, 1, size - 1)
      } finally {
        await reader.close()
      }
      if (last[0] !== 0x0a) {
        await handle.write('\n')
        await handle.datasync()
      }
    }
    this.handle = handle
    this.bytes = (await this.sizeOf(this.path)) + (await this.sizeOf(this.drainingPath))
    return handle
  }

  /** Appends one record and fsyncs it; throws SpoolFullError when it would pass maxBytes. */
  append(record: T): Promise<SpoolStatus> {
    return this.serialized(async () => {
      const handle = await this.openForAppend()
      const line = `${JSON.stringify(record)}\n`
      const size = Buffer.byteLength(line)
      if (this.bytes + size > this.maxBytes) throw new SpoolFullError(this.bytes, this.maxBytes)
      await handle.write(line)
      await handle.datasync()
      this.bytes += size
      return this.statusNow()
    })
  }

  private statusNow(): SpoolStatus {
    const bytes = Math.max(0, this.bytes)
    return { bytes, maxBytes: this.maxBytes, nearFull: bytes >= this.maxBytes * this.warnRatio, full: bytes >= this.maxBytes }
  }

  /** How full the spool is (reads the files' sizes). */
  status(): Promise<SpoolStatus> {
    return this.serialized(async () => {
      this.bytes = (await this.sizeOf(this.path)) + (await this.sizeOf(this.drainingPath))
      return this.statusNow()
    })
  }

  /**
   * Hands every waiting record to `consume` (oldest first: a drain left unfinished, then the active
   * file), and removes them once `consume` resolved. If it throws, the records stay for the next drain.
   */
  drain(consume: (records: T[], skipped: number) => Promise<void>): Promise<number> {
    return this.serialized(async () => {
      await this.handle?.close()
      this.handle = null
      let drainingExists = (await this.sizeOf(this.drainingPath)) > 0
      if (!drainingExists && (await this.sizeOf(this.path)) > 0) {
        await rename(this.path, this.drainingPath)
        drainingExists = true
      }
      if (!drainingExists) return 0
      const { records, skipped } = parseSpoolLines<T>(await readFile(this.drainingPath, 'utf8'))
      await consume(records, skipped)
      await unlink(this.drainingPath)
      this.bytes = await this.sizeOf(this.path)
      return records.length
    })
  }

  /** Keeps a record no consumer could take (kept for an operator; never silently dropped). */
  async reject(record: T, reason: string): Promise<void> {
    await appendFile(`${this.path}.rejected`, `${JSON.stringify({ reason, record })}\n`)
  }

  async close(): Promise<void> {
    await this.serialized(async () => {
      await this.handle?.close()
      this.handle = null
    })
  }
}
